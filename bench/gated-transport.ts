/**
 * PROTOTYPE of a design change for engineer C's JiraClient, kept in the benchmark
 * so the gatherer's own files stay untouched while C finishes: a shared, learning
 * rate gate per endpoint.
 *
 * 1. When Jira answers 429 + Retry-After for an endpoint, every request to that
 *    endpoint waits for the same reopening, instead of each in-flight request
 *    sleeping (and spending the run's retry budget) on its own.
 * 2. The 429 also tells how many calls the endpoint took in the last window; from
 *    then on the gate paces that endpoint a little under that rate (sliding
 *    window), so it stops running into the limit and then idling for a whole
 *    Retry-After second (Jira's Retry-After is whole seconds).
 *
 * It wraps a JiraTransport, so the client above never sees the 429s it absorbed;
 * the benchmark counts calls at the simulator, where they still show.
 */
import { serverHintMs } from '../src/jira/backoff';
import type { JiraTransport, TransportRequest, TransportResponse } from '../src/jira/transport';

/** Bounded: after this many 429s in a row the response goes up to the client's own back-off. */
const MAX_GATED_RETRIES = 20;
const DEFAULT_WAIT_MS = 1000;
/** The window burst limits are counted over, and the share of the learned rate to use. */
const WINDOW_MS = 1000;
const PACE_SHARE = 0.9;

/** Pure: the gate key of a request path: no query, ids replaced ("/servicedesk/12/customer" → "/servicedesk/{}/customer"). */
export function gateKey(method: string, path: string): string {
  const bare = path.split('?')[0] ?? path;
  return `${method} ${bare
    .split('/')
    .map((segment) => (/^\d+$/.test(segment) || /^[A-Z][A-Z0-9]+$/.test(segment) ? '{}' : segment))
    .join('/')}`;
}

interface Gate {
  reopensAt: number;
  /** Send times of calls Jira accepted, within the last window. */
  accepted: number[];
  /** Send times of every call, within the last window. */
  sent: number[];
  /** Calls per window learned from the first 429; unset until then. */
  limit?: number;
}

function prune(times: number[], now: number): void {
  while (times.length > 0 && times[0]! <= now - WINDOW_MS) times.shift();
}

export function gatedTransport(inner: JiraTransport, now: () => number = Date.now): JiraTransport {
  const gates = new Map<string, Gate>();
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

  async function admit(gate: Gate): Promise<number> {
    for (;;) {
      const t = now();
      if (gate.reopensAt > t) {
        await sleep(gate.reopensAt - t);
        continue;
      }
      prune(gate.sent, t);
      if (gate.limit !== undefined && gate.sent.length >= gate.limit) {
        await sleep(Math.max(1, gate.sent[0]! + WINDOW_MS - t));
        continue;
      }
      gate.sent.push(t);
      return t;
    }
  }

  async function request(req: TransportRequest): Promise<TransportResponse> {
    const key = gateKey(req.method, req.path);
    let gate = gates.get(key);
    if (!gate) gates.set(key, (gate = { reopensAt: 0, accepted: [], sent: [] }));
    for (let attempt = 0; ; attempt++) {
      const sentAt = await admit(gate);
      const response = await inner.request(req);
      if (response.status !== 429) {
        gate.accepted.push(sentAt);
        return response;
      }
      const t = now();
      prune(gate.accepted, t);
      const learned = Math.max(1, Math.floor(gate.accepted.length * PACE_SHARE));
      gate.limit = Math.min(gate.limit ?? learned, learned);
      gate.reopensAt = Math.max(gate.reopensAt, t + (serverHintMs(response.headers, t) ?? DEFAULT_WAIT_MS));
      if (attempt >= MAX_GATED_RETRIES) return response;
    }
  }

  return { baseUrl: inner.baseUrl, request };
}
