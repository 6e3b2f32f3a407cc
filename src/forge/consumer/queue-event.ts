/**
 * What the queue consumer does with an event: a project's job is checked; jobs a
 * run handed on (it had used up Forge's events for the minute) are pushed now; a
 * fix run is continued where it stopped. `queueEventOf` accepts only those shapes,
 * since a queue body is untrusted JSON.
 */
import type { AppDeps, HandedOnJobs, ProjectJob, QueueEvent } from '../deps';
import { pushHandedOnJobs } from '../run/push-jobs';
import { processFixJob } from './process-fix-job';
import { MAX_DESK_PARTS } from './desk-continuation';
import { processProjectJob } from './process-project-job';

const FIX_RUN_ID = /^fix-[a-z0-9-]{1,60}$/;

const REASONS: readonly string[] = ['recheck', 'scheduled', 'fix'];

function isProjectJob(body: unknown): body is ProjectJob {
  const b = body as Partial<ProjectJob> | undefined;
  const part = b?.part;
  return (
    typeof b?.runId === 'string' &&
    typeof b.projectKey === 'string' &&
    REASONS.includes(String(b.reason)) &&
    (part === undefined || (Number.isInteger(part) && part >= 2 && part <= MAX_DESK_PARTS))
  );
}

function isHandedOn(body: unknown): body is HandedOnJobs {
  const b = body as Partial<HandedOnJobs> | undefined;
  return (
    typeof b?.runId === 'string' &&
    REASONS.includes(String(b.reason)) &&
    Array.isArray(b.projectKeys) &&
    b.projectKeys.every((k) => typeof k === 'string') &&
    (b.maxDelaySeconds === undefined || (typeof b.maxDelaySeconds === 'number' && b.maxDelaySeconds >= 0))
  );
}

/** Pure: the event in a queue body, or undefined when it is neither shape. */
export function queueEventOf(body: unknown): QueueEvent | undefined {
  if (isProjectJob(body)) return { runId: body.runId, projectKey: body.projectKey, reason: body.reason, ...(body.part !== undefined ? { part: body.part } : {}) };
  const handOn = (body as { handOn?: unknown } | undefined)?.handOn;
  const fixRun = (body as { fixRun?: { fixRunId?: unknown } } | undefined)?.fixRun;
  if (typeof fixRun?.fixRunId === 'string' && FIX_RUN_ID.test(fixRun.fixRunId)) return { fixRun: { fixRunId: fixRun.fixRunId } };
  if (isHandedOn(handOn)) {
    return { handOn: { runId: handOn.runId, reason: handOn.reason, projectKeys: [...handOn.projectKeys], ...(handOn.maxDelaySeconds ? { maxDelaySeconds: handOn.maxDelaySeconds } : {}) } };
  }
  return undefined;
}

export async function consumeQueueEvent(deps: AppDeps, event: QueueEvent): Promise<void> {
  if ('handOn' in event) await pushHandedOnJobs(deps, event.handOn);
  else if ('fixRun' in event) await processFixJob(deps, event.fixRun);
  else await processProjectJob(deps, event);
}
