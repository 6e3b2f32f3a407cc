import { createLimiter, mapWithConcurrency } from './concurrency';

describe('createLimiter', () => {
  it('runs at most N tasks at once, in FIFO order, and keeps going after failures', async () => {
    const limit = createLimiter(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const task = (i: number) => async () => {
      started.push(i);
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 3));
      running -= 1;
      if (i === 1) throw new Error('boom');
      return i;
    };
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map((i) => limit(task(i))));
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
  });

  it('lets a waiting task of higher priority go first, FIFO among equals', async () => {
    const limit = createLimiter(1);
    const started: string[] = [];
    const task = (name: string) => async () => {
      started.push(name);
      await new Promise((r) => setTimeout(r, 1));
    };
    await Promise.all([limit(task('running')), limit(task('a0')), limit(task('b0')), limit(task('long-chain page 7'), 7), limit(task('c0')), limit(task('page 3'), 3)]);
    expect(started).toEqual(['running', 'long-chain page 7', 'page 3', 'a0', 'b0', 'c0']);
  });

  it('reads a priority given as a function each time it chooses, so a task can rise while it waits', async () => {
    const limit = createLimiter(1);
    const started: string[] = [];
    const task = (name: string) => async () => {
      started.push(name);
      await new Promise((r) => setTimeout(r, 1));
    };
    let readAhead = -1_000_000;
    const all = Promise.all([limit(task('running')), limit(task('page 3'), 3), limit(task('read ahead'), () => readAhead), limit(task('page 1'), 1)]);
    // Its chain comes to need the page read ahead while it waits: it goes next.
    readAhead = 9;
    await all;
    expect(started).toEqual(['running', 'read ahead', 'page 3', 'page 1']);
  });

  it('rejects a non-positive limit', () => {
    expect(() => createLimiter(0)).toThrow(RangeError);
  });

  it('mapWithConcurrency keeps input order', async () => {
    const out = await mapWithConcurrency([30, 10, 20], 2, async (ms) => {
      await new Promise((r) => setTimeout(r, ms));
      return ms;
    });
    expect(out).toEqual([30, 10, 20]);
  });
});
