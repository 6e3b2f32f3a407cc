import { InternalServerError, PartialSuccessError, RateLimitError, type Queue } from '@forge/events';
import type { ProjectJob } from '../deps';
import { PushPartlyRefused, PushRateLimited } from '../run/push-refusal';
import { READINESS_JOB_CONCURRENCY } from '../run/job-pacing';
import { forgeQueue } from './forge-queue';

const jobs = (n: number): ProjectJob[] => Array.from({ length: n }, (_, i) => ({ runId: 'r1', projectKey: `SD${i + 1}`, reason: 'recheck' }));

function fakeQueue() {
  const pushes: unknown[][] = [];
  const queue = { push: async (events: unknown) => void pushes.push(events as unknown[]) } as unknown as Queue;
  return { queue, pushes };
}

describe('forgeQueue', () => {
  it('pushes 200 jobs as 4 pushes of 50, every event under the run’s concurrency key and limit as @forge/events expects', async () => {
    const { queue, pushes } = fakeQueue();
    await forgeQueue(queue).push(jobs(200), { concurrency: READINESS_JOB_CONCURRENCY });
    expect(pushes.map((p) => p.length)).toEqual([50, 50, 50, 50]);
    const events = pushes.flat() as { body: ProjectJob; concurrency?: { key: string; limit: number }; delayInSeconds?: number }[];
    expect(events[0]).toEqual({ body: { runId: 'r1', projectKey: 'SD1', reason: 'recheck' }, concurrency: { key: 'readiness-jira', limit: READINESS_JOB_CONCURRENCY.limit } });
    expect(events.every((e) => e.concurrency?.key === 'readiness-jira' && e.concurrency.limit === READINESS_JOB_CONCURRENCY.limit)).toBe(true);
    expect(events.some((e) => 'delayInSeconds' in e)).toBe(false);
  });

  it('keeps a delay within Forge’s 0–900 s alongside the concurrency key', async () => {
    const { queue, pushes } = fakeQueue();
    await forgeQueue(queue).push(jobs(1), { delaySeconds: 5000, concurrency: { key: 'readiness-jira', limit: 3 } });
    expect(pushes).toEqual([[{ body: { runId: 'r1', projectKey: 'SD1', reason: 'recheck' }, delayInSeconds: 900, concurrency: { key: 'readiness-jira', limit: 3 } }]]);
  });

  it('refuses a concurrency limit below 1 rather than push jobs Forge would never run', async () => {
    const { queue, pushes } = fakeQueue();
    await expect(forgeQueue(queue).push(jobs(1), { concurrency: { key: 'readiness-jira', limit: 0 } })).rejects.toThrow(/limit/);
    expect(pushes).toEqual([]);
  });

  it('gives each job its own delay when asked (a scheduled run’s jitter), within 0–900 s', async () => {
    const { queue, pushes } = fakeQueue();
    await forgeQueue(queue).push(jobs(3), { delaysSeconds: [0, 300, 1200] });
    expect((pushes[0] as { delayInSeconds?: number }[]).map((e) => e.delayInSeconds)).toEqual([undefined, 300, 900]);
  });

  it('hands jobs on as one delayed event without the concurrency key, so it does not wait behind running jobs', async () => {
    const { queue, pushes } = fakeQueue();
    await forgeQueue(queue).handOn!({ runId: 'r1', reason: 'recheck', projectKeys: ['SD1', 'SD2'], handOnId: 'h1' }, 65);
    expect(pushes).toEqual([[{ body: { handOn: { runId: 'r1', reason: 'recheck', projectKeys: ['SD1', 'SD2'], handOnId: 'h1' } }, delayInSeconds: 65 }]]);
  });

  it('turns Forge’s RateLimitError into PushRateLimited and PartialSuccessError into the refused jobs; anything else passes as it is', async () => {
    const refusing = (error: Error) => forgeQueue({ push: async () => Promise.reject(error) } as unknown as Queue);
    await expect(refusing(new RateLimitError('Too many requests.')).push(jobs(2))).rejects.toBeInstanceOf(PushRateLimited);
    // @forge/events names each failed event `payload` (its type says `event`).
    const partial = new PartialSuccessError('Failed to process 1 event(s).', { jobId: 'j' }, [
      { errorMessage: 'refused', payload: { body: { runId: 'r1', projectKey: 'SD2', reason: 'recheck' } } } as never,
    ]);
    const refused = await refusing(partial).push(jobs(2)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PushPartlyRefused);
    expect((refused as PushPartlyRefused).refusedProjectKeys).toEqual(['SD2']);
    const other = new InternalServerError('500 Internal Server Error');
    await expect(refusing(other).push(jobs(1))).rejects.toBe(other);
  });
});
