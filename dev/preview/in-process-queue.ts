/**
 * The preview's stand-in for @forge/events: jobs run in this process, a few at a
 * time, after their delay. `idle()` resolves when nothing is queued or running, which
 * the tests use instead of sleeping.
 */
import type { JobQueue, Logger, ProjectJob } from '../../src/forge/deps';

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
  const waiting: ProjectJob[] = [];
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

  const pump = () => {
    while (running < concurrency && waiting.length > 0) {
      const job = waiting.shift()!;
      running++;
      // Run on a later tick so push() answers first, as a real queue does.
      setImmediate(() => {
        run(job)
          .catch((e: unknown) => options.log?.error('Preview job failed', { projectKey: job.projectKey, message: e instanceof Error ? e.message : String(e) }))
          .finally(() => {
            running--;
            pump();
            settleIdle();
          });
      });
    }
  };

  return {
    async push(jobs, pushOptions) {
      const delayMs = Math.min((pushOptions?.delaySeconds ?? 0) * 1000, maxDelayMs);
      if (delayMs > 0) {
        delayed += jobs.length;
        setTimeout(() => {
          delayed -= jobs.length;
          waiting.push(...jobs);
          pump();
        }, delayMs);
      } else {
        waiting.push(...jobs);
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
