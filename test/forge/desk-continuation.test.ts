/**
 * A desk too large for one Forge job is read across several: the job pages its
 * desk's customers until its stop time, keeps what it read and hands the rest to a
 * follow-up job, which reads on from the next page; the job that reads the last
 * page judges the desk. Driven through the real consumer against the simulated
 * site with a stop time on a clock that moves once per look, so the real time check
 * cuts the paging after a few pages; counted on the simulator's own request log.
 */
import { startSimulator, type RunningSimulator } from '../../dev/simulator/server';
import { generateSite, type GeneratedDesk, type GeneratedSite } from '../../dev/simulator/sites/generated-site';
import { processProjectJob, type JobResult, type ProcessJobOptions } from '../../src/forge/consumer/process-project-job';
import type { AppDeps, ProjectJob } from '../../src/forge/deps';
import { startReadinessRun } from '../../src/forge/run/start-run';
import { loadDeskSizes } from '../../src/forge/storage/desk-size-repo';
import { listHistory } from '../../src/forge/storage/history-repo';
import { KEYS } from '../../src/forge/storage/keys';
import { MemoryStore } from '../../src/forge/storage/memory-store';
import { loadProgress } from '../../src/forge/storage/progress-repo';
import { loadProject } from '../../src/forge/storage/report-repo';
import { saveSettings } from '../../src/forge/storage/settings-repo';
import { createHttpTransport } from '../../src/jira/http-transport';

const CUSTOMERS = 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer';
const ROLES = 'GET /rest/api/3/project/{projectIdOrKey}/role';
const ROLE = 'GET /rest/api/3/project/{projectIdOrKey}/role/{id}';
const FAST_WAIT = { pollMs: 10, maxWaitMs: 20_000 };

let site: GeneratedSite;
let sim: RunningSimulator;
let big: GeneratedDesk;
let small: GeneratedDesk;
let bigPages: number;

beforeAll(async () => {
  site = generateSite({ desks: 2, endUsers: 600, minCustomers: 30, maxCustomers: 420, screens: 6, sharedWorkflows: 2, schemes: 2, seed: 11 });
  sim = await startSimulator({ site: site.model });
  [small, big] = [...site.desks].sort((a, b) => a.customers - b.customers) as [GeneratedDesk, GeneratedDesk];
  bigPages = Math.ceil(big.customers / 50);
});

afterAll(async () => sim?.close());

interface Harness {
  deps: AppDeps & { storage: MemoryStore };
  queue: ProjectJob[];
  warnings: string[];
  /** Every key written, in order. */
  writes: string[];
  /** Refuse pushes of follow-up jobs (a job's own push). */
  refuseFollowUps?: boolean;
}

function harness(storage = new MemoryStore()): Harness {
  const transport = createHttpTransport({ baseUrl: sim.url, email: site.admin.email, apiToken: site.admin.token });
  const h: Harness = { queue: [], warnings: [], writes: [], deps: undefined as never };
  const set = storage.set.bind(storage);
  const createIfAbsent = storage.createIfAbsent.bind(storage);
  storage.set = async (key, value) => {
    h.writes.push(key);
    return set(key, value);
  };
  storage.createIfAbsent = async (key, value) => {
    const created = await createIfAbsent(key, value);
    if (created) h.writes.push(key);
    return created;
  };
  h.deps = {
    storage,
    queue: {
      push: async (jobs) => {
        if (h.refuseFollowUps && jobs.some((j) => j.part)) throw new Error('Forge refused the push: too many events pushed this minute.');
        h.queue.push(...jobs);
      },
    },
    jiraAsApp: () => transport,
    jiraAsUser: () => transport,
    now: () => new Date(),
    log: { info: () => undefined, warn: (m, ctx) => void h.warnings.push(`${m} ${JSON.stringify(ctx ?? {})}`), error: () => undefined },
  };
  return h;
}

async function started(h: Harness): Promise<string> {
  if (!h.deps.storage.keys().includes(KEYS.settings)) {
    await saveSettings(h.deps.storage, { settings: { serviceAccount: site.serviceAccountEmail, endUserGroups: site.endUserGroups }, version: 0 }, 'test', new Date());
  }
  sim.requests.length = 0;
  return (await startReadinessRun(h.deps, { reason: 'recheck' })).runId;
}

