/**
 * The one port through which the app talks to Jira. Two adapters implement it:
 * Forge (`api.asApp()/asUser().requestJira`) and HTTP (`fetch` + Basic auth, for the
 * CLI and the local preview). Retries, paging, counting and error mapping live
 * above it in JiraClient, so both adapters behave the same.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface TransportRequest {
  method: HttpMethod;
  /** Path with query string, starting with /rest/…; never a full URL. */
  path: string;
  headers?: Record<string, string>;
  /** JSON-serialisable body. */
  body?: unknown;
  /** Abort after this many milliseconds (adapters that cannot abort may ignore it). */
  timeoutMs?: number;
}

export interface TransportResponse {
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface JiraTransport {
  /** Site base URL, e.g. https://acme.atlassian.net (used for deep links). */
  readonly baseUrl: string;
  request(request: TransportRequest): Promise<TransportResponse>;
}

/**
 * Thrown by an adapter when no HTTP response arrived at all, so JiraClient can tell
 * a dead network (`network`) from a request that ran out of time (`timeout`).
 * The message names the host, never a credential.
 */
export class TransportError extends Error {
  constructor(
    readonly kind: 'network' | 'timeout',
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}
