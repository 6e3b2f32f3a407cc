/**
 * Named scenarios for tests, the preview's fault switcher and the benchmark.
 * Each one is a plain Scenario value; copy and change one freely.
 */
import type { Scenario } from './scenario';

export const FAULT_SCENARIOS = {
  /** Nothing goes wrong. */
  healthy: { name: 'healthy', description: 'Every call answers at once.' },

  /** 429s on the busiest endpoints: Retry-After on some, only X-RateLimit-Reset on others. */
  rateLimited: {
    name: 'rateLimited',
    description: 'Group members, customers and workflows are rate limited on their first calls.',
    faults: [
      { endpoint: 'GET /rest/api/3/group/member', calls: [1, 3], fault: { type: 'rateLimit', style: 'retry-after', retryAfterSeconds: 1 } },
      { endpoint: 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer', calls: [1], fault: { type: 'rateLimit', style: 'reset-only', retryAfterSeconds: 1 } },
      { endpoint: 'POST /rest/api/3/workflows', calls: [1], fault: { type: 'rateLimit', style: 'retry-after', retryAfterSeconds: 1, reason: 'jira-burst-based' } },
    ],
  },

  /**
   * A long quota wait, as Forge apps meet with Jira's hourly quotas: the first call
   * listing customers gets 429 with Retry-After 120 s, and every call the same
   * caller sends there before the 120 s are over gets 429 again with the time left.
   */
  longRetryAfter: {
    name: 'longRetryAfter',
    description: 'Listing customers answers 429 with Retry-After 120 s; calls inside those 120 s are refused again.',
    faults: [
      {
        endpoint: 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer',
        calls: [1],
        fault: { type: 'rateLimit', style: 'retry-after', retryAfterSeconds: 120, reason: 'jira-quota-tenant-based' },
      },
    ],
  },

  /** Transient gateway and server errors that a retry gets past. */
  flaky5xx: {
    name: 'flaky5xx',
    description: '502, 503, 504 and 500 on first calls; the retries succeed.',
    faults: [
      { endpoint: 'GET /rest/servicedeskapi/servicedesk', calls: [1], fault: { type: 'status', status: 503 } },
      { endpoint: 'GET /rest/api/3/project/{projectIdOrKey}/role/{id}', calls: [1, 4], fault: { type: 'status', status: 502 } },
      { endpoint: 'GET /rest/api/3/screens/{screenId}/tabs', calls: [1], fault: { type: 'status', status: 504 } },
      { endpoint: 'GET /rest/api/3/user', calls: [1], fault: { type: 'status', status: 500 } },
    ],
  },

  /** The app may not read HR's customers: CUST-COVERAGE must be `error`, not pass. */
  customers403: {
    name: 'customers403',
    description: 'Listing the customers of desk 2 (HR) is forbidden.',
    faults: [
      {
        endpoint: 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer',
        where: { serviceDeskId: '2' },
        fault: { type: 'status', status: 403, message: 'You do not have permission to view the customers of this service project.' },
      },
    ],
  },

  /** Workflows come back as broken JSON, every time. */
  malformedWorkflow: {
    name: 'malformedWorkflow',
    description: 'POST /rest/api/3/workflows answers 200 with a body cut in half.',
    faults: [{ endpoint: 'POST /rest/api/3/workflows', fault: { type: 'malformedJson' } }],
  },

  /** Paging contracts broken: a page without isLast and a wrong total. */
  brokenPaging: {
    name: 'brokenPaging',
    description: 'group/member omits isLast; project/search reports a wrong total.',
    faults: [
      { endpoint: 'GET /rest/api/3/group/member', fault: { type: 'pagingIsLastMissing' } },
      { endpoint: 'GET /rest/api/3/project/search', fault: { type: 'pagingWrongTotal', delta: 5 } },
    ],
  },

  /** Everything slow: the benchmark's realistic network. */
  slowSite: {
    name: 'slowSite',
    description: 'Every call takes 40 ± 20 ms; the workflows call takes an extra 500 ms.',
    latency: { meanMs: 40, jitterMs: 20 },
    faults: [{ endpoint: 'POST /rest/api/3/workflows', fault: { type: 'delay', ms: 500 } }],
  },

  /** Jira's burst limit: more than 10 calls a second to one endpoint get 429 + Retry-After. */
  burstLimited: {
    name: 'burstLimited',
    description: 'At most 10 calls per second to each read endpoint.',
    burstLimits: [
      { endpoint: 'GET /rest/api/3/group/member', maxRequests: 10, perMs: 1000 },
      { endpoint: 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer', maxRequests: 10, perMs: 1000 },
    ],
  },

  /** The credentials stop working after the first call (token revoked mid-run). */
  tokenRevoked: {
    name: 'tokenRevoked',
    description: 'Every call after the first answers 401.',
    faults: [{ endpoint: '*', fromCall: 2, fault: { type: 'status', status: 401 } }],
  },

  /** The experimental customers API refuses even with the header. */
  customers412: {
    name: 'customers412',
    description: 'Listing customers answers 412 as if the opt-in header were missing.',
    faults: [{ endpoint: 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer', fault: { type: 'status', status: 412 } }],
  },

  /** A project vanished between the listing and reading it. */
  projectGone: {
    name: 'projectGone',
    description: 'Roles of FAC answer 404.',
    faults: ['FAC', '10002'].map((projectIdOrKey) => ({
      endpoint: 'GET /rest/api/3/project/{projectIdOrKey}/role*',
      where: { projectIdOrKey },
      fault: { type: 'status' as const, status: 404 as const, message: "No project could be found with key 'FAC'." },
    })),
  },

  /** Outgoing mail is off: the scheduled report e-mail fails with 403. */
  mailDisabled: {
    name: 'mailDisabled',
    description: 'POST /issue/{key}/notify answers 403.',
    outgoingMailDisabled: true,
  },
} satisfies Record<string, Scenario>;

export type FaultScenarioName = keyof typeof FAULT_SCENARIOS;
