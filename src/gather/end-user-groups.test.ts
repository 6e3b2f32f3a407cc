/**
 * End-user groups handed to the gatherer (read once for a whole Forge run) are used
 * as they are: not fetched again, a failure kept as that failure; groups not handed
 * over are read as usual.
 */
import { readEndUserGroups, runReadiness } from '../engine/run-readiness';
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from '../shared/report-model';
import { JiraClient } from '../jira/jira-client';
import { gatherSnapshot } from './gather-snapshot';
import type { GroupMembers } from './snapshot';
import type { Fetched } from '../shared/fetched';
import { createFakeJiraSite, SA_EMAIL } from './testing/fake-jira-site';

const GROUP_MEMBER = '/rest/api/3/group/member';

function settings(overrides: Partial<EngineSettings> = {}): EngineSettings {
  return { ...DEFAULT_ENGINE_SETTINGS, serviceAccount: SA_EMAIL, endUserGroups: ['all-staff'], projectKeys: ['IT'], ...overrides };
}

const clientOptions = { sleep: async () => undefined, random: () => 0 };

it('does not fetch a group it is given, and the snapshot holds it unchanged', async () => {
  const site = createFakeJiraSite();
  const given: Record<string, Fetched<GroupMembers>> = { 'all-staff': { ok: true, value: { name: 'all-staff', members: [{ accountId: 'u-9', displayName: 'Zed' }] } } };
  const snapshot = await gatherSnapshot(new JiraClient(site, clientOptions), settings(), { endUserGroups: given });
  expect(site.callsTo('GET', GROUP_MEMBER)).toHaveLength(0);
  expect(snapshot.endUserGroups).toEqual(given);
});

it('reads the groups it is not given', async () => {
  const site = createFakeJiraSite();
  const given: Record<string, Fetched<GroupMembers>> = { 'all-staff': { ok: true, value: { name: 'all-staff', members: [] } } };
  const snapshot = await gatherSnapshot(new JiraClient(site, clientOptions), settings({ endUserGroups: ['all-staff', 'no-such-group'] }), { endUserGroups: given });
  expect(site.callsTo('GET', GROUP_MEMBER).map((r) => new URLSearchParams(r.path.split('?')[1]).get('groupname'))).toEqual(['no-such-group']);
  expect(snapshot.endUserGroups['no-such-group']).toEqual({ ok: false, error: expect.objectContaining({ kind: 'not_found' }) });
});

it('a failure it is given stays a failure: CUST-COVERAGE is error, never pass', async () => {
  const given: Record<string, Fetched<GroupMembers>> = {
    'all-staff': { ok: false, error: { kind: 'forbidden', status: 403, endpoint: `GET ${GROUP_MEMBER}`, message: 'Jira refused (403) to list the members.' } },
  };
  const { report } = await runReadiness({ transport: createFakeJiraSite(), settings: settings(), endUserGroups: given, clientOptions, now: new Date('2026-11-28T09:00:00Z') });
  const coverage = report.projects.find((p) => p.key === 'IT')!.checks.find((c) => c.id === 'CUST-COVERAGE')!;
  expect(coverage.status).toBe('error');
});

it('readEndUserGroups reads exactly what a run would, and a run given them judges the same', async () => {
  const now = new Date('2026-11-28T09:00:00Z');
  const { groups, stats } = await readEndUserGroups({ transport: createFakeJiraSite(), names: ['all-staff', ' all-staff '], clientOptions });
  expect(stats.callsByEndpoint[`GET ${GROUP_MEMBER}`]).toBeGreaterThan(0);
  const alone = await runReadiness({ transport: createFakeJiraSite(), settings: settings(), clientOptions, now });
  const given = await runReadiness({ transport: createFakeJiraSite(), settings: settings(), endUserGroups: groups, clientOptions, now });
  expect(groups).toEqual(alone.snapshot.endUserGroups);
  expect({ ...given.report, stats: undefined }).toEqual({ ...alone.report, stats: undefined });
});
