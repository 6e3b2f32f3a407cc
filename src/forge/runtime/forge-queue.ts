/**
 * JobQueue over @forge/events: at most 50 events per push, delays capped at Forge's
 * 900 s, and a push's concurrency key and limit set on every event, which is where
 * @forge/events reads them.
 */
import { Queue, type PushEvent } from '@forge/events';
import type { JobQueue, ProjectJob, PushOptions } from '../deps';

export const READINESS_QUEUE = 'readiness-checks';
const MAX_EVENTS_PER_PUSH = 50;
const MAX_DELAY_SECONDS = 900;

export function forgeQueue(queue = new Queue({ key: READINESS_QUEUE })): JobQueue {
  return {
    async push(jobs: ProjectJob[], options?: PushOptions) {
      const delay = options?.delaySeconds ? Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.floor(options.delaySeconds))) : undefined;
      const concurrency = options?.concurrency;
      if (concurrency && !(Number.isInteger(concurrency.limit) && concurrency.limit >= 1 && concurrency.key)) {
        throw new Error(`A job concurrency needs a key and a whole limit of at least 1 (got ${JSON.stringify(concurrency)}).`);
      }
      for (let i = 0; i < jobs.length; i += MAX_EVENTS_PER_PUSH) {
        const events: PushEvent[] = jobs.slice(i, i + MAX_EVENTS_PER_PUSH).map((job) => ({
          body: { ...job },
          ...(delay ? { delayInSeconds: delay } : {}),
          ...(concurrency ? { concurrency: { key: concurrency.key, limit: concurrency.limit } } : {}),
        }));
        await queue.push(events);
      }
    },
  };
}
