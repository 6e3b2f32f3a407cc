/**
 * The simulated Jira Cloud site over HTTP (node:http, no framework). Every call is
 * authenticated with Basic auth (e-mail + API token of a site user), passes the
 * scenario's latency, burst limits and faults, is answered by a route from the
 * model, recorded (never with credentials), and optionally validated against the
 * official OpenAPI schema of its operation.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SiteModel, SimUser } from './model';
import type { validateAgainstSpec as ValidateAgainstSpec } from './openapi-validator';
import { errorFor, jiraError, jsmError, jsmExperimentalRequired, UNAUTHENTICATED_MESSAGE, type ApiFamily, type SimResponse } from './responses';
import { matchRoute } from './router';
import type { RecordedNotification, Route } from './routes/route';
import { FaultPlan, latencyMs, malformed, seededRandom, tamperPage, type Fault, type RateLimitWindow, type Scenario } from './scenario';

export type { RecordedNotification } from './routes/route';
export type { Scenario, Fault, FaultRule, BurstLimit } from './scenario';

export interface RecordedRequest {
  seq: number;
  at: string;
  method: string;
  /** Path and query as sent. */
  path: string;
  /** "GET /rest/api/3/group/member": the operation's template, or the raw path when no route matched. */
  endpoint: string;
  params: Record<string, string>;
  /** Who authenticated; absent for a 401. */
  accountId?: string;
  status: number;
  durationMs: number;
  /** JSON body of writes (never headers: they carry credentials). */
  requestBody?: unknown;
  /** The injected fault, when one answered or changed this call. */
  fault?: string;
}

export interface ContractViolation {
  endpoint: string;
  status: number;
  errors: string[];
}

export interface SimulatorOptions {
  site: SiteModel;
  port?: number;
  host?: string;
  scenario?: Scenario;
  /** Check every response against the official OpenAPI schema; failures collect in `violations`. */
  validateResponses?: boolean;
  /** Clock for timestamps in bodies and records (tests pin it). */
  now?: () => Date;
  /**
   * Clock (ms) that rate-limit windows and burst limits are measured on; default `now`.
   * A test that records the client's waits instead of sleeping them advances it by what was waited.
   */
  rateLimitClock?: () => number;
}

export interface RunningSimulator {
  url: string;
  close(): Promise<void>;
  requests: RecordedRequest[];
  notifications: RecordedNotification[];
  model: SiteModel;
  /** Restart per-rule call numbers and burst windows (e.g. between benchmark runs). */
  resetCounters(): void;
  /** Swap the scenario at run time (the preview's fault switcher); counters restart. */
  setScenario(scenario: Scenario): void;
  readonly scenario: Scenario;
  violations: ContractViolation[];
  /** Responses whose status the operation does not document ("METHOD /template STATUS"), for information. */
  undocumentedStatuses: Set<string>;
}

/** Operations whose official 401 is a JSON ErrorCollection; the rest of the platform API answers text. */
const JSON_401 = new Set(['GET /rest/api/3/mypermissions', 'POST /rest/api/3/issue', 'GET /rest/api/3/resolution/search']);

function unauthenticated(api: ApiFamily, endpoint: string, credentialsGiven: boolean): SimResponse {
  const headers: Record<string, string> = credentialsGiven ? { 'X-Seraph-LoginReason': 'AUTHENTICATED_FAILED' } : {};
  if (api === 'servicedesk') return { ...jsmError(401, UNAUTHENTICATED_MESSAGE, 'sd.public.api.error.unauthenticated'), headers };
  if (JSON_401.has(endpoint)) return { ...jiraError(401, UNAUTHENTICATED_MESSAGE), headers };
  return { status: 401, text: UNAUTHENTICATED_MESSAGE, headers };
}

function parseBasic(header: string | undefined): { email: string; token: string } | undefined {
  const match = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { email: decoded.slice(0, colon), token: decoded.slice(colon + 1) };
}

