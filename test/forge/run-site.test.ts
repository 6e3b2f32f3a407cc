/**
 * A Forge run of one job per desk reads what the desks share once per run, not once
 * per job: the run's first job reads the server, the service account, the end-user
 * groups, every desk's listing and request types, the schemes, workflows and screens
 * and shares them through storage; each job reads only its own desk's roles and
 * customers, and the stored reports are those of one whole-site run. Counted on the
 * simulator's own request log.
 */
import { startSimulator, type RunningSimulator } from '../../dev/simulator/server';
import { generateSite, type GeneratedSite } from '../../dev/simulator/sites/generated-site';
import { processProjectJob } from '../../src/forge/consumer/process-project-job';
import type { AppDeps, KeyValueStore, ProjectJob } from '../../src/forge/deps';
import { runChecks } from '../../src/forge/run/readiness-runner';
import { startReadinessRun } from '../../src/forge/run/start-run';
import { KEYS } from '../../src/forge/storage/keys';
import { loadDeskSizes } from '../../src/forge/storage/desk-size-repo';
import { loadDecoratedReport } from '../../src/forge/storage/load-report';
import { MemoryStore } from '../../src/forge/storage/memory-store';
import { storeReport } from '../../src/forge/storage/report-repo';
import { getSettings, saveSettings } from '../../src/forge/storage/settings-repo';
import { createHttpTransport } from '../../src/jira/http-transport';
import type { Report } from '../../src/shared/report-model';

const GROUP_MEMBER = 'GET /rest/api/3/group/member';
const DESK_LIST = 'GET /rest/servicedeskapi/servicedesk';
const PROJECT_SEARCH = 'GET /rest/api/3/project/search';
const DESK_BY_ID = 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}';
const FAST_WAIT = { pollMs: 10, maxWaitMs: 20_000 };

let site: GeneratedSite;
let sim: RunningSimulator;

beforeAll(async () => {
  // 3 desks, end users over three groups of 180, 160 and 60: 4 + 4 + 2 pages of 50.
  site = generateSite({ desks: 3, endUsers: 400, minCustomers: 20, maxCustomers: 120, screens: 6, sharedWorkflows: 2, schemes: 2, seed: 11 });
  sim = await startSimulator({ site: site.model });
});

afterAll(async () => sim?.close());

function depsFor(jobs: ProjectJob[], storage = new MemoryStore()): AppDeps & { storage: MemoryStore; warnings: string[] } {
  const transport = createHttpTransport({ baseUrl: sim.url, email: site.admin.email, apiToken: site.admin.token });
  const warnings: string[] = [];
  return {
    storage,
    warnings,
    queue: { push: async (pushed) => void jobs.push(...pushed) },
    jiraAsApp: () => transport,
    jiraAsUser: () => transport,
    now: () => new Date(),
    log: { info: () => undefined, warn: (m) => void warnings.push(m), error: () => undefined },
  };
}

/** Another process's handle on the same kvs data: nothing in memory is shared with the other jobs. */
function ownProcessView(store: MemoryStore): KeyValueStore {
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
    createIfAbsent: (key, value) => store.createIfAbsent(key, value),
    list: (prefix) => store.list(prefix),
    listPage: (prefix, cursor) => store.listPage(prefix, cursor),
  };
}

async function configure(deps: AppDeps): Promise<void> {
  const saved = await saveSettings(deps.storage, { settings: { serviceAccount: site.serviceAccountEmail, endUserGroups: site.endUserGroups }, version: 0 }, 'test', new Date());
  expect(saved).toMatchObject({ version: 1, settings: { endUserGroups: site.endUserGroups } });
}

function countByEndpoint(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of sim.requests) counts[r.endpoint] = (counts[r.endpoint] ?? 0) + 1;
  return counts;
}

function callsTo(endpoint: string): string[] {
  return sim.requests.filter((r) => r.endpoint === endpoint).map((r) => r.path);
}

/** What a stored report says, without what differs between two runs of the same site. */
function comparable(report: Report | null): unknown {
  if (!report) return null;
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !['generatedAt', 'gatheredAt', 'stats', 'runId', 'checkedAt', 'durationMs'].includes(k))
        .map(([k, v]) => [k, strip(v)]),
    );
  };
  return strip(report);
}

