import { createInProcessQueue } from './in-process-queue';
import type { ProjectJob } from '../../src/forge/deps';

const job = (projectKey: string): ProjectJob => ({ runId: 'r', projectKey, reason: 'recheck' });

describe('in-process queue', () => {
  it('answers push at once and runs every job later, at most `concurrency` at a time', async () => {
    let running = 0;
    let peak = 0;
    const done: string[] = [];
    const queue = createInProcessQueue(
      async (j) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 10));
        running--;
        done.push(j.projectKey);
      },
      { concurrency: 2 },
    );
    await queue.push([job('A'), job('B'), job('C'), job('D')]);
    expect(done).toEqual([]);
    await queue.idle();
    expect(done.sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(peak).toBe(2);
    expect(queue.size()).toBe(0);
  });

  it('runs jobs pushed under a concurrency key at most `limit` at a time, as Forge does, whatever its own concurrency', async () => {
    let running = 0;
    let peak = 0;
    const done: string[] = [];
    const queue = createInProcessQueue(
      async (j) => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        done.push(j.projectKey);
      },
      { concurrency: 10 },
    );
    const keys = Array.from({ length: 12 }, (_, i) => `SD${i + 1}`);
    await queue.push(keys.slice(0, 6).map(job), { concurrency: { key: 'readiness-jira', limit: 3 } });
    // A second push under the same key shares the same limit.
    await queue.push(keys.slice(6).map(job), { concurrency: { key: 'readiness-jira', limit: 3 } });
    await queue.idle();
    expect(done.sort()).toEqual([...keys].sort());
    expect(peak).toBe(3);
  });

  it('keeps going after a job fails, and logs it', async () => {
    const errors: unknown[] = [];
    const done: string[] = [];
    const queue = createInProcessQueue(
      async (j) => {
        if (j.projectKey === 'BAD') throw new Error('boom');
        done.push(j.projectKey);
      },
      { log: { info() {}, warn() {}, error: (m, f) => errors.push([m, f]) } },
    );
    await queue.push([job('BAD'), job('OK')]);
    await queue.idle();
    expect(done).toEqual(['OK']);
    expect(errors).toEqual([['Preview job failed', { projectKey: 'BAD', message: 'boom' }]]);
  });

  it('honours a delay, capped for the preview', async () => {
    const done: string[] = [];
    const queue = createInProcessQueue(async (j) => void done.push(j.projectKey), { maxDelayMs: 30 });
    const started = Date.now();
    await queue.push([job('LATE')], { delaySeconds: 900 });
    expect(queue.size()).toBe(1);
    await queue.idle();
    expect(done).toEqual(['LATE']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
