/**
 * JiraTransport over HTTP with Basic auth (e-mail + API token), for the CLI and the
 * local preview. Uses global fetch (Node 18+). Failures without a response become
 * TransportError('network' | 'timeout') naming the host, never the token.
 */
import { TransportError, type JiraTransport, type TransportRequest, type TransportResponse } from './transport';

export interface HttpTransportOptions {
  /** e.g. https://acme.atlassian.net, or http://127.0.0.1:PORT for the simulator. */
  baseUrl: string;
  email: string;
  apiToken: string;
  fetchImpl?: typeof fetch;
  userAgent?: string;
}

const DEFAULT_USER_AGENT = 'mw-readiness';

export function createHttpTransport(options: HttpTransportOptions): JiraTransport {
  const baseUrl = normaliseBaseUrl(options.baseUrl);
  const host = new URL(baseUrl).host;
  const fetchImpl = options.fetchImpl ?? fetch;
  // Built once and kept in this closure only: never logged, never put in an error.
  const authorization = `Basic ${Buffer.from(`${options.email}:${options.apiToken}`, 'utf8').toString('base64')}`;
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;

  async function request(req: TransportRequest): Promise<TransportResponse> {
    if (!req.path.startsWith('/')) throw new TransportError('network', `Refusing a request path that is not relative to ${host}`);
    const controller = new AbortController();
    let timedOut = false;
    const timer =
      req.timeoutMs !== undefined
        ? setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, req.timeoutMs)
        : undefined;
    try {
      const response = await fetchImpl(`${baseUrl}${req.path}`, {
        method: req.method,
        headers: { ...req.headers, Authorization: authorization, 'User-Agent': userAgent },
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: controller.signal,
        // Never follow a redirect with the Authorization header; JiraClient reports it instead.
        redirect: 'manual',
      });
      // Read the body before the timer is cleared so a stalled body also times out.
      const text = await response.text();
      return { status: response.status, headers: response.headers, text: async () => text };
    } catch (error) {
      if (timedOut) throw new TransportError('timeout', `No answer from ${host} within ${Math.round((req.timeoutMs ?? 0) / 1000)} s`);
      throw new TransportError('network', `Could not connect to ${host}${networkReason(error)}`);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  return { baseUrl, request };
}

/** Accepts "acme.atlassian.net" too; drops a trailing slash. */
export function normaliseBaseUrl(input: string): string {
  const trimmed = input.trim();
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  const url = new URL(withScheme);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

/** The low-level cause (ECONNREFUSED, ENOTFOUND…) without anything request-specific. */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  const code = cause && typeof cause.code === 'string' ? cause.code : undefined;
  return code ? ` (${code})` : '';
}
