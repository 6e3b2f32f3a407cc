/**
 * The whole-site scope of a Forge run is every service desk JSM lists, paged to the
 * end (start / limit / isLastPage, at most 50 a page), and the stored reports of
 * desks that left the scope are pruned only after a listing that reached its last
 * page. A site of 520 desks needs 11 pages; a listing that fails part-way prunes nothing.
 */
import { startSimulator, type RunningSimulator } from '../../dev/simulator/server';
import { buildLargeSite } from '../../dev/simulator/sites/large';
import { DEMO_CREDENTIALS } from '../../dev/simulator/sites/demo';
import type { AppDeps, ProjectJob } from '../../src/forge/deps';
import { buildResolvers } from '../../src/forge/resolvers';
import { DESK_PICKER_LISTING_MS } from '../../src/forge/resolvers/search-handlers';
import { findServiceDesk, listServiceDesks } from '../../src/forge/jira/service-desks';
import { startReadinessRun } from '../../src/forge/run/start-run';
import { MemoryStore } from '../../src/forge/storage/memory-store';
import { loadProjects, storeReport } from '../../src/forge/storage/report-repo';
import { createHttpTransport } from '../../src/jira/http-transport';
import { JiraClient } from '../../src/jira/jira-client';
import { reportFor } from './helpers/reports';

const DESK_LIST = 'GET /rest/servicedeskapi/servicedesk';
const DESKS = 520;

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ site: buildLargeSite({ serviceDesks: DESKS, users: 50 }) });
});
afterAll(async () => sim?.close());
beforeEach(() => {
  sim.setScenario({});
  sim.resetCounters();
});

function deps(storage = new MemoryStore()): AppDeps & { storage: MemoryStore; jobs: ProjectJob[] } {
  const transport = createHttpTransport({ baseUrl: sim.url, email: DEMO_CREDENTIALS.admin.email, apiToken: DEMO_CREDENTIALS.admin.token });
  const jobs: ProjectJob[] = [];
  return {
    storage,
    jobs,
    queue: {
      push: async (pushed) => void jobs.push(...pushed),
      // What Forge's limit of events a minute leaves for later is pushed by a later invocation; here at once.
      handOn: async (later) => void jobs.push(...later.projectKeys.map((projectKey) => ({ runId: later.runId, projectKey, reason: later.reason }))),
    },
    jiraAsApp: () => transport,
    jiraAsUser: () => transport,
    now: () => new Date('2026-11-30T09:00:00.000Z'),
    log: { info: () => undefined, warn: () => undefined, error: () => undefined },
  };
}

/** Stored reports of the last desks (on the listing's 11th page) and of a desk that no longer exists. */
async function withStoredReports(storage: MemoryStore): Promise<void> {
  const keys = [`SD${DESKS - 1}`, `SD${DESKS}`, 'GONE'];
  await storeReport(storage, reportFor(keys.map((key, i) => ({ key, id: String(90000 + i), serviceDeskId: String(9000 + i) }))), 'run-0');
}

const listingCallsSince = (before: number) => sim.requests.slice(before).filter((r) => r.endpoint === DESK_LIST);

