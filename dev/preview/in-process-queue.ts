/**
 * The preview's stand-in for @forge/events: jobs run in this process, a few at a
 * time, after their delay. Like Forge, jobs pushed under a concurrency key run at
 * most that key's limit at a time (across pushes), so the preview meets Jira with
 * the same pacing a Forge site does. Like Forge, a push holds at most 50 events and
 * 200 KB, and the site pushes at most 500 events in any 60 seconds (a rolling
 * window, the stricter reading of Forge's "per minute"): past that a push is refused
 * with PushRateLimited and nothing of it is queued. `idle()` resolves when nothing
 * is queued or running, which the tests use instead of sleeping.
 */
import type { FixJob, HandedOnJobs, JobConcurrency, JobQueue, ProjectJob, QueueEvent } from '../../src/forge/deps';
import type { Logger } from '../../src/shared/logger';
import { FORGE_EVENTS_PER_MINUTE, FORGE_EVENTS_PER_PUSH } from '../../src/forge/run/job-pacing';
import { PushRateLimited } from '../../src/forge/run/push-refusal';

const MAX_PUSH_BYTES = 200 * 1024;
const MINUTE_MS = 60_000;

export interface InProcessQueue extends JobQueue {
  handOn(jobs: HandedOnJobs, delaySeconds: number): Promise<void>;
  idle(): Promise<void>;
  /** Events queued or running right now. */
  size(): number;
  /** Every push Forge would have taken: when (by the queue's clock) and how many events. */
  readonly pushLog: readonly { atMs: number; events: number }[];
}

/** Time as the queue sees it; tests pass a virtual clock so a minute passes at once. */
export interface QueueClock {
  now(): number;
  /** Calls `fn` once `ms` have passed on this clock. */
  after(ms: number, fn: () => void): void;
}

export const realClock: QueueClock = { now: () => Date.now(), after: (ms, fn) => void setTimeout(fn, ms) };

export interface InProcessQueueOptions {
  concurrency?: number;
  log?: Logger;
  maxDelayMs?: number;
  clock?: QueueClock;
  /** Consumes a hand-on event (the app's pushHandedOnJobs); without it a hand-on is refused. */
  onHandOn?: (jobs: HandedOnJobs) => Promise<unknown>;
  /** Continues a fix run (the app's processFixJob); without it the queue takes no fix jobs. */
  onFixJob?: (job: FixJob) => Promise<unknown>;
}

export function createInProcessQueue(run: (job: ProjectJob) => Promise<unknown>, options: InProcessQueueOptions = {}): InProcessQueue {
  const consume = (event: QueueEvent): Promise<unknown> =>
    'handOn' in event ? options.onHandOn!(event.handOn) : 'fixRun' in event ? options.onFixJob!(event.fixRun) : run(event);
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const clock = options.clock ?? realClock;
  // Scheduled runs ask for up to 900 s of jitter; the preview caps it so a demo does not stall.
  // A hand-on's delay is not capped: it is what keeps a large run within the events per minute.
  const maxDelayMs = options.maxDelayMs ?? 2000;
  const waiting: { event: QueueEvent; concurrency?: JobConcurrency }[] = [];
  /** Events running per concurrency key. */
  const runningByKey = new Map<string, number>();
  const pushLog: { atMs: number; events: number }[] = [];
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
      const [{ event, concurrency: keyed }] = waiting.splice(index, 1);
      running++;
      if (keyed) runningByKey.set(keyed.key, (runningByKey.get(keyed.key) ?? 0) + 1);
      // Run on a later tick so push() answers first, as a real queue does.
      setImmediate(() => {
        consume(event)
          .catch((e: unknown) =>
            options.log?.error('Preview job failed', {
              ...('handOn' in event ? { handedOn: event.handOn.projectKeys.length } : 'fixRun' in event ? { fixRunId: event.fixRun.fixRunId } : { projectKey: event.projectKey }),
              message: e instanceof Error ? e.message : String(e),
            }),
          )
          .finally(() => {
            running--;
            if (keyed) runningByKey.set(keyed.key, runningByKey.get(keyed.key)! - 1);
            pump();
            settleIdle();
          });
      });
    }
  };

  /** Refuses a push Forge would refuse, before any of it is queued; else records it. */
  const admit = (bodies: unknown[]) => {
    if (bodies.length === 0) throw new Error('No events pushed.');
    if (bodies.length > FORGE_EVENTS_PER_PUSH) throw new Error(`This push contains more than the ${FORGE_EVENTS_PER_PUSH} events allowed.`);
    if (Buffer.byteLength(JSON.stringify(bodies)) > MAX_PUSH_BYTES) throw new Error('The maximum payload size is 200KB.');
    const now = clock.now();
    const inLastMinute = pushLog.filter((p) => p.atMs > now - MINUTE_MS).reduce((n, p) => n + p.events, 0);
    if (inLastMinute + bodies.length > FORGE_EVENTS_PER_MINUTE) {
      throw new PushRateLimited(`Forge refused the push: ${inLastMinute} events pushed in the last minute; at most ${FORGE_EVENTS_PER_MINUTE}.`);
    }
    pushLog.push({ atMs: now, events: bodies.length });
  };

  const enqueue = (entries: (typeof waiting)[number][], delayMs: number) => {
    if (delayMs > 0) {
      delayed += entries.length;
      clock.after(delayMs, () => {
        delayed -= entries.length;
        waiting.push(...entries);
        pump();
      });
    } else {
      waiting.push(...entries);
      pump();
    }
  };

  return {
    async push(jobs: ProjectJob[], pushOptions) {
      const keyed = pushOptions?.concurrency;
      if (keyed && !(Number.isInteger(keyed.limit) && keyed.limit >= 1)) throw new Error(`A job concurrency limit must be a whole number of at least 1 (got ${keyed.limit}).`);
      admit(jobs);
      const delays = jobs.map((_, i) => Math.min((pushOptions?.delaysSeconds?.[i] ?? pushOptions?.delaySeconds ?? 0) * 1000, maxDelayMs));
      // Jobs with the same delay wait together, so a push without jitter is one timer.
      const byDelay = new Map<number, (typeof waiting)[number][]>();
      jobs.forEach((job, i) => {
        const entry = keyed ? { event: job, concurrency: { ...keyed } } : { event: job };
        byDelay.set(delays[i]!, [...(byDelay.get(delays[i]!) ?? []), entry]);
      });
      for (const [delayMs, entries] of byDelay) enqueue(entries, delayMs);
    },
    async handOn(jobs: HandedOnJobs, delaySeconds: number) {
      if (!options.onHandOn) throw new Error('This queue has no consumer for handed-on jobs.');
      const event = { handOn: { ...jobs, projectKeys: [...jobs.projectKeys] } };
      admit([event]);
      enqueue([{ event }], Math.max(0, delaySeconds) * 1000);
    },
    ...(options.onFixJob
      ? {
          async pushFix(job: FixJob, delaySeconds?: number) {
            const event = { fixRun: { fixRunId: job.fixRunId } };
            admit([event]);
            enqueue([{ event }], Math.min(Math.max(0, delaySeconds ?? 0) * 1000, maxDelayMs));
          },
        }
      : {}),
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      });
    },
    size: () => waiting.length + running + delayed,
    pushLog,
  };
}
