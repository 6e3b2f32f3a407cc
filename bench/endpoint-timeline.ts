/**
 * Where a whole-site run's time goes on its busiest endpoint (the desks' customer
 * pages): the calls Jira accepted in each second of the run, when it answered 429,
 * and when each desk's chain of pages started and ended. `--timeline` prints it for
 * every size. Times are when the simulator answered (its burst limit counts a call
 * after the call's latency), in seconds from the run's first call.
 */

/** One call as the simulator answered it: ms since the epoch, status, the desk it was for. */
export type TimelineCall = [answeredAtMs: number, status: number, serviceDeskId: string];

export interface EndpointTimeline {
  endpoint: string;
  /** Calls the endpoint accepted in each whole second of the run. */
  acceptedPerSecond: number[];
  /** Seconds at which it answered 429. */
  refusedAtS: number[];
  /** Each desk's chain: its calls, when its first and last call were answered (s), longest chain first. */
  chains: { desk: string; calls: number; startS: number; endS: number }[];
}

/** Pure: the timeline of `calls` to `endpoint`, the run having started at `runStartMs`. */
export function endpointTimeline(endpoint: string, calls: readonly TimelineCall[], runStartMs: number): EndpointTimeline {
  const acceptedPerSecond: number[] = [];
  const refusedAtS: number[] = [];
  const byDesk = new Map<string, { calls: number; startS: number; endS: number }>();
  for (const [at, status, desk] of calls) {
    const s = (at - runStartMs) / 1000;
    if (status === 429) refusedAtS.push(s);
    else {
      const second = Math.floor(s);
      while (acceptedPerSecond.length <= second) acceptedPerSecond.push(0);
      acceptedPerSecond[second] += 1;
    }
    const chain = byDesk.get(desk) ?? { calls: 0, startS: s, endS: s };
    chain.calls += 1;
    chain.startS = Math.min(chain.startS, s);
    chain.endS = Math.max(chain.endS, s);
    byDesk.set(desk, chain);
  }
  const chains = [...byDesk.entries()].map(([desk, c]) => ({ desk, ...c })).sort((a, b) => b.calls - a.calls || a.desk.localeCompare(b.desk));
  return { endpoint, acceptedPerSecond, refusedAtS: refusedAtS.sort((a, b) => a - b), chains };
}

const s1 = (s: number) => `${s.toFixed(1)} s`;

/** A few lines for the bench's output. */
export function formatTimeline(label: string, t: EndpointTimeline): string[] {
  const out = [`${label}, ${t.endpoint}:`];
  out.push(`  accepted per second: ${t.acceptedPerSecond.join(' ')}`);
  out.push(`  429s: ${t.refusedAtS.length === 0 ? 'none' : t.refusedAtS.map((s) => s.toFixed(2)).join(', ')}`);
  const [longest, ...others] = t.chains;
  if (longest) {
    const lastOther = others.reduce<(typeof others)[number] | undefined>((a, b) => (a && a.endS >= b.endS ? a : b), undefined);
    out.push(
      `  longest chain: desk ${longest.desk}, ${longest.calls} calls, ${s1(longest.startS)} to ${s1(longest.endS)}` +
        (lastOther ? `; the last of the others to end: desk ${lastOther.desk}, ${lastOther.calls} calls, ${s1(lastOther.startS)} to ${s1(lastOther.endS)}` : ''),
    );
  }
  return out;
}
