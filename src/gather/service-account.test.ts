/**
 * The service-account lookup against what Jira really answers: user/search hides
 * deactivated accounts and comes back empty to a caller without "Browse users and
 * groups", so an empty search is only "no active account" once the caller is known
 * to hold that permission.
 */
import { startSimulator, type RunningSimulator } from '../../dev/simulator/server';
import { buildDemoSite, DEMO_CREDENTIALS } from '../../dev/simulator/sites/demo';
import { staffUsers } from '../../dev/simulator/sites/people';
import { createHttpTransport } from '../jira/http-transport';
import { JiraClient } from '../jira/jira-client';
import { gatherServiceAccount } from './service-account';
import { createFakeJiraSite, SA_EMAIL } from './testing/fake-jira-site';

const clientOf = (transport: ReturnType<typeof createFakeJiraSite>) => new JiraClient(transport, { sleep: async () => undefined, random: () => 0 });
const userPicker = (havePermission: boolean) => ({
  body: { permissions: { USER_PICKER: { id: '27', key: 'USER_PICKER', name: 'Browse users and groups', type: 'GLOBAL', description: 'Browse users', havePermission } } },
});

describe('gatherServiceAccount against an in-memory site', () => {
  it('turns an empty e-mail search by a caller without Browse users and groups into an error naming the permission', async () => {
    const site = createFakeJiraSite().on('GET', '/rest/api/3/mypermissions', userPicker(false));
    const result = await gatherServiceAccount(clientOf(site), 'nobody@acme.com');
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden', endpoint: 'GET /rest/api/3/user/search' } });
    expect(!result.ok && result.error.message).toContain('"Browse users and groups"');
    expect(site.callsTo('GET', '/rest/api/3/mypermissions').map((r) => r.path)).toEqual(['/rest/api/3/mypermissions?permissions=USER_PICKER']);
  });

  it('keeps an empty e-mail search by a caller who may browse users as "no active account"', async () => {
    const site = createFakeJiraSite().on('GET', '/rest/api/3/mypermissions', userPicker(true));
    expect(await gatherServiceAccount(clientOf(site), 'nobody@acme.com')).toEqual({ ok: true, value: null });
  });

  it('leaves the lookup undecided when the permission cannot be read', async () => {
    const site = createFakeJiraSite().on('GET', '/rest/api/3/mypermissions', { status: 500, body: { errorMessages: ['Internal server error'], errors: {} } });
    const result = await gatherServiceAccount(clientOf(site), 'nobody@acme.com');
    expect(result).toMatchObject({ ok: false, error: { kind: 'server', endpoint: 'GET /rest/api/3/mypermissions' } });
  });

  it('asks for the permission only when the search found no one', async () => {
    const site = createFakeJiraSite().on('GET', '/rest/api/3/mypermissions', userPicker(false));
    const result = await gatherServiceAccount(clientOf(site), SA_EMAIL);
    expect(result.ok && result.value?.emailAddress).toBe(SA_EMAIL);
    expect(site.callsTo('GET', '/rest/api/3/mypermissions')).toHaveLength(0);
  });
});

describe('gatherServiceAccount against the simulated site', () => {
  const staff = staffUsers();
  const leaver = staff[37]!;
  const noProductAccess = staff[22]!;
  const noBrowseToken = 'SIMULATED-no-browse-token-not-a-secret';
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await startSimulator({ site: buildDemoSite() });
    sim.model.setApiToken(noProductAccess.accountId, noBrowseToken);
  });
  afterAll(() => sim.close());
  const as = (email: string, apiToken: string) => new JiraClient(createHttpTransport({ baseUrl: sim.url, email, apiToken }), { sleep: async () => undefined });
  const admin = () => as(DEMO_CREDENTIALS.admin.email, DEMO_CREDENTIALS.admin.token);

  it('reads a deactivated account configured by accountId, with active: false', async () => {
    const result = await gatherServiceAccount(admin(), leaver.accountId);
    expect(result).toMatchObject({ ok: true, value: { accountId: leaver.accountId, active: false } });
  });

  it('finds no active account for a deactivated account configured by e-mail', async () => {
    expect(await gatherServiceAccount(admin(), leaver.email!)).toEqual({ ok: true, value: null });
  });

  it('is an error, not "no account", for a caller without Browse users and groups', async () => {
    const result = await gatherServiceAccount(as(noProductAccess.email!, noBrowseToken), DEMO_CREDENTIALS.serviceAccount.email);
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(!result.ok && result.error.message).toContain('"Browse users and groups"');
  });
});
