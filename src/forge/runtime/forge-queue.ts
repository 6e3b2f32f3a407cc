/** JobQueue over @forge/events: at most 50 events per push, delays capped at Forge's 900 s. */
import { Queue } from '@forge/events';
import type { JobQueue, ProjectJob } from '../deps';

export const READINESS_QUEUE = 'readiness-checks';
const MAX_EVENTS_PER_PUSH = 50;
const MAX_DELAY_SECONDS = 900;

export function forgeQueue(queue = new Queue({ key: READINESS_QUEUE })): JobQueue {
  return {
    async push(jobs: ProjectJob[], options?: { delaySeconds?: number }) {
      const delay = options?.delaySeconds ? Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.floor(options.delaySeconds))) : undefined;
      for (let i = 0; i < jobs.length; i += MAX_EVENTS_PER_PUSH) {
        await queue.push(
          jobs.slice(i, i + MAX_EVENTS_PER_PUSH).map((job) => ({ body: { ...job }, ...(delay ? { delayInSeconds: delay } : {}) })),
        );
      }
    },
  };
}