/** A clock that moves one tick each time it is read: the stop time comes after `ticks` looks. */
function pagesPerJob(ticks: number): ProcessJobOptions {
  let now = 0;
  return { sharedWait: FAST_WAIT, customerPaging: { stopAfterMs: ticks, clock: () => ++now } };
}

/** Runs queued jobs one at a time, as they come, until none is left. */
async function drain(h: Harness, options: ProcessJobOptions, between?: (job: ProjectJob, result: JobResult) => Promise<void>): Promise<{ job: ProjectJob; result: JobResult }[]> {
  const ran: { job: ProjectJob; result: JobResult }[] = [];
  while (h.queue.length > 0) {
    const job = h.queue.shift()!;
    const result = await processProjectJob(h.deps, job, options);
    ran.push({ job, result });
    await between?.(job, result);
  }
  return ran;
}

function customerStarts(deskId: string): number[] {
  return sim.requests.filter((r) => r.endpoint === CUSTOMERS && r.path.includes(`/servicedesk/${deskId}/customer`)).map((r) => Number(new URL(r.path, 'http://x').searchParams.get('start')));
}

function coverage(report: Awaited<ReturnType<typeof loadProject>>) {
  const check = report!.checks.find((c) => c.id === 'CUST-COVERAGE')!;
  return { status: check.status, summary: check.summary };
}

/** The desk's stored report without what differs between two runs of the same site (the hash covers evidence's read time). */
function comparable(report: Awaited<ReturnType<typeof loadProject>>): unknown {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !['generatedAt', 'gatheredAt', 'stats', 'runId', 'checkedAt', 'durationMs', 'evidenceHash'].includes(k))
        .map(([k, v]) => [k, strip(v)]),
    );
  };
  return strip(report);
}

const partKeys = (h: Harness): string[] => h.deps.storage.keys().filter((k) => k.includes(':shared:part:') && !k.endsWith(':manifest'));

function callsByEndpoint(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of sim.requests) counts[r.endpoint] = (counts[r.endpoint] ?? 0) + 1;
  return counts;
}

let oneJob: { report: Awaited<ReturnType<typeof loadProject>>; customerCalls: number; calls: Record<string, number> };

beforeAll(async () => {
  // The same desk in one job: what every split run must come to.
  const h = harness();
  await started(h);
  const ran = await drain(h, { sharedWait: FAST_WAIT });
  expect(ran.map((r) => r.result.state)).toEqual(['done', 'done']);
  const report = await loadProject(h.deps.storage, big.key);
  oneJob = { report, customerCalls: customerStarts(big.serviceDeskId).length, calls: callsByEndpoint() };
  expect(oneJob.customerCalls).toBe(bigPages);
  expect(coverage(report).status).not.toBe('error');
}, 60_000);

