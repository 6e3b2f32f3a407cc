/**
 * The preview's stand-in for @forge/events: jobs run in this process, a few at a
 * time, after their delay. Like Forge, jobs pushed under a concurrency key run at
 * most that key's limit at a time (across pushes), so the preview meets Jira with
 * the same pacing a Forge site does. `idle()` resolves when nothing is queued or
 * running, which the tests use instead of sleeping.
 */
import type { JobConcurrency, JobQueue, Logger, ProjectJob } from '../../src/forge/deps';

export interface InProcessQueue extends JobQueue {
  idle(): Promise<void>;
  /** Jobs queued or running right now. */
  size(): number;
}

export function createInProcessQueue(
  run: (job: ProjectJob) => Promise<unknown>,
  options: { concurrency?: number; log?: Logger; maxDelayMs?: number } = {},
): InProcessQueue {
  const concurrency = Math.max(1, options.concurrency ?? 2);
  // Scheduled runs ask for up to 900 s of jitter; the preview caps it so a demo does not stall.
  const maxDelayMs = options.maxDelayMs ?? 2000;
  const waiting: { job: ProjectJob; concurrency?: JobConcurrency }[] = [];
  /** Jobs running per concurrency key. */
  const runningByKey = new Map<string, number>();
  let running = 0;
  let delayed = 0;
  let idleWaiters: (() => void)[] = [];

  const settleIdle = () => {
    if (running === 0 && waiting.length === 0 && delayed === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      waiters.forEach((w) => w());
    }
  };

  const mayStart = (entry: (typeof waiting)[number]) =>
    !entry.concurrency || (runningByKey.get(entry.concurrency.key) ?? 0) < entry.concurrency.limit;

  const pump = () => {
    while (running < concurrency) {
      // Jobs held back by their key wait; others behind them may go first, as on Forge.
      const index = waiting.findIndex(mayStart);
      if (index < 0) return;
      const [{ job, concurrency: keyed }] = waiting.splice(index, 1);
      running++;
      if (keyed) runningByKey.set(keyed.key, (runningByKey.get(keyed.key) ?? 0) + 1);
      // Run on a later tick so push() answers first, as a real queue does.
      setImmediate(() => {
        run(job)
          .catch((e: unknown) => options.log?.error('Preview job failed', { projectKey: job.projectKey, message: e instanceof Error ? e.message : String(e) }))
          .finally(() => {
            running--;
            if (keyed) runningByKey.set(keyed.key, runningByKey.get(keyed.key)! - 1);
            pump();
            settleIdle();
          });
      });
    }
  };

  return {
    async push(jobs, pushOptions) {
      const delayMs = Math.min((pushOptions?.delaySeconds ?? 0) * 1000, maxDelayMs);
      const keyed = pushOptions?.concurrency;
      if (keyed && !(Number.isInteger(keyed.limit) && keyed.limit >= 1)) throw new Error(`A job concurrency limit must be a whole number of at least 1 (got ${keyed.limit}).`);
      const entries = jobs.map((job) => (keyed ? { job, concurrency: { ...keyed } } : { job }));
      if (delayMs > 0) {
        delayed += jobs.length;
        setTimeout(() => {
          delayed -= jobs.length;
          waiting.push(...entries);
          pump();
        }, delayMs);
      } else {
        waiting.push(...entries);
        pump();
      }
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      });
    },
    size: () => waiting.length + running + delayed,
  };
}
