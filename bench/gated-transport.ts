/**
 * PROTOTYPE of a design change for engineer C's JiraClient, kept in the benchmark
 * so the gatherer's own files stay untouched while C finishes: one shared back-off
 * gate per endpoint. When Jira answers 429 + Retry-After for an endpoint, every
 * request to that endpoint waits for the same reopening instead of each in-flight
 * request sleeping (and spending the run's retry budget) on its own, and requests
 * queued behind them are not sent into a window that is known to be closed.
 *
 * It wraps a JiraTransport, so the client above never sees the 429s it absorbed;
 * the benchmark counts calls at the simulator, where they still show.
 */
import { serverHintMs } from '../src/jira/backoff';
import type { JiraTransport, TransportRequest, TransportResponse } from '../src/jira/transport';

/** Bounded: after this many 429s in a row the response goes up to the client's own back-off. */
const MAX_GATED_RETRIES = 20;
const DEFAULT_WAIT_MS = 1000;

/** Pure: the gate key of a request path: no query, ids replaced ("/servicedesk/12/customer" → "/servicedesk/{}/customer"). */
export function gateKey(method: string, path: string): string {
  const bare = path.split('?')[0] ?? path;
  return `${method} ${bare
    .split('/')
    .map((segment) => (/^\d+$/.test(segment) || /^[A-Z][A-Z0-9]+$/.test(segment) ? '{}' : segment))
    .join('/')}`;
}

export function gatedTransport(inner: JiraTransport, now: () => number = Date.now): JiraTransport {
  const reopensAt = new Map<string, number>();
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

  async function request(req: TransportRequest): Promise<TransportResponse> {
    const key = gateKey(req.method, req.path);
    for (let attempt = 0; ; attempt++) {
      const wait = (reopensAt.get(key) ?? 0) - now();
      if (wait > 0) await sleep(wait);
      const response = await inner.request(req);
      if (response.status !== 429 || attempt >= MAX_GATED_RETRIES) return response;
      const hint = serverHintMs(response.headers, now()) ?? DEFAULT_WAIT_MS;
      reopensAt.set(key, Math.max(reopensAt.get(key) ?? 0, now() + hint));
    }
  }

  return { baseUrl: inner.baseUrl, request };
}