const sleep = (ms: number) => (ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

function gatewayPage(status: number): SimResponse {
  const titles: Record<number, string> = { 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };
  return {
    status,
    text: `<html><head><title>${status} ${titles[status]}</title></head><body><h1>${status} ${titles[status]}</h1></body></html>`,
    headers: { 'Content-Type': 'text/html;charset=UTF-8' },
  };
}

/**
 * A 429 for a period of `leftMs` from `now` (the clock of bodies): Retry-After in
 * whole seconds, rounded up so it never promises an earlier reopening, and
 * X-RateLimit-Reset as that request time plus the period.
 */
function rateLimited(api: ApiFamily, now: Date, window: Omit<RateLimitWindow, 'untilMs'>, leftMs: number): SimResponse {
  const seconds = Math.max(1, Math.ceil(leftMs / 1000));
  const reset = new Date(now.getTime() + leftMs).toISOString();
  const headers: Record<string, string> =
    window.style === 'reset-only'
      ? { 'X-RateLimit-Reset': reset }
      : { 'Retry-After': String(seconds), 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset, 'RateLimit-Reason': window.reason };
  return { ...errorFor(api, 429, 'Rate limit exceeded.', 'sd.public.api.error.rate.limit'), headers };
}

function faultResponse(fault: Exclude<Fault, { type: 'rateLimit' }>, api: ApiFamily, endpoint: string): SimResponse | undefined {
  switch (fault.type) {
    case 'status':
      if (fault.status === 401) return unauthenticated(api, endpoint, true);
      if (fault.status === 412 && api === 'servicedesk') return jsmExperimentalRequired();
      if (fault.status >= 502) return gatewayPage(fault.status);
      return errorFor(api, fault.status, fault.message ?? defaultMessage(fault.status));
    default:
      return undefined;
  }
}

function defaultMessage(status: number): string {
  switch (status) {
    case 403:
      return 'You do not have permission to perform this operation.';
    case 404:
      return 'The requested resource does not exist.';
    case 412:
      return 'Precondition failed.';
    default:
      return 'Internal server error.';
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const model = options.site;
  const now = options.now ?? (() => new Date());
  const rateLimitClock = options.rateLimitClock ?? (() => now().getTime());
  let plan = new FaultPlan(options.scenario ?? {});
  let random = seededRandom(options.scenario?.seed ?? 1);
  const requests: RecordedRequest[] = [];
  const notifications: RecordedNotification[] = [];
  const violations: ContractViolation[] = [];
  const undocumentedStatuses = new Set<string>();
  let seq = 0;
  let url = '';
  // Loaded only when asked for: ajv is a dev dependency, and the CLI's --demo must run without it.
  const validate: typeof ValidateAgainstSpec | undefined = options.validateResponses ? (await import('./openapi-validator')).validateAgainstSpec : undefined;

  async function answer(req: IncomingMessage, record: RecordedRequest): Promise<{ response: SimResponse; serialised?: string; route?: Route; faulted: boolean }> {
    const requestUrl = new URL(req.url ?? '/', 'http://simulator.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    const api: ApiFamily = requestUrl.pathname.startsWith('/rest/servicedeskapi') ? 'servicedesk' : 'platform';
    const match = matchRoute(method, requestUrl.pathname);
    const rawBody = await readBody(req);
    await sleep(latencyMs(plan.current.latency, random));

    if (!match) return { response: errorFor(api, 404, `null for uri: ${url}${requestUrl.pathname}`), faulted: false };
    if ('methodNotAllowed' in match) {
      record.endpoint = `${method} ${match.template}`;
      return { response: { status: 405, text: '' }, faulted: false };
    }
    const { route, params } = match;
    const endpoint = `${method} ${route.template}`;
    record.endpoint = endpoint;
    record.params = params;

    const credentials = parseBasic(req.headers.authorization);
    const caller: SimUser | undefined = credentials ? model.authenticate(credentials.email, credentials.token) : undefined;
    if (!caller) return { response: unauthenticated(api, endpoint, credentials !== undefined), route, faulted: false };
    record.accountId = caller.accountId;

    const values: Record<string, string> = { ...params };
    for (const [key, value] of requestUrl.searchParams) values[key] ??= value;
    const call = { method, template: route.template, values };
    const limitNow = rateLimitClock();
    /** Answers 429 and keeps the endpoint closed to this caller for the period asked. */
    const refuse = (window: Omit<RateLimitWindow, 'untilMs'>, leftMs: number): SimResponse => {
      plan.openRateLimitWindow(call, caller.accountId, { ...window, untilMs: limitNow + leftMs });
      return rateLimited(api, now(), window, leftMs);
    };
    const open = plan.rateLimitWindowAt(call, caller.accountId, limitNow);
    if (open) {
      record.fault = 'rate-limit-window';
      return { response: rateLimited(api, now(), open, open.untilMs - limitNow), route, faulted: true };
    }
    const burst = plan.burstRetryAfter(call, limitNow);
    if (burst !== undefined) {
      record.fault = 'burst-limit';
      return { response: refuse({ style: 'retry-after', reason: 'jira-burst-based' }, burst * 1000), route, faulted: true };
    }

    const faults = plan.faultsFor(call);
    for (const fault of faults) if (fault.type === 'delay') await sleep(fault.ms);
    for (const fault of faults) {
      if (fault.type === 'rateLimit') {
        record.fault = `rateLimit-${fault.style ?? 'retry-after'}`;
        const window = { style: fault.style ?? 'retry-after', reason: fault.reason ?? 'jira-quota-tenant-based' } as const;
        return { response: refuse(window, (fault.retryAfterSeconds ?? 1) * 1000), route, faulted: true };
      }
      const response = faultResponse(fault, api, endpoint);
      if (response) {
        record.fault = fault.type === 'status' ? `status-${fault.status}` : fault.type;
        return { response, route, faulted: true };
      }
    }

    let body: unknown;
    if (rawBody.trim() !== '') {
      try {
        body = JSON.parse(rawBody);
      } catch {
        return { response: errorFor(api, 400, 'Unexpected character in the request body: it is not valid JSON.'), route, faulted: false };
      }
      if (method !== 'GET') record.requestBody = body;
    }

    const response = route.handle({
      model,
      caller,
      params,
      query: requestUrl.searchParams,
      body,
      headers: req.headers,
      baseUrl: url,
      path: requestUrl.pathname,
      scenario: plan.current,
      notifications,
      now,
    });

    let faulted = false;
    let serialised: string | undefined;
    for (const fault of faults) {
      if (response.status >= 300) break;
      if (fault.type === 'pagingIsLastMissing' || fault.type === 'pagingWrongTotal') {
        response.body = tamperPage(response.body, fault);
        record.fault = fault.type;
        faulted = true;
      } else if (fault.type === 'malformedJson' && response.body !== undefined) {
        serialised = malformed(JSON.stringify(response.body));
        record.fault = 'malformedJson';
        faulted = true;
      } else if (fault.type === 'delay') {
        record.fault ??= `delay-${fault.ms}ms`;
      }
    }
    return { response, serialised, route, faulted };
  }

  function check(endpoint: string, method: string, template: string, response: SimResponse): void {
    if (!validate) return;
    const body = response.text !== undefined ? response.text : response.body;
    const result = validate(method, template, response.status, body);
    if (!result.documentedStatus) undocumentedStatuses.add(`${endpoint} ${response.status}`);
    if (result.checked && !result.valid) violations.push({ endpoint, status: response.status, errors: result.errors });
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const started = Date.now();
    const record: RecordedRequest = {
      seq: ++seq,
      at: now().toISOString(),
      method: (req.method ?? 'GET').toUpperCase(),
      path: req.url ?? '/',
      endpoint: `${(req.method ?? 'GET').toUpperCase()} ${(req.url ?? '/').split('?')[0]}`,
      params: {},
      status: 0,
      durationMs: 0,
    };
    answer(req, record)
      .then(({ response, serialised, route, faulted }) => {
        const headers: Record<string, string> = { 'X-AREQUESTID': `sim-${record.seq}`, ...(response.headers ?? {}) };
        let payload = '';
        if (serialised !== undefined) {
          payload = serialised;
          headers['Content-Type'] ??= 'application/json;charset=UTF-8';
        } else if (response.text !== undefined) {
          payload = response.text;
          headers['Content-Type'] ??= 'text/plain;charset=UTF-8';
        } else if (response.body !== undefined && response.status !== 204) {
          payload = JSON.stringify(response.body);
          headers['Content-Type'] ??= 'application/json;charset=UTF-8';
        }
        if (route && !faulted) check(record.endpoint, record.method, route.template, response);
        record.status = response.status;
        record.durationMs = Date.now() - started;
        requests.push(record);
        res.writeHead(response.status, headers);
        res.end(payload);
      })
      .catch((error: unknown) => {
        // A simulator bug must look like a Jira 500, never hang the client.
        record.status = 500;
        record.fault = `simulator-error: ${error instanceof Error ? error.message : String(error)}`;
        requests.push(record);
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json;charset=UTF-8' });
        res.end(JSON.stringify({ errorMessages: ['Internal server error.'], errors: {} }));
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}`;

  return {
    url,
    requests,
    notifications,
    model,
    violations,
    undocumentedStatuses,
    get scenario() {
      return plan.current;
    },
    resetCounters() {
      plan.reset();
    },
    setScenario(scenario: Scenario) {
      plan = new FaultPlan(scenario);
      random = seededRandom(scenario.seed ?? 1);
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