/** A run started with the simulator's request log cleared: fresh deps, the site's settings, one job per desk pushed. */
async function startedRun(reason: 'recheck' | 'scheduled') {
  sim.requests.length = 0;
  const jobs: ProjectJob[] = [];
  const deps = depsFor(jobs);
  await configure(deps);
  const progress = await startReadinessRun(deps, { reason });
  return { deps, jobs, progress };
}

async function wholeSiteReport(): Promise<unknown> {
  const deps = depsFor([]);
  await configure(deps);
  const { settings } = await getSettings(deps.storage);
  const report = await runChecks({ transport: deps.jiraAsApp(), settings, projectKeys: [], log: deps.log, now: deps.now });
  await storeReport(deps.storage, report, 'whole-site');
  return comparable(await loadDecoratedReport(deps.storage, deps.now()));
}

it('a 3-desk run through the consumer reads everything once, as one whole-site run does, and stores the whole-site reports', async () => {
  sim.requests.length = 0;
  const whole = await wholeSiteReport();
  const wholeGroupPages = callsTo(GROUP_MEMBER).length;
  expect(wholeGroupPages).toBe(4 + 4 + 2);
  const wholeCalls = countByEndpoint();

  const { deps, jobs, progress } = await startedRun('recheck');
  expect(jobs.map((j) => j.projectKey).sort()).toEqual(site.desks.map((d) => d.key).sort());
  const listedAtStart = callsTo(DESK_LIST).length;

  // Every job at once, each in its own process as Forge runs them (its own view of the one kvs store).
  const results = await Promise.all(jobs.map((job) => processProjectJob({ ...deps, storage: ownProcessView(deps.storage) }, job, { sharedWait: FAST_WAIT })));
  expect(results.every((r) => r.state === 'done')).toBe(true);

  // Each group's pages exactly once for the whole run (the same pages a whole-site run reads).
  const pages = callsTo(GROUP_MEMBER);
  expect(pages).toHaveLength(wholeGroupPages);
  expect(new Set(pages).size).toBe(pages.length);
  // No job paged the desk list; the run's desks were looked up once, by their keys.
  expect(callsTo(DESK_LIST)).toHaveLength(listedAtStart);
  const searches = callsTo(PROJECT_SEARCH);
  expect(searches).toHaveLength(1);
  expect(searches.every((path) => /[?&]keys=/.test(path))).toBe(true);
  // Every other endpoint exactly as often as in the whole-site run: nothing read twice.
  const forge = countByEndpoint();
  for (const endpoint of Object.keys({ ...wholeCalls, ...forge })) {
    if ([DESK_LIST, PROJECT_SEARCH, DESK_BY_ID].includes(endpoint)) continue;
    expect([endpoint, forge[endpoint]]).toEqual([endpoint, wholeCalls[endpoint]]);
  }

  expect(comparable(await loadDecoratedReport(deps.storage, deps.now()))).toEqual(whole);
  // Each job recorded its desk's customer chain, for the next run's order.
  expect(Object.fromEntries(await loadDeskSizes(deps.storage))).toEqual(Object.fromEntries(site.desks.map((d) => [d.key, Math.max(1, Math.ceil(d.customers / 50))])));
  // The run is over: what it shared is gone, a late job would read for itself.
  expect(deps.storage.keys().filter((k) => k.startsWith(KEYS.runSharedPrefix(progress.runId)) && k.includes(':e:'))).toEqual([]);
  expect(deps.warnings).toEqual([]);
}, 60_000);

it('jobs one after another (a scheduled run’s spread) also page each group once', async () => {
  const { deps, jobs } = await startedRun('scheduled');
  for (const job of jobs) expect(await processProjectJob(deps, job, { sharedWait: FAST_WAIT })).toMatchObject({ state: 'done' });
  expect(callsTo(GROUP_MEMBER)).toHaveLength(4 + 4 + 2);
}, 60_000);

