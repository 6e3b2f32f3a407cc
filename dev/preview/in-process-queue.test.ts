import { createInProcessQueue, type QueueClock } from './in-process-queue';
import type { HandedOnJobs, ProjectJob } from '../../src/forge/deps';
import { PushRateLimited } from '../../src/forge/run/push-refusal';

const job = (projectKey: string): ProjectJob => ({ runId: 'r', projectKey, reason: 'recheck' });

/** A queue whose jobs each take `ms`, recording which finished and how many ran at once at most. */
function timedQueue(ms: number, concurrency: number) {
  const seen = { running: 0, peak: 0, done: [] as string[] };
  const queue = createInProcessQueue(
    async (j) => {
      seen.running++;
      seen.peak = Math.max(seen.peak, seen.running);
      await new Promise((r) => setTimeout(r, ms));
      seen.running--;
      seen.done.push(j.projectKey);
    },
    { concurrency },
  );
  return { queue, seen };
}

describe('in-process queue', () => {
  it('answers push at once and runs every job later, at most `concurrency` at a time', async () => {
    const { queue, seen } = timedQueue(10, 2);
    await queue.push([job('A'), job('B'), job('C'), job('D')]);
    expect(seen.done).toEqual([]);
    await queue.idle();
    expect(seen.done.sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(seen.peak).toBe(2);
    expect(queue.size()).toBe(0);
  });

  it('runs jobs pushed under a concurrency key at most `limit` at a time, as Forge does, whatever its own concurrency', async () => {
    const { queue, seen } = timedQueue(5, 10);
    const keys = Array.from({ length: 12 }, (_, i) => `SD${i + 1}`);
    await queue.push(keys.slice(0, 6).map(job), { concurrency: { key: 'readiness-jira', limit: 3 } });
    // A second push under the same key shares the same limit.
    await queue.push(keys.slice(6).map(job), { concurrency: { key: 'readiness-jira', limit: 3 } });
    await queue.idle();
    expect(seen.done.sort()).toEqual([...keys].sort());
    expect(seen.peak).toBe(3);
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

  /** A clock the test moves by hand; timers fire when it passes their time. */
  function manualClock() {
    let nowMs = 0;
    const timers: { due: number; fn: () => void }[] = [];
    const clock: QueueClock = { now: () => nowMs, after: (ms, fn) => void timers.push({ due: nowMs + ms, fn }) };
    const advance = (ms: number) => {
      nowMs += ms;
      for (const t of timers.filter((t) => t.due <= nowMs)) {
        timers.splice(timers.indexOf(t), 1);
        t.fn();
      }
    };
    return { clock, advance };
  }

  const many = (n: number, prefix = 'SD') => Array.from({ length: n }, (_, i) => job(`${prefix}${i + 1}`));

  it('refuses, as Forge does, a push of more than 50 events and the push that would make more than 500 in any 60 seconds', async () => {
    const { clock, advance } = manualClock();
    const done: string[] = [];
    const queue = createInProcessQueue(async (j) => void done.push(j.projectKey), { clock, concurrency: 50 });
    await expect(queue.push(many(51))).rejects.toThrow('more than the 50 events allowed');
    await expect(queue.push([])).rejects.toThrow('No events pushed');
    for (let i = 0; i < 10; i++) {
      await queue.push(many(50, `P${i}-`));
      advance(5_000);
    }
    // 500 events in the last 50 s: one more is refused, and nothing of that push is queued.
    await expect(queue.push([job('LATE')])).rejects.toBeInstanceOf(PushRateLimited);
    // The window rolls: 10 s later the first push (at 0 s) has left it, and 50 more fit, but not 51.
    advance(10_000);
    await queue.push(many(50, 'Q'));
    await expect(queue.push([job('LATE')])).rejects.toBeInstanceOf(PushRateLimited);
    advance(5_000);
    await queue.push([job('LATE')]);
    await queue.idle();
    expect(done).toHaveLength(551);
    expect(queue.pushLog.reduce((n, p) => n + p.events, 0)).toBe(551);
  });

  it('delivers a hand-on to its consumer after its whole delay (not capped like a job’s jitter), counting it as one event', async () => {
    const { clock, advance } = manualClock();
    const handedOn: HandedOnJobs[] = [];
    const queue = createInProcessQueue(async () => undefined, { clock, maxDelayMs: 10, onHandOn: async (jobs) => void handedOn.push(jobs) });
    await queue.handOn({ runId: 'r', reason: 'recheck', projectKeys: ['A', 'B'] }, 65);
    expect(queue.pushLog).toEqual([{ atMs: 0, events: 1 }]);
    advance(64_000);
    expect(handedOn).toEqual([]);
    advance(1_000);
    await queue.idle();
    expect(handedOn).toEqual([{ runId: 'r', reason: 'recheck', projectKeys: ['A', 'B'] }]);
  });

  it('refuses a hand-on when nothing consumes it, rather than lose its jobs', async () => {
    const queue = createInProcessQueue(async () => undefined);
    await expect(queue.handOn({ runId: 'r', reason: 'recheck', projectKeys: ['A'] }, 65)).rejects.toThrow('no consumer');
  });
});
