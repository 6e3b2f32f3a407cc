/**
 * JobQueue over @forge/events: at most 50 events per push, delays capped at Forge's
 * 900 s, and a push's concurrency key and limit set on every event, which is where
 * @forge/events reads them. Forge's refusals become the app's: RateLimitError (the
 * site's events per minute are used up) is PushRateLimited, PartialSuccessError
 * names the jobs it lost in PushPartlyRefused.
 */
import { PartialSuccessError, Queue, RateLimitError, type PushEvent } from '@forge/events';
import type { FixJob, HandedOnJobs, JobQueue, ProjectJob, PushOptions } from '../deps';
import { FORGE_EVENTS_PER_PUSH } from '../run/job-pacing';
import { PushPartlyRefused, PushRateLimited } from '../run/push-refusal';

export const READINESS_QUEUE = 'readiness-checks';
const MAX_DELAY_SECONDS = 900;

const clampDelay = (seconds: number | undefined): number | undefined =>
  seconds ? Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.floor(seconds))) || undefined : undefined;

/** The project keys of the events Forge refused. @forge/events names each one `payload` (its type says `event`). */
function refusedKeys(error: PartialSuccessError): string[] {
  return error.failedEvents.flatMap((f) => {
    const event = ((f as unknown as { payload?: PushEvent }).payload ?? f.event) as PushEvent | undefined;
    const key = event?.body?.projectKey;
    return typeof key === 'string' ? [key] : [];
  });
}

async function pushEvents(queue: Queue, events: PushEvent[]): Promise<void> {
  try {
    await queue.push(events);
  } catch (e) {
    if (e instanceof RateLimitError) throw new PushRateLimited(`Forge refused the push: ${e.message}`);
    if (e instanceof PartialSuccessError) throw new PushPartlyRefused(`Forge refused some jobs: ${e.message}`, refusedKeys(e));
    throw e;
  }
}

export function forgeQueue(queue = new Queue({ key: READINESS_QUEUE })): JobQueue {
  return {
    async push(jobs: ProjectJob[], options?: PushOptions) {
      const delay = clampDelay(options?.delaySeconds);
      const concurrency = options?.concurrency;
      if (concurrency && !(Number.isInteger(concurrency.limit) && concurrency.limit >= 1 && concurrency.key)) {
        throw new Error(`A job concurrency needs a key and a whole limit of at least 1 (got ${JSON.stringify(concurrency)}).`);
      }
      for (let i = 0; i < jobs.length; i += FORGE_EVENTS_PER_PUSH) {
        const events: PushEvent[] = jobs.slice(i, i + FORGE_EVENTS_PER_PUSH).map((job, j) => {
          const own = options?.delaysSeconds ? clampDelay(options.delaysSeconds[i + j]) : delay;
          return {
            body: { ...job },
            ...(own ? { delayInSeconds: own } : {}),
            ...(concurrency ? { concurrency: { key: concurrency.key, limit: concurrency.limit } } : {}),
          };
        });
        await pushEvents(queue, events);
      }
    },
    async pushFix(job: FixJob, delaySeconds?: number) {
      // One job per fix run at a time: its key keeps a continuation from overlapping the job that pushed it.
      const delay = clampDelay(delaySeconds);
      await pushEvents(queue, [{ body: { fixRun: { fixRunId: job.fixRunId } }, concurrency: { key: `fix-run-${job.fixRunId}`, limit: 1 }, ...(delay ? { delayInSeconds: delay } : {}) }]);
    },
    async handOn(jobs: HandedOnJobs, delaySeconds: number) {
      // No concurrency key: handing on talks to nobody but the queue, so it must not wait behind running jobs.
      const delay = clampDelay(delaySeconds);
      await pushEvents(queue, [{ body: { handOn: { ...jobs, projectKeys: [...jobs.projectKeys] } }, ...(delay ? { delayInSeconds: delay } : {}) }]);
    },
  };
}