describe('a re-check of the whole site', () => {
  it('pages the desk listing to its last page: all 520 desks get a job and only a vanished desk’s report is pruned', async () => {
    const d = deps();
    await withStoredReports(d.storage);
    const before = sim.requests.length;
    const progress = await startReadinessRun(d, { reason: 'recheck' });
    expect(progress.pending).toHaveLength(DESKS);
    expect(new Set(d.jobs.map((j) => j.projectKey)).size).toBe(DESKS);
    expect(listingCallsSince(before)).toHaveLength(Math.ceil(DESKS / 50));
    expect((await loadProjects(d.storage)).map((p) => p.key)).toEqual([`SD${DESKS - 1}`, `SD${DESKS}`]);
  });

  it('keeps each desk’s name in the run’s progress, so a desk never checked before is shown by name while it waits', async () => {
    const d = deps();
    const progress = await startReadinessRun(d, { reason: 'recheck' });
    expect(progress.pendingNames?.['SD1']).toBe('IT Service Desk 1');
    expect(progress.pendingNames?.['SD4']).toBe('People Service Desk 4');
    expect(Object.keys(progress.pendingNames ?? {})).toHaveLength(DESKS);
  });

  it('retries a listing page that failed transiently and still lists every desk', async () => {
    sim.setScenario({ faults: [{ endpoint: DESK_LIST, calls: [7], fault: { type: 'status', status: 503 } }] });
    const d = deps();
    const progress = await startReadinessRun(d, { reason: 'recheck' });
    expect(progress.pending).toHaveLength(DESKS);
  });

  it.each([
    ['Jira refuses page 7', { type: 'status', status: 403 } as const],
    ['page 7 is not JSON', { type: 'malformedJson' } as const],
  ])('prunes nothing when the listing fails on page 7 (%s): every stored report survives and the run uses them', async (_why, fault) => {
    sim.setScenario({ faults: [{ endpoint: DESK_LIST, fromCall: 7, fault }] });
    const d = deps();
    await withStoredReports(d.storage);
    const progress = await startReadinessRun(d, { reason: 'recheck' });
    expect((await loadProjects(d.storage)).map((p) => p.key)).toEqual(['GONE', `SD${DESKS - 1}`, `SD${DESKS}`]);
    expect(progress.pending).toEqual(['GONE', `SD${DESKS - 1}`, `SD${DESKS}`]);
  });

  it('prunes nothing when the listing cannot finish in the time it was given, and uses the stored reports', async () => {
    sim.setScenario({ faults: [{ endpoint: DESK_LIST, fault: { type: 'delay', ms: 60 } }] });
    const d = deps();
    await withStoredReports(d.storage);
    const progress = await startReadinessRun(d, { reason: 'recheck', listingWithinMs: 200 });
    expect(progress.pending).toEqual(['GONE', `SD${DESKS - 1}`, `SD${DESKS}`]);
    expect((await loadProjects(d.storage)).map((p) => p.key)).toEqual(['GONE', `SD${DESKS - 1}`, `SD${DESKS}`]);
  });
});

describe('the settings page’s desk picker', () => {
  const ADMIN = { accountId: DEMO_CREDENTIALS.admin.accountId, surface: 'admin' as const };

  it('offers every one of 520 desks', async () => {
    const answer = await buildResolvers(deps()).listServiceDesks({}, ADMIN);
    if (!answer.success) throw new Error(JSON.stringify(answer.errors));
    expect(answer.data).toHaveLength(DESKS);
    expect(answer.data[DESKS - 1]).toEqual({ key: `SD${DESKS}`, name: expect.stringContaining(`Service Desk ${DESKS}`), id: String(100 + DESKS) });
  });

  it('answers a failure that says why, never part of the list, when a page fails', async () => {
    sim.setScenario({ faults: [{ endpoint: DESK_LIST, fromCall: 7, fault: { type: 'status', status: 403 } }] });
    const answer = await buildResolvers(deps()).listServiceDesks({}, ADMIN);
    expect(answer).toEqual({ success: false, errors: [{ errorType: 'JIRA', message: expect.stringMatching(/^Jira could not list the service desks: Jira denied permission \(403\)/) }] });
  });

  it('gives up within the resolver’s time rather than outlive Forge’s 25 s', async () => {
    expect(DESK_PICKER_LISTING_MS).toBeLessThan(25_000);
    sim.setScenario({ faults: [{ endpoint: DESK_LIST, fault: { type: 'delay', ms: 60 } }] });
    const client = new JiraClient(deps().jiraAsApp());
    await expect(listServiceDesks(client, { withinMs: 200 })).rejects.toThrow(/did not finish listing the site's service desks within 0 s/);
  });
});

describe('one desk by its project key (a fix needs only its own)', () => {
  it('is one call, and undefined for a project JSM has no desk for', async () => {
    const before = sim.requests.length;
    const client = new JiraClient(deps().jiraAsApp());
    expect(await findServiceDesk(client, 'SD7')).toEqual({ key: 'SD7', name: expect.stringContaining('Service Desk 7'), id: '107' });
    expect(await findServiceDesk(client, 'NOPE')).toBeUndefined();
    expect(sim.requests.slice(before).filter((r) => r.endpoint.startsWith('GET /rest/servicedeskapi/servicedesk/')).map((r) => r.path)).toEqual([
      '/rest/servicedeskapi/servicedesk/SD7',
      '/rest/servicedeskapi/servicedesk/NOPE',
    ]);
  });
});
