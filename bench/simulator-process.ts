/**
 * Child process: builds a generated site, serves it on 127.0.0.1 with the
 * benchmark's latency and per-endpoint burst limits, and answers the parent with
 * the site's shape and, on request, what it was asked (per endpoint, 429s).
 */
import { ROUTES } from '../dev/simulator/router';
import { startSimulator, type RunningSimulator, type Scenario } from '../dev/simulator/server';
import { generateSite } from '../dev/simulator/sites/generated-site';
import type { TimelineCall } from './endpoint-timeline';
import { serve } from './ipc';
import { siteShape, type SiteShape } from './site-shape';

export interface SimulatorStartRequest {
  desks: number;
  /** End users over the end-user groups (the generated site's default: 20,000). */
  endUsers?: number;
  /** Most customers of one desk (the generated site's default: 20,000; at most the end users). */
  maxCustomers?: number;
  latency?: { meanMs: number; jitterMs: number };
  burst?: { maxRequests: number; perMs: number };
  /** A site-wide budget of calls over a longer window (Jira's hourly quota), answered 429 + Retry-After when spent. */
  quota?: { maxRequests: number; perMs: number };
}

/** The answer to `start`: where the site is, who to call it as, and its shape. */
export interface SimulatorStarted {
  url: string;
  email: string;
  apiToken: string;
  serviceAccount: string;
  endUserGroups: string[];
  shape: SiteShape;
}

export interface SimulatorCounts {
  total: number;
  byEndpoint: Record<string, number>;
  rateLimited: number;
  /** CPU time the simulator spent answering since the previous count, ms. */
  cpuMs: number;
  /** Customer pages (desk and offset) answered more than once: each extra answer counts one. */
  customerPagesReadTwice: number;
}

/** Pure: the scenario: latency for every call, and one burst window per operation, as Jira limits each endpoint. */
export function benchScenario(request: Pick<SimulatorStartRequest, 'latency' | 'burst' | 'quota'>): Scenario {
  const scenario: Scenario = { name: 'benchmark', seed: 11 };
  if (request.latency) scenario.latency = request.latency;
  if (request.burst) {
    scenario.burstLimits = ROUTES.map((route) => ({ endpoint: `${route.method} ${route.template}`, maxRequests: request.burst!.maxRequests, perMs: request.burst!.perMs }));
  }
  if (request.quota) scenario.burstLimits = [...(scenario.burstLimits ?? []), { endpoint: '*', maxRequests: request.quota.maxRequests, perMs: request.quota.perMs }];
  return scenario;
}

/** A desk's customer page as the simulator logs it; its path names the desk and the offset. */
const CUSTOMER_PAGE = 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer';

/** The answer to `timeline`: one endpoint's calls since the last count, and when the first call of any endpoint came. */
export interface SimulatorTimeline {
  runStartMs: number;
  calls: TimelineCall[];
}

let simulator: RunningSimulator | undefined;
let cpuMark = process.cpuUsage();

serve(async (message) => {
  switch (message.type) {
    case 'start': {
      const request = message as unknown as SimulatorStartRequest;
      const site = generateSite({ desks: request.desks, ...(request.endUsers ? { endUsers: request.endUsers } : {}), ...(request.maxCustomers ? { maxCustomers: request.maxCustomers } : {}) });
      simulator = await startSimulator({ site: site.model, host: '127.0.0.1', port: 0, scenario: benchScenario(request) });
      cpuMark = process.cpuUsage();
      const started: SimulatorStarted = {
        url: simulator.url,
        email: site.admin.email,
        apiToken: site.admin.token,
        serviceAccount: site.serviceAccountEmail,
        endUserGroups: site.endUserGroups,
        shape: siteShape(site.model, site.endUserGroups),
      };
      return started;
    }
    case 'counts': {
      if (!simulator) throw new Error('The simulator is not started');
      const byEndpoint: Record<string, number> = {};
      let rateLimited = 0;
      const customerPages = new Set<string>();
      let customerPagesReadTwice = 0;
      for (const r of simulator.requests) {
        byEndpoint[r.endpoint] = (byEndpoint[r.endpoint] ?? 0) + 1;
        if (r.status === 429) rateLimited += 1;
        if (r.endpoint !== CUSTOMER_PAGE || r.status !== 200) continue;
        if (customerPages.has(r.path)) customerPagesReadTwice += 1;
        else customerPages.add(r.path);
      }
      const cpu = process.cpuUsage(cpuMark);
      cpuMark = process.cpuUsage();
      const counts: SimulatorCounts = { total: simulator.requests.length, byEndpoint, rateLimited, cpuMs: (cpu.user + cpu.system) / 1000, customerPagesReadTwice };
      // Each measured run starts from clean counters and burst windows.
      simulator.requests.length = 0;
      simulator.resetCounters();
      return counts;
    }
    case 'timeline': {
      if (!simulator) throw new Error('The simulator is not started');
      const endpoint = String(message.endpoint);
      const answered = (r: RunningSimulator['requests'][number]) => Date.parse(r.at) + r.durationMs;
      const timeline: SimulatorTimeline = {
        runStartMs: simulator.requests.reduce((first, r) => Math.min(first, Date.parse(r.at)), Infinity),
        calls: simulator.requests.filter((r) => r.endpoint === endpoint).map((r) => [answered(r), r.status, r.params.serviceDeskId ?? ''] as TimelineCall),
      };
      return timeline;
    }
    case 'stop': {
      await simulator?.close();
      simulator = undefined;
      setImmediate(() => process.exit(0));
      return true;
    }
    default:
      throw new Error(`Unknown request ${message.type}`);
  }
});
