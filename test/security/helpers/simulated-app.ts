/**
 * The real Forge backend (buildResolvers + processProjectJob) over an in-memory
 * store and an in-process queue, talking to the simulator's demo site with one
 * identity per caller, so Jira itself (mypermissions as the caller) decides who
 * may do what, and the simulator records which account made every write.
 */
import type { RunningSimulator } from '../../../dev/simulator/server';
import { startSimulator } from '../../../dev/simulator/server';
import { buildDemoSite, DEMO_CREDENTIALS, DEMO_END_USER_GROUP, DEMO_SERVICE_ACCOUNT_EMAIL } from '../../../dev/simulator/sites/demo';
import { externalCustomers } from '../../../dev/simulator/sites/people';
import { createInProcessQueue, type InProcessQueue } from '../../../dev/preview/in-process-queue';
import type { AppDeps, InvocationContext, ProjectJob } from '../../../src/forge/deps';
import type { Logger } from '../../../src/shared/logger';
import { processFixJob } from '../../../src/forge/consumer/process-fix-job';
import { processProjectJob } from '../../../src/forge/consumer/process-project-job';
import { buildResolvers, type Resolvers } from '../../../src/forge/resolvers';
import { MemoryStore } from '../../../src/forge/storage/memory-store';
import { createHttpTransport } from '../../../src/jira/http-transport';
import type { JiraTransport } from '../../../src/jira/transport';
import type { Envelope, ResolverName } from '../../../src/shared/resolver-api';

export type CallerId = 'siteAdmin' | 'hrAdmin' | 'agent' | 'customer' | 'anonymous';

export interface Identity {
  email: string;
  token: string;
  accountId: string;
}

export const CUSTOMER: Identity = {
  email: externalCustomers()[0]!.email!,
  token: 'SIMULATED-customer-token-not-a-secret',
  accountId: externalCustomers()[0]!.accountId,
};

export const IDENTITIES: Record<Exclude<CallerId, 'anonymous'>, Identity> = {
  siteAdmin: DEMO_CREDENTIALS.admin,
  /** Administers HR only: "admin of this project" on HR's page, "admin of another project" on ITSD's. */
  hrAdmin: DEMO_CREDENTIALS.projectAdmin,
  agent: DEMO_CREDENTIALS.agent,
  customer: CUSTOMER,
};

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

export interface SimulatedApp {
  sim: RunningSimulator;
  deps: AppDeps;
  store: MemoryStore;
  queue: InProcessQueue & { pushed: ProjectJob[] };
  resolvers: Resolvers;
  logs: LogEntry[];
  call<K extends ResolverName>(name: K, payload: unknown, ctx: InvocationContext): Promise<Envelope<unknown>>;
  /** The store as one sorted string, to compare before and after a call. */
  storeSnapshot(): Promise<string>;
  /** Non-read requests the simulator answered, with the account that made each. */
  writes(): { endpoint: string; accountId?: string; status: number }[];
  close(): Promise<void>;
}

/** POST endpoints that only read (Jira's bulk reads). */
const READ_POSTS = new Set(['POST /rest/api/3/workflows']);

export function recordingLogger(logs: LogEntry[]): Logger {
  return {
    info: (message, fields) => logs.push({ level: 'info', message, ...(fields ? { fields } : {}) }),
    warn: (message, fields) => logs.push({ level: 'warn', message, ...(fields ? { fields } : {}) }),
    error: (message, fields) => logs.push({ level: 'error', message, ...(fields ? { fields } : {}) }),
  };
}

export interface StartOptions {
  seed?: boolean;
  store?: MemoryStore;
  now?: () => Date;
}

/**
 * The simulated app of a describe block (or a file): started before its tests, or
 * before each test with `each`, and closed after. The object returned is filled in
 * when the app starts, so tests use it as they would a started app.
 */
