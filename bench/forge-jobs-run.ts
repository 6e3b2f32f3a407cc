/**
 * One Forge-style run measured: a re-check through the app's own start-run, its
 * jobs run by the preview's in-process queue (no queue-wide cap, as on Forge),
 * each job with its own JiraClient as a Forge invocation has, against a site that
 * limits every endpoint site-wide. The only thing that differs between variants
 * is the jobs' shared concurrency limit (or none). The caller counts the 429s the
 * site answered.
 */
import { createInProcessQueue } from '../dev/preview/in-process-queue';
import { processProjectJob } from '../src/forge/consumer/process-project-job';
import type { AppDeps, JobQueue, PushOptions } from '../src/forge/deps';
import type { Logger } from '../src/shared/logger';
import { READINESS_JOB_CONCURRENCY } from '../src/forge/run/job-pacing';
import { pushHandedOnJobs } from '../src/forge/run/push-jobs';
import { startReadinessRun } from '../src/forge/run/start-run';
import { MemoryStore } from '../src/forge/storage/memory-store';
import { migrateStorage } from '../src/forge/storage/migrate';
import { loadProgress } from '../src/forge/storage/progress-repo';
import { saveSettings } from '../src/forge/storage/settings-repo';
import { createHttpTransport } from '../src/jira/http-transport';

export interface ForgeSite {
  baseUrl: string;
  email: string;
  apiToken: string;
  serviceAccount: string;
  endUserGroups: string[];
}

/** A whole number of jobs at a time under the shared key, or no key at all. */
export type JobLimit = number | 'unlimited';

export interface ForgeJobsMeasurement {
  limit: JobLimit;
  desks: number;
  wallMs: number;
  jobsDone: number;
  jobsFailed: number;
  /** Most jobs running at once. */
  peakJobs: number;
  /** The first few reasons jobs failed, as the progress view shows them. */
  failures: string[];
}

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Pure: the push options a variant's queue passes on: the shared key at `limit`, or none. */
export function withLimit(options: PushOptions | undefined, limit: JobLimit): PushOptions {
  const { concurrency: _asked, ...rest } = options ?? {};
  return limit === 'unlimited' ? rest : { ...rest, concurrency: { key: READINESS_JOB_CONCURRENCY.key, limit } };
}

export async function measureForgeJobs(site: ForgeSite, limit: JobLimit, withinMs = 30 * 60_000): Promise<ForgeJobsMeasurement> {
  const storage = new MemoryStore();
  const transport = createHttpTransport({ baseUrl: site.baseUrl, email: site.email, apiToken: site.apiToken });
  let running = 0;
  let peakJobs = 0;
  let finished = 0;
  let expected = Number.POSITIVE_INFINITY;
  let allFinished!: () => void;
  const done = new Promise<void>((resolve) => (allFinished = resolve));

  // eslint-disable-next-line prefer-const
  let deps: AppDeps;
  const inner = createInProcessQueue(
    async (job) => {
      running += 1;
      peakJobs = Math.max(peakJobs, running);
      try {
        await processProjectJob(deps, job);
      } finally {
        running -= 1;
        finished += 1;
        if (finished >= expected) allFinished();
      }
    },
    // Forge has no queue-wide cap: only the jobs' key (when the variant sets one) holds them back.
    { concurrency: 100_000, log: quiet, onHandOn: (jobs) => pushHandedOnJobs(deps, jobs) },
  );
  const queue: JobQueue = { push: (jobs, options) => inner.push(jobs, withLimit(options, limit)), handOn: (jobs, delay) => inner.handOn(jobs, delay) };
  deps = { storage, queue, jiraAsApp: () => transport, jiraAsUser: () => transport, now: () => new Date(), log: quiet };

  await migrateStorage(storage);
  await saveSettings(storage, { settings: { serviceAccount: site.serviceAccount, endUserGroups: site.endUserGroups }, version: 0 }, 'bench', new Date());

  const started = process.hrtime.bigint();
  const progress = await startReadinessRun(deps, { reason: 'recheck', listingWithinMs: 120_000 });
  expected = progress.projectsTotal - progress.failed.length;
  if (finished >= expected) allFinished();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`The run did not finish within ${withinMs / 1000} s`)), withinMs)));
  await Promise.race([done, timedOut]).finally(() => clearTimeout(timer));
  // Measured when every job has reported, not when the queue is idle: a run of more than
  // 50 desks also leaves a hand-on event that fires a minute after the push and finds nothing left.
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;

  const final = (await loadProgress(storage, new Date()))!;
  return {
    limit,
    desks: final.projectsTotal,
    wallMs,
    jobsDone: final.projectsDone - final.failed.length,
    jobsFailed: final.failed.length,
    peakJobs,
    failures: [...new Set(final.failed.map((f) => f.message))].slice(0, 3),
  };
}
