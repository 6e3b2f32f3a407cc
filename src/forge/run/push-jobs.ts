/**
 * Pushes a run's jobs within Forge's async events limits: at most 50 events a push
 * and 500 a minute per site. One invocation pushes at most JOBS_PUSHED_PER_MINUTE
 * jobs and hands the rest on to one event delivered after more than a minute,
 * whose consumer pushes the next share, until every job is on the queue. Jobs of a
 * push Forge refuses for the minute's limit are handed on too; only a push that
 * really failed records its own jobs failed, so the run's progress lists every
 * desk, pending until its job runs.
 */
import { randomUUID } from 'node:crypto';
import type { AppDeps, HandedOnJobs, ProjectJob } from '../deps';
import { KEYS } from '../storage/keys';
import { currentRun, loadProgress, recordOutcomeAndCount } from '../storage/progress-repo';
import { finishRun } from '../consumer/finalise-run';
import { FORGE_EVENTS_PER_PUSH, HAND_ON_DELAY_SECONDS, JOBS_PUSHED_PER_MINUTE, READINESS_JOB_CONCURRENCY } from './job-pacing';
import { PushPartlyRefused, PushRateLimited } from './push-refusal';

export interface PushPlan {
  /** Pushes to make now, each at most FORGE_EVENTS_PER_PUSH project keys. */
  now: string[][];
  /** Keys for the next invocation. */
  later: string[];
}

/** Pure: this invocation's pushes and what it hands on. */
export function planPushes(projectKeys: readonly string[], perMinute = JOBS_PUSHED_PER_MINUTE, perPush = FORGE_EVENTS_PER_PUSH): PushPlan {
  const share = projectKeys.slice(0, perMinute);
  const now: string[][] = [];
  for (let i = 0; i < share.length; i += perPush) now.push(share.slice(i, i + perPush));
  return { now, later: projectKeys.slice(perMinute) };
}

export interface PushOutcome {
  pushed: string[];
  handedOn: string[];
  failed: string[];
}

export interface PushJobsOptions {
  /** A scheduled run's jitter source (tests make it repeatable). */
  random?: () => number;
}

function reasonOf(e: unknown): string {
  return `The app could not queue the check: ${e instanceof Error ? e.message : String(e)}`.slice(0, 300);
}

export async function pushJobs(deps: AppDeps, batch: HandedOnJobs, options: PushJobsOptions = {}): Promise<PushOutcome> {
  const keys = batch.projectKeys;
  const plan = planPushes(keys);
  const outcome: PushOutcome = { pushed: [], handedOn: [], failed: [] };
  const failed = async (lost: string[], message: string) => {
    outcome.failed.push(...lost);
    const header = await currentRun(deps.storage);
    if (header?.runId !== batch.runId) return;
    let last = false;
    for (const key of lost) last = (await recordOutcomeAndCount(deps.storage, header, key, { state: 'failed', at: deps.now().toISOString(), message })).last || last;
    // These desks were the run's last to report: no job is left to finish the run.
    if (last) await finishRun(deps, batch.runId);
  };
  const random = options.random ?? Math.random;
  const jitter = batch.maxDelaySeconds && batch.maxDelaySeconds > 0 ? { maxDelaySeconds: batch.maxDelaySeconds } : {};

  // More than one push may meet the minute's limit part-way, and by then Forge would
  // refuse a hand-on too. So the hand-on goes first, listing every job; this
  // invocation records how many it dealt with, and the consumer pushes the rest.
  let handOnId: string | undefined;
  let notHandedOn = `this queue takes at most ${JOBS_PUSHED_PER_MINUTE} jobs at once and cannot push the rest later.`;
  if (plan.now.length > 1 || plan.later.length > 0) {
    const id = randomUUID().slice(0, 8);
    try {
      if (!deps.queue.handOn) throw new Error(notHandedOn);
      await deps.queue.handOn({ runId: batch.runId, reason: batch.reason, projectKeys: [...keys], ...jitter, handOnId: id }, HAND_ON_DELAY_SECONDS);
      handOnId = id;
    } catch (e) {
      notHandedOn = reasonOf(e);
      deps.log.warn('Could not hand jobs on; pushing what this minute allows', { runId: batch.runId, projects: keys.length, reason: notHandedOn });
    }
  }
  const markDealtWith = async (count: number) => {
    if (!handOnId) return;
    // A lost mark costs a job pushed twice (it then runs twice); never a job lost.
    await deps.storage.set(KEYS.runPushedThrough(batch.runId, handOnId), count).catch((e: unknown) => deps.log.warn('Could not record the jobs pushed', { runId: batch.runId, reason: reasonOf(e) }));
  };

  let dealtWith = 0;
  for (const chunk of plan.now) {
    const jobs: ProjectJob[] = chunk.map((projectKey) => ({ runId: batch.runId, projectKey, reason: batch.reason }));
    const delays = jitter.maxDelaySeconds ? { delaysSeconds: jobs.map(() => Math.floor(random() * jitter.maxDelaySeconds!)) } : {};
    try {
      await deps.queue.push(jobs, { ...delays, concurrency: READINESS_JOB_CONCURRENCY });
      outcome.pushed.push(...chunk);
    } catch (e) {
      // Not a failure: Forge asks to push again after a minute; the hand-on does.
      if (e instanceof PushRateLimited) {
        if (!handOnId) notHandedOn = reasonOf(e);
        break;
      }
      if (e instanceof PushPartlyRefused) {
        const refused = new Set(e.refusedProjectKeys);
        outcome.pushed.push(...chunk.filter((k) => !refused.has(k)));
        await failed(chunk.filter((k) => refused.has(k)), reasonOf(e));
      } else {
        deps.log.error('Queueing project jobs failed', { runId: batch.runId, projects: chunk.length, reason: reasonOf(e) });
        await failed(chunk, reasonOf(e));
      }
    }
    dealtWith += chunk.length;
    await markDealtWith(dealtWith);
  }

  const rest = keys.slice(dealtWith);
  if (rest.length > 0) {
    if (handOnId) outcome.handedOn = rest;
    else {
      deps.log.error('Queueing project jobs failed', { runId: batch.runId, projects: rest.length, reason: notHandedOn });
      await failed(rest, notHandedOn);
    }
  }
  return outcome;
}

/**
 * The consumer's side of a hand-on: push the jobs the pushing invocation did not
 * deal with, unless the run is over (finished, gone stale or replaced), when its
 * jobs would report to nothing.
 */
export async function pushHandedOnJobs(deps: AppDeps, batch: HandedOnJobs): Promise<PushOutcome | undefined> {
  const progress = await loadProgress(deps.storage, deps.now());
  if (progress?.runId !== batch.runId || progress.state !== 'running') {
    deps.log.warn('Dropping handed-on jobs of a run that is over', { runId: batch.runId, projects: batch.projectKeys.length });
    return undefined;
  }
  let dealtWith = 0;
  if (batch.handOnId) {
    const key = KEYS.runPushedThrough(batch.runId, batch.handOnId);
    dealtWith = (await deps.storage.get<number>(key)) ?? 0;
    await deps.storage.delete(key);
  }
  const pending = new Set(progress.pending);
  const keys = batch.projectKeys.slice(dealtWith).filter((k) => pending.has(k));
  return pushJobs(deps, { runId: batch.runId, reason: batch.reason, projectKeys: keys, ...(batch.maxDelaySeconds ? { maxDelaySeconds: batch.maxDelaySeconds } : {}) });
}