export function useSimulatedApp(options: StartOptions & { each?: boolean; timeout?: number } = {}): SimulatedApp {
  const { each, timeout = 60_000, ...start } = options;
  const app = {} as SimulatedApp;
  (each ? beforeEach : beforeAll)(async () => {
    Object.assign(app, await startSimulatedApp(start));
  }, timeout);
  (each ? afterEach : afterAll)(async () => {
    await app.close?.();
  });
  return app;
}

export async function startSimulatedApp(options: StartOptions = {}): Promise<SimulatedApp> {
  const site = buildDemoSite();
  site.setApiToken(CUSTOMER.accountId, CUSTOMER.token);
  const sim = await startSimulator({ site, host: '127.0.0.1', port: 0 });
  const transports = new Map<string, JiraTransport>(
    Object.values(IDENTITIES).map((i) => [i.accountId, createHttpTransport({ baseUrl: sim.url, email: i.email, apiToken: i.token })]),
  );
  const logs: LogEntry[] = [];
  const store = options.store ?? new MemoryStore();
  const pushed: ProjectJob[] = [];
  // eslint-disable-next-line prefer-const
  let deps: AppDeps;
  const inner = createInProcessQueue((job) => processProjectJob(deps, job), { concurrency: 2, maxDelayMs: 0, onFixJob: (job) => processFixJob(deps, job) });
  const queue: InProcessQueue & { pushed: ProjectJob[] } = {
    pushed,
    idle: () => inner.idle(),
    size: () => inner.size(),
    push: async (jobs, o) => {
      pushed.push(...jobs);
      await inner.push(jobs, o);
    },
    handOn: (jobs, delaySeconds) => inner.handOn(jobs, delaySeconds),
    pushFix: (job, delaySeconds) => inner.pushFix!(job, delaySeconds),
    pushLog: inner.pushLog,
  };
  deps = {
    storage: store,
    queue,
    // The demo's admin stands in for the app identity, as in the preview.
    jiraAsApp: () => transports.get(IDENTITIES.siteAdmin.accountId)!,
    jiraAsUser: (accountId) => {
      const transport = transports.get(accountId);
      if (!transport) throw new Error('No Jira identity for this caller.');
      return transport;
    },
    now: options.now ?? (() => new Date()),
    log: recordingLogger(logs),
  };
  const resolvers = buildResolvers(deps);

  const app: SimulatedApp = {
    sim,
    deps,
    store,
    queue,
    resolvers,
    logs,
    async call(name, payload, ctx) {
      const result = (await (resolvers[name] as (p: unknown, c: InvocationContext) => Promise<Envelope<unknown>>)(payload, ctx)) as Envelope<unknown>;
      await queue.idle();
      return result;
    },
    async storeSnapshot() {
      const entries = await store.list<unknown>('');
      return JSON.stringify(entries.sort((a, b) => (a.key < b.key ? -1 : 1)));
    },
    writes() {
      return sim.requests
        .filter((r) => r.method !== 'GET' && !READ_POSTS.has(r.endpoint))
        .map((r) => ({ endpoint: r.endpoint, ...(r.accountId ? { accountId: r.accountId } : {}), status: r.status }));
    },
    async close() {
      await queue.idle();
      await sim.close();
    },
  };

  if (options.seed !== false) {
    const admin = { accountId: IDENTITIES.siteAdmin.accountId, surface: 'admin' as const };
    const current = await app.call('getSettings', {}, admin);
    if (!current.success) throw new Error(`getSettings failed: ${JSON.stringify(current.errors)}`);
    const { settings, version } = current.data as { settings: Record<string, unknown>; version: number };
    const saved = await app.call('saveSettings', { settings: { ...settings, serviceAccount: DEMO_SERVICE_ACCOUNT_EMAIL, endUserGroups: [DEMO_END_USER_GROUP] }, version }, admin);
    if (!saved.success) throw new Error(`saveSettings failed: ${JSON.stringify(saved.errors)}`);
    const run = await app.call('startRecheck', {}, admin);
    if (!run.success) throw new Error(`startRecheck failed: ${JSON.stringify(run.errors)}`);
  }
  return app;
}
