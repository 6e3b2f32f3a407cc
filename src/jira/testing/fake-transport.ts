/**
 * An in-memory JiraTransport for tests: routes answer by method + path (without the
 * query), every request is recorded. Answers are plain data so a test reads like
 * the HTTP exchange it stands for.
 */
import type { HttpMethod, JiraTransport, TransportRequest, TransportResponse } from '../transport';

export interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  /** Serialised as JSON unless it is a string (sent raw). */
  body?: unknown;
}

export type FakeHandler = (request: TransportRequest & { query: URLSearchParams }) => FakeAnswer | Promise<FakeAnswer>;

export interface FakeTransport extends JiraTransport {
  readonly requests: TransportRequest[];
  /** Answer `method path` (path without query; `{x}`-free, exact). */
  on(method: HttpMethod, path: string, handler: FakeHandler | FakeAnswer): FakeTransport;
  /** Requests to `method path`, for dedup assertions. */
  callsTo(method: HttpMethod, path: string): TransportRequest[];
}

export function response(answer: FakeAnswer): TransportResponse {
  const headers = new Map(Object.entries(answer.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  return { status: answer.status ?? 200, headers: { get: (name) => headers.get(name.toLowerCase()) ?? null }, text: async () => text };
}

export function createFakeTransport(baseUrl = 'https://acme.atlassian.net'): FakeTransport {
  const routes = new Map<string, FakeHandler>();
  const requests: TransportRequest[] = [];
  const split = (path: string): [string, URLSearchParams] => {
    const i = path.indexOf('?');
    return i < 0 ? [path, new URLSearchParams()] : [path.slice(0, i), new URLSearchParams(path.slice(i + 1))];
  };
  const transport: FakeTransport = {
    baseUrl,
    requests,
    on(method, path, handler) {
      routes.set(`${method} ${path}`, typeof handler === 'function' ? handler : () => handler);
      return transport;
    },
    callsTo(method, path) {
      return requests.filter((r) => r.method === method && split(r.path)[0] === path);
    },
    async request(req) {
      requests.push(req);
      const [path, query] = split(req.path);
      const handler = routes.get(`${req.method} ${path}`);
      if (!handler) return response({ status: 404, body: { errorMessages: [`No fake route for ${req.method} ${path}`], errors: {} } });
      return response(await handler({ ...req, query }));
    },
  };
  return transport;
}
