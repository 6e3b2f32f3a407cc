/**
 * The re-check after a fix reads only what the fix could have changed: adding
 * customers re-reads that desk's customers, not the end-user groups, the server or
 * the listing its plan read moments before; a role fix re-reads that desk's roles;
 * a workflow fix re-reads the workflows. Without what the plan read (a run resumed
 * in a later invocation) it reads everything its checks need, as before. Counted
 * on the simulator's own request log.
 */
import { startSimulator, type RunningSimulator } from '../../dev/simulator/server';
import { generateSite, type GeneratedSite } from '../../dev/simulator/sites/generated-site';
import { knownExcept } from '../../src/gather/known-artifacts';
import { addMissingCustomers } from '../../src/fixes/add-missing-customers';
import { addToServiceDeskTeam } from '../../src/fixes/add-to-service-desk-team';
import { configureBotTransitions } from '../../src/fixes/configure-bot-transitions';
import type { Fix } from '../../src/fixes/fix';
import type { AppDeps } from '../../src/forge/deps';
import { gatherForFix } from '../../src/forge/fix-runs/gather-for-fix';
import { recheckResolved } from '../../src/forge/fix-runs/recheck';
import { MemoryStore } from '../../src/forge/storage/memory-store';
import { getSettings, saveSettings } from '../../src/forge/storage/settings-repo';
import { createHttpTransport } from '../../src/jira/http-transport';
import { JiraClient } from '../../src/jira/jira-client';

let site: GeneratedSite;
let sim: RunningSimulator;
let deps: AppDeps;

beforeAll(async () => {
  site = generateSite({ desks: 4, endUsers: 600, minCustomers: 60, maxCustomers: 300, screens: 6, sharedWorkflows: 2, schemes: 2, seed: 5 });
  sim = await startSimulator({ site: site.model });
  const transport = createHttpTransport({ baseUrl: sim.url, email: site.admin.email, apiToken: site.admin.token });
  deps = { storage: new MemoryStore(), queue: { push: async () => undefined }, jiraAsApp: () => transport, jiraAsUser: () => transport, now: () => new Date(), log: { info: () => undefined, warn: () => undefined, error: () => undefined } };
  await saveSettings(deps.storage, { settings: { serviceAccount: site.serviceAccountEmail, endUserGroups: site.endUserGroups }, version: 0 }, 'test', new Date());
});
afterAll(async () => sim?.close());

function endpointsCalled(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of sim.requests) counts[r.endpoint] = (counts[r.endpoint] ?? 0) + 1;
  return counts;
}

async function recheckCalls(fix: Fix, withPlan: boolean): Promise<Record<string, number>> {
  const key = site.desks.find((d) => d.style === 'company-managed')!.key;
  const { settings } = await getSettings(deps.storage);
  const planned = await gatherForFix(new JiraClient(deps.jiraAsUser('admin')), fix, settings, [key], { now: deps.now });
  sim.requests.length = 0;
  const rechecked = await recheckResolved(deps, fix, [key], 30_000, withPlan ? planned : undefined);
  expect(rechecked).not.toBe('timeout');
  return endpointsCalled();
}

it('after adding customers, the re-check reads only that desk’s customers', async () => {
  const pages = Math.ceil(site.desks.find((d) => d.style === 'company-managed')!.customers / 50);
  expect(await recheckCalls(addMissingCustomers, true)).toEqual({ 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer': pages });
  // The full re-check of the same checks reads the groups, the server and the listing again.
  const full = await recheckCalls(addMissingCustomers, false);
  expect(full['GET /rest/api/3/group/member']).toBeGreaterThan(0);
  expect(full['GET /rest/api/3/serverInfo']).toBe(1);
});

it('after a role fix, the re-check reads only that desk’s roles', async () => {
  expect(await recheckCalls(addToServiceDeskTeam, true)).toEqual({ 'GET /rest/api/3/project/{projectIdOrKey}/role': 1, 'GET /rest/api/3/project/{projectIdOrKey}/role/{id}': 1 });
});

it('after a workflow fix, the re-check reads the workflows again, not the desk or the service account', async () => {
  const calls = await recheckCalls(configureBotTransitions, true);
  expect(calls['POST /rest/api/3/workflows']).toBeGreaterThan(0);
  for (const unchanged of ['GET /rest/api/3/serverInfo', 'GET /rest/api/3/user/search', 'GET /rest/api/3/project/search', 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype']) {
    expect([unchanged, calls[unchanged]]).toEqual([unchanged, undefined]);
  }
});

describe('knownExcept', () => {
  it('offers what the plan read except what the fix changes, and never a failure', async () => {
    const snapshot = {
      baseUrl: 'https://x',
      gatheredAt: '',
      serverInfo: { ok: true as const, value: {} },
      serviceAccount: { ok: false as const, error: { kind: 'forbidden' as const, endpoint: 'GET /rest/api/3/user', message: 'no' } },
      endUserGroups: { staff: { ok: true as const, value: { name: 'staff', members: [{ accountId: 'a1', displayName: 'A' }, { accountId: 'a2' }] } } },
      projectListing: { ok: true as const, value: true as const },
      projects: [],
      workflows: { W: { ok: true as const, value: { workflow: { name: 'W' }, statuses: [] } } },
    };
    const known = knownExcept(snapshot, ['workflows']);
    expect(await known.serverInfo()).toEqual({ ok: true, value: {} });
    expect(await known.serviceAccount()).toBeUndefined();
    expect(await known.endUserGroup('staff')).toEqual(snapshot.endUserGroups.staff);
    expect(await known.workflow('W')).toBeUndefined();
    expect(await knownExcept(snapshot, []).workflow('W')).toEqual(snapshot.workflows.W);
  });
});