it('a desk cut after a few pages is read across 2–3 jobs, every customer page once, and judged as one job judges it', async () => {
  expect(bigPages).toBeGreaterThanOrEqual(6);
  const perJob = Math.ceil(bigPages / 3);
  const h = harness();
  const runId = await started(h);
  const progressBetween: unknown[] = [];
  const ran = await drain(h, pagesPerJob(perJob), async (job, result) => {
    if (result.state === 'continued') progressBetween.push(await loadProgress(h.deps.storage, new Date()));
  });

  const bigJobs = ran.filter((r) => r.job.projectKey === big.key);
  const jobs = Math.ceil(bigPages / perJob);
  expect(jobs).toBeGreaterThanOrEqual(2);
  expect(jobs).toBeLessThanOrEqual(3);
  expect(bigJobs.map((r) => [r.job.part ?? 1, r.result.state])).toEqual([...Array.from({ length: jobs - 1 }, (_, i) => [i + 1, 'continued']), [jobs, 'done']]);
  // The small desk's paging ended before its stop time: one job, as ever, and nothing kept for it.
  expect(ran.filter((r) => r.job.projectKey === small.key).map((r) => r.result)).toEqual([{ projectKey: small.key, state: 'done' }]);
  expect(h.writes.filter((k) => k.includes(`:part:${small.key}:`))).toEqual([]);

  // Every customer page of the desk asked for exactly once, in order; its roles read once.
  expect(customerStarts(big.serviceDeskId)).toEqual(Array.from({ length: bigPages }, (_, i) => i * 50));
  const ownRoleCalls = sim.requests.filter((r) => (r.endpoint === ROLES || r.endpoint === ROLE) && r.path.includes(`/project/${big.key}/role`));
  expect(ownRoleCalls.filter((r) => r.endpoint === ROLES)).toHaveLength(1);
  expect(ownRoleCalls.filter((r) => r.endpoint === ROLE).length).toBeGreaterThanOrEqual(1);
  expect(new Set(ownRoleCalls.map((r) => r.path)).size).toBe(ownRoleCalls.length);
  // Nothing else read again either: every endpoint called as often as in the run that read the desk in one job.
  expect(callsByEndpoint()).toEqual(oneJob.calls);

  // Judged as in one job: the same verdicts and summaries, with the desk's whole reading in its stats.
  const report = await loadProject(h.deps.storage, big.key);
  expect(coverage(report)).toEqual(coverage(oneJob.report));
  expect(comparable(report)).toEqual(comparable(oneJob.report));
  expect(report!.runId).toBe(runId);
  expect((await loadDeskSizes(h.deps.storage)).get(big.key)).toBe(bigPages);

  // While the follow-up was pending the desk was pending, with a note saying why.
  expect(progressBetween[0]).toMatchObject({ state: 'running', pending: [big.key], waiting: [{ key: big.key, message: expect.stringMatching(/follow-up job \(\d+ read so far\)/) }] });
  // One outcome for the desk, one finish of the run, nothing of the parts left.
  expect(h.writes.filter((k) => k === KEYS.jobOutcome(runId, big.key))).toHaveLength(1);
  expect(await loadProgress(h.deps.storage, new Date())).toMatchObject({ state: 'done', projectsDone: 2, failed: [] });
  expect((await listHistory(h.deps.storage)).filter((e) => e.runId === runId)).toHaveLength(1);
  expect(partKeys(h)).toEqual([]);
  expect(h.warnings).toEqual([]);
}, 60_000);

it('a follow-up that finds its desk’s part gone reads the customers from the first page, says so, and still judges right', async () => {
  const h = harness();
  const runId = await started(h);
  const perJob = bigPages - 1;
  const ran = await drain(h, pagesPerJob(perJob), async (job, result) => {
    if (result.state !== 'continued' || job.part) return;
    for (const key of h.deps.storage.keys()) if (key.includes(`:shared:part:${big.key}:1:`)) await h.deps.storage.delete(key);
  });
  // Part 2 starts again from the first page and hands on at its own stop time; part 3 ends the desk.
  expect(ran.filter((r) => r.job.projectKey === big.key).map((r) => [r.job.part ?? 1, r.result.state])).toEqual([[1, 'continued'], [2, 'continued'], [3, 'done']]);
  expect(h.warnings.filter((w) => w.includes('reads its customers from the first page'))).toEqual([expect.stringContaining(`"part":2`)]);
  // The first job's pages and then every page again: the whole list, never part of it.
  expect(customerStarts(big.serviceDeskId)).toEqual([...Array.from({ length: perJob }, (_, i) => i * 50), ...Array.from({ length: bigPages }, (_, i) => i * 50)]);
  const report = await loadProject(h.deps.storage, big.key);
  expect(coverage(report)).toEqual(coverage(oneJob.report));
  expect(report!.runId).toBe(runId);
  expect(partKeys(h)).toEqual([]);
}, 60_000);

it('a follow-up job the queue refuses fails the desk with the reason and keeps its previous report', async () => {
  const h = harness();
  // A finished run first: the report a failed desk keeps.
  await started(h);
  await drain(h, { sharedWait: FAST_WAIT });
  const before = await loadProject(h.deps.storage, big.key);

  const runId = await started(h);
  h.refuseFollowUps = true;
  const ran = await drain(h, pagesPerJob(2));
  const result = ran.find((r) => r.job.projectKey === big.key)!.result;
  expect(result).toMatchObject({ state: 'failed', message: expect.stringMatching(/could not queue the job that reads on: Forge refused the push/) });
  expect(ran.filter((r) => r.job.projectKey === big.key)).toHaveLength(1);
  const progress = await loadProgress(h.deps.storage, new Date());
  expect(progress).toMatchObject({ state: 'done', failed: [{ key: big.key, message: result.message }] });
  expect(await loadProject(h.deps.storage, big.key)).toEqual(before);
  expect((await loadProject(h.deps.storage, big.key))!.runId).not.toBe(runId);
  expect(partKeys(h)).toEqual([]);
}, 60_000);
