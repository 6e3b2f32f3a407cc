/**
 * What the queue consumer does with an event: a project's job is checked; jobs a
 * run handed on (it had used up Forge's events for the minute) are pushed now.
 * `queueEventOf` accepts only those two shapes, since a queue body is untrusted JSON.
 */
import type { AppDeps, HandedOnJobs, ProjectJob, QueueEvent } from '../deps';
import { pushHandedOnJobs } from '../run/push-jobs';
import { processProjectJob } from './process-project-job';

const REASONS: readonly string[] = ['recheck', 'scheduled', 'fix'];

function isProjectJob(body: unknown): body is ProjectJob {
  const b = body as Partial<ProjectJob> | undefined;
  return typeof b?.runId === 'string' && typeof b.projectKey === 'string' && REASONS.includes(String(b.reason));
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
  if (isProjectJob(body)) return { runId: body.runId, projectKey: body.projectKey, reason: body.reason };
  const handOn = (body as { handOn?: unknown } | undefined)?.handOn;
  if (isHandedOn(handOn)) {
    return { handOn: { runId: handOn.runId, reason: handOn.reason, projectKeys: [...handOn.projectKeys], ...(handOn.maxDelaySeconds ? { maxDelaySeconds: handOn.maxDelaySeconds } : {}) } };
  }
  return undefined;
}

export async function consumeQueueEvent(deps: AppDeps, event: QueueEvent): Promise<void> {
  if ('handOn' in event) await pushHandedOnJobs(deps, event.handOn);
  else await processProjectJob(deps, event);
}