it('jobs sharing one process wait on the reading job directly, still one read per group', async () => {
  const { deps, jobs } = await startedRun('recheck');
  const sleeps: number[] = [];
  const wait = { sleep: async (ms: number) => void sleeps.push(ms) };
  expect((await Promise.all(jobs.map((job) => processProjectJob(deps, job, { sharedWait: wait })))).every((r) => r.state === 'done')).toBe(true);
  expect(callsTo(GROUP_MEMBER)).toHaveLength(4 + 4 + 2);
  expect(sleeps).toEqual([]);
}, 60_000);

it('a group Jira refuses is not shared: every job reads it and reports CUST-COVERAGE as error, never pass', async () => {
  sim.setScenario({ name: 'groups refused', faults: [{ endpoint: GROUP_MEMBER, fault: { type: 'status', status: 403 } }] });
  try {
    const { deps, jobs } = await startedRun('recheck');
    await Promise.all(jobs.map((job) => processProjectJob({ ...deps, storage: ownProcessView(deps.storage) }, job, { sharedWait: FAST_WAIT })));
    const report = (await loadDecoratedReport(deps.storage, deps.now()))!;
    expect(report.projects).toHaveLength(3);
    for (const project of report.projects) {
      const coverage = project.checks.find((c) => c.id === 'CUST-COVERAGE')!;
      expect(coverage.status).toBe('error');
    }
    // The first job's read plus each other job's own attempt: one refused first page per group per job.
    expect(callsTo(GROUP_MEMBER)).toHaveLength(site.endUserGroups.length * jobs.length);
  } finally {
    sim.setScenario({ name: 'none', faults: [] });
  }
}, 60_000);

it.each([
  ['403', { type: 'status', status: 403 } as const],
  ['malformed JSON', { type: 'malformedJson' } as const],
])('a job whose own desk cannot be looked up (%s) passes none of that desk’s checks and says why', async (_name, fault) => {
  sim.setScenario({ name: 'desk lookup fails', faults: [{ endpoint: 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}', fault }] });
  try {
    const deps = depsFor([]);
    await configure(deps);
    const { settings } = await getSettings(deps.storage);
    const key = site.desks[0]!.key;
    const report = await runChecks({ transport: deps.jiraAsApp(), settings, projectKeys: [key], log: deps.log, now: deps.now });
    const project = report.projects.find((p) => p.key === key)!;
    expect(project.checks.length).toBeGreaterThan(0);
    expect(project.checks.filter((c) => c.status === 'pass')).toEqual([]);
    expect(report.ready).not.toBe(true);
    expect((report as Report & { projectListingError?: { endpoint: string } }).projectListingError?.endpoint).toMatch(/servicedesk/);
  } finally {
    sim.setScenario({ name: 'none', faults: [] });
  }
}, 60_000);

it('each job starts its desk’s customer paging at once, before what the desks share has been read', async () => {
  // The shared read is slow: every group page takes 150 ms.
  sim.setScenario({ name: 'slow groups', faults: [{ endpoint: GROUP_MEMBER, fault: { type: 'delay', ms: 150 } }] });
  try {
    const { deps, jobs } = await startedRun('recheck');
    const results = await Promise.all(jobs.map((job) => processProjectJob({ ...deps, storage: ownProcessView(deps.storage) }, job, { sharedWait: FAST_WAIT })));
    expect(results.every((r) => r.state === 'done')).toBe(true);
    const seqOf = (endpoint: string) => sim.requests.filter((r) => r.endpoint === endpoint).map((r) => r.seq);
    const lastGroupPage = Math.max(...seqOf(GROUP_MEMBER));
    const customers = sim.requests.filter((r) => r.endpoint === 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer');
    for (const desk of site.desks) {
      const first = customers.find((r) => r.path.includes(`/servicedesk/${desk.serviceDeskId}/customer`))!;
      expect([desk.key, first.seq < lastGroupPage]).toEqual([desk.key, true]);
    }
    // Still one read of everything shared.
    expect(callsTo(GROUP_MEMBER)).toHaveLength(4 + 4 + 2);
  } finally {
    sim.setScenario({ name: 'none', faults: [] });
  }
}, 60_000);
