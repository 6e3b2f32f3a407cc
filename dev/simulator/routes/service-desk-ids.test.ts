/**
 * What JSM reads in a `{serviceDeskId}` path parameter: the desk id, or a project
 * identifier in one of the documented forms. A bare number is always a desk id, so
 * asking with a project id must 404 — desk ids (1, 2, 3) and project ids (10000+)
 * differ on every real site, and an app that mixes them up has to fail here.
 */
import type { SiteModel } from '../model';
import type { RunningSimulator } from '../server';
import { buildDemoSite, buildReadySite, DEMO_CREDENTIALS } from '../sites/demo';
import { PROJECT_IDS } from '../sites/demo-workflows';
import { generateSite } from '../sites/generated-site';
import { buildLargeSite } from '../sites/large';
import { call, OPT_IN } from '../testing/client';
import { useValidatedDemoSimulator } from '../testing/validated-demo';

const { admin } = DEMO_CREDENTIALS;
const HR_DESK_ID = '2';

let sim: RunningSimulator;
useValidatedDemoSimulator((started) => (sim = started));

const notFoundBody = (id: string) => ({
  errorMessage: `Service Desk with id ${id} does not exist.`,
  i18nErrorMessage: { i18nKey: 'sd.admin.servicedesk.error.not.exists', parameters: [id] },
});

describe('{serviceDeskId}', () => {
  it('answers the same desk for the desk id, serviceDeskId:, projectId:, projectKey: and the bare project key', async () => {
    for (const id of [HR_DESK_ID, `serviceDeskId:${HR_DESK_ID}`, `projectId:${PROJECT_IDS.HR}`, 'projectKey:HR', 'HR']) {
      const desk = await call(sim, 'GET', `/rest/servicedeskapi/servicedesk/${id}`, { as: admin });
      expect([id, desk.status]).toEqual([id, 200]);
      expect(desk.json()).toMatchObject({ id: HR_DESK_ID, projectId: PROJECT_IDS.HR, projectKey: 'HR' });

      const types = await call(sim, 'GET', `/rest/servicedeskapi/servicedesk/${id}/requesttype`, { as: admin });
      expect(types.json().values.map((t: { serviceDeskId: string }) => t.serviceDeskId)).toEqual(['2', '2', '2']);
      const customers = await call(sim, 'GET', `/rest/servicedeskapi/servicedesk/${id}/customer?limit=1`, { as: admin, headers: OPT_IN });
      expect([id, customers.status]).toEqual([id, 200]);
    }
  });

  it('reads a bare number as a desk id only: a project id 404s with JSM’s error body', async () => {
    const byProjectId = await call(sim, 'GET', `/rest/servicedeskapi/servicedesk/${PROJECT_IDS.HR}`, { as: admin });
    expect(byProjectId.status).toBe(404);
    expect(byProjectId.json()).toEqual(notFoundBody(PROJECT_IDS.HR));
    for (const sub of ['/requesttype', '/customer']) {
      const answer = await call(sim, 'GET', `/rest/servicedeskapi/servicedesk/${PROJECT_IDS.HR}${sub}`, { as: admin, headers: OPT_IN });
      expect([sub, answer.status]).toEqual([sub, 404]);
    }
    const adding = await call(sim, 'POST', `/rest/servicedeskapi/servicedesk/${PROJECT_IDS.HR}/customer`, { as: admin, body: { accountIds: [] } });
    expect(adding.status).toBe(404);
  });

  it('404s for an identifier that names no desk, each form taken literally', async () => {
    const unknown = [
      '99',
      `serviceDeskId:${PROJECT_IDS.HR}`, // a project id is not a desk id, even when labelled
      `projectId:${HR_DESK_ID}`, // nor is a desk id a project id
      `projectId:${PROJECT_IDS.ENG}`, // a software project has no desk
      'projectKey:ENG',
      'ENG',
      'projectKey:NOPE',
      'NOPE',
      'projectid:10001', // the prefixes are spelled exactly as JSM documents them
      'projectKey:hr', // and the key as the project has it
      'projectId:',
    ];
    for (const id of unknown) {
      const answer = await call(sim, 'GET', `/rest/servicedeskapi/servicedesk/${encodeURIComponent(id)}`, { as: admin });
      expect([id, answer.status]).toEqual([id, 404]);
      expect(answer.json()).toEqual(notFoundBody(id));
    }
  });
});

describe('simulated sites', () => {
  const sites: [string, () => SiteModel][] = [
    ['demo', buildDemoSite],
    ['ready', buildReadySite],
    ['large', () => buildLargeSite({ serviceDesks: 30, users: 300 })],
    ['generated (bench)', () => generateSite({ desks: 30, endUsers: 300, minCustomers: 5, maxCustomers: 50 }).model],
  ];

  it.each(sites)('%s: no desk id is also a project id', (_, build) => {
    const site = build();
    const projectIds = new Set(site.allProjects().map((p) => p.id));
    const deskIds = site.serviceDesks().map((p) => p.serviceDeskId!);
    expect(deskIds.length).toBeGreaterThan(0);
    expect(deskIds.filter((id) => projectIds.has(id))).toEqual([]);
    for (const desk of site.serviceDesks()) expect(site.deskByIdentifier(desk.id)).toBeUndefined();
  });

  it('refuses a desk id that is also a project id, so a mixed-up id cannot answer another desk', () => {
    const site = buildDemoSite();
    const base = site.project('ENG')!;
    expect(() => site.addProject({ ...base, id: '20001', key: 'NEW', projectTypeKey: 'service_desk', serviceDeskId: PROJECT_IDS.ITSD })).toThrow(/already the id of a project/);
    expect(() => site.addProject({ ...base, id: '1', key: 'NEW2' })).toThrow(/already the id of a service desk/);
  });
});
