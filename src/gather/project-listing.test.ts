/**
 * Listing a few named desks directly (project search by key + each desk asked for as
 * `projectId:<id>`) gives the same projects as the full listing, and fails the same way.
 */
import { JiraClient } from '../jira/jira-client';
import { DIRECT_LISTING_MAX_KEYS, listServiceDeskProjects, PROJECT_SEARCH, SERVICE_DESKS } from './project-listing';
import { createFakeJiraSite } from './testing/fake-jira-site';

function clientOf(transport: ReturnType<typeof createFakeJiraSite>) {
  return new JiraClient(transport, { sleep: async () => undefined, random: () => 0 });
}

async function fullListing(keys: string[]) {
  // More keys than the direct limit: the site is paged in full, then narrowed.
  const padding = Array.from({ length: DIRECT_LISTING_MAX_KEYS }, (_, i) => `PAD${i}`);
  const listed = await listServiceDeskProjects(clientOf(createFakeJiraSite()), [...keys, ...padding]);
  return { ...listed, projects: listed.projects.filter((p) => !p.key.startsWith('PAD')) };
}

it('lists one desk with two calls, without paging every desk and project', async () => {
  const site = createFakeJiraSite();
  const listed = await listServiceDeskProjects(clientOf(site), ['it']);
  expect(site.callsTo('GET', SERVICE_DESKS)).toHaveLength(0);
  expect(site.requests.map((r) => r.path)).toEqual([
    `${PROJECT_SEARCH}?keys=IT&typeKey=service_desk&expand=issueTypes&startAt=0&maxResults=50`,
    '/rest/servicedeskapi/servicedesk/projectId:10000',
  ]);
  expect(listed).toEqual(await fullListing(['IT']));
  expect(listed.projects).toEqual([
    { id: '10000', key: 'IT', name: 'IT Service Desk', style: 'company-managed', serviceDeskId: '1', issueTypeNames: { '10001': 'IT Help', '10002': 'Access' } },
  ]);
});

it('lists a few desks, team-managed too, exactly as the full listing narrows them', async () => {
  const listed = await listServiceDeskProjects(clientOf(createFakeJiraSite()), ['TM', 'HR']);
  expect(listed.projects.map((p) => [p.key, p.style, p.serviceDeskId])).toEqual([
    ['HR', 'company-managed', '2'],
    ['TM', 'team-managed', '3'],
  ]);
  expect(listed).toEqual(await fullListing(['TM', 'HR']));
});

it('keeps an unknown key as unavailable, saying no such service desk exists', async () => {
  const listed = await listServiceDeskProjects(clientOf(createFakeJiraSite()), ['NOPE']);
  expect(listed.listing).toEqual({ ok: true, value: true });
  expect(listed.projects).toEqual([expect.objectContaining({ key: 'NOPE', unavailable: expect.objectContaining({ kind: 'not_found' }) })]);
});

it('lists a service project JSM has no desk for (404) without a desk id, like the full listing', async () => {
  const site = createFakeJiraSite().on('GET', '/rest/servicedeskapi/servicedesk/projectId:10001', { status: 404, body: { errorMessage: 'Service Desk with id projectId:10001 does not exist.' } });
  const listed = await listServiceDeskProjects(clientOf(site), ['HR']);
  expect(listed.listing.ok).toBe(true);
  expect(listed.projects).toEqual([{ id: '10001', key: 'HR', name: 'HR Desk', style: 'company-managed', issueTypeNames: { '10001': 'IT Help' } }]);
});

it('a desk that cannot be read makes the listing failed and that project unavailable with the reason', async () => {
  const site = createFakeJiraSite().on('GET', '/rest/servicedeskapi/servicedesk/projectId:10000', { status: 403, body: { errorMessage: 'You do not have permission.' } });
  const listed = await listServiceDeskProjects(clientOf(site), ['IT', 'HR']);
  expect(listed.listing).toEqual({ ok: false, error: expect.objectContaining({ kind: 'forbidden' }) });
  const it = listed.projects.find((p) => p.key === 'IT')!;
  expect(it.unavailable).toEqual(expect.objectContaining({ kind: 'forbidden' }));
  expect(it.id).toBe('10000');
  expect(listed.projects.find((p) => p.key === 'HR')).toEqual(expect.objectContaining({ serviceDeskId: '2' }));
  expect(listed.projects.find((p) => p.key === 'HR')!.unavailable).toBeUndefined();
});

it('a project search that fails leaves every named key unavailable with the reason', async () => {
  const site = createFakeJiraSite().on('GET', PROJECT_SEARCH, { status: 500, body: { errorMessages: ['boom'] } });
  const listed = await listServiceDeskProjects(clientOf(site), ['IT']);
  expect(listed.listing.ok).toBe(false);
  expect(listed.projects).toEqual([expect.objectContaining({ key: 'IT', unavailable: expect.objectContaining({ kind: 'server', status: 500 }) })]);
});
