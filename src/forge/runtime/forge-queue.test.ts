import type { Queue } from '@forge/events';
import type { ProjectJob } from '../deps';
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
});
