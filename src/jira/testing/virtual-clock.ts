/**
 * Virtual time for tests of the client under Jira's limits: sleeps and the server's
 * latency are timers on a clock the test advances, so minutes of simulated traffic
 * run in milliseconds and every time in an assertion is exact.
 */
export function virtualClock(startMs = Date.parse('2026-11-28T10:00:00Z')) {
  let nowMs = startMs;
  let seq = 0;
  const timers: { at: number; seq: number; resolve: () => void }[] = [];
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => timers.push({ at: nowMs + Math.max(0, ms), seq: seq++, resolve }));

  /** Runs `work` to the end, firing timers in time order whenever nothing else can move. */
  async function run<T>(work: Promise<T>): Promise<T> {
    let settled = false;
    const observed = work.then(
      (value) => ((settled = true), value),
      (error: unknown) => {
        settled = true;
        throw error;
      },
    );
    observed.catch(() => undefined);
    while (!settled) {
      await new Promise((resolve) => setImmediate(resolve));
      if (settled) break;
      if (timers.length === 0) throw new Error('nothing left to run, yet the work is not done');
      timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const timer = timers.shift()!;
      nowMs = Math.max(nowMs, timer.at);
      timer.resolve();
    }
    return observed;
  }

  return { now: () => nowMs, sleep, run, startMs };
}

export type VirtualClock = ReturnType<typeof virtualClock>;
