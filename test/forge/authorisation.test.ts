/**
 * Every resolver × every kind of caller × both surfaces. Authorisation is decided
 * on the server through Jira's permission API as the caller; a denied call answers
 * UNAUTHORISED and changes nothing (storage, Jira, queue).
 */
import type { InvocationContext } from '../../src/forge/deps';
import { buildResolvers, RESOLVER_NAMES } from '../../src/forge/resolvers';
import { RESOLVER_ACCESS } from '../../src/forge/resolvers/access';
import type { Envelope, ResolverName } from '../../src/shared/resolver-api';
import { seededSite } from './helpers/seeded-site';
import { storeSnapshot } from './helpers/test-deps';
import { sampleReport } from '../../src/report/testing/sample-report';
import { SITE_ONLY } from './helpers/expected-access';

jest.mock('../../src/forge/run/readiness-runner', () => ({
  ...jest.requireActual('../../src/forge/run/readiness-runner'),
  runChecks: jest.fn(async ({ projectKeys }: { projectKeys: string[] }) => {
    const { reportFor } = jest.requireActual('./helpers/reports');
    return reportFor(projectKeys.map((key: string) => ({ key, serviceDeskId: key === 'IT' ? '1' : '2' })));
  }),
}));

const PAYLOADS: Record<ResolverName, unknown> = {
  getContext: {},
  getOverview: {},
  getProjectView: { projectKey: 'IT' },
  getSiteView: {},
  startRecheck: { projectKeys: ['IT'] },
  getProgress: {},
  getSettings: {},
  saveSettings: { settings: { serviceAccount: 'moveworks-bot@acme.com', endUserGroups: ['all-staff'] }, version: 1 },
  attest: { checkId: 'MW-CONNECTOR', note: 'done' },
  revokeAttestation: { checkId: 'MW-CONNECTOR' },
  acknowledge: { projectKey: 'IT', checkId: 'CUST-COVERAGE', reason: 'known gap' },
  removeAcknowledgement: { projectKey: 'IT', checkId: 'CUST-COVERAGE' },
  previewFix: { fixId: 'add-to-service-desk-team', projectKey: 'IT' },
  applyFix: { fixId: 'add-to-service-desk-team', projectKey: 'IT' },
  getFixRun: { runId: 'fix-none' },
  getConnectorValues: {},
  exportReport: { format: 'json', projectKey: 'IT' },
  getHistory: { projectKey: 'IT' },
  sendTestReport: {},
  searchUsers: { query: 'bot' },
  searchGroups: { query: 'staff' },
  listServiceDesks: {},
  getDeskOptions: { projectKey: 'IT' },
  getParity: { projectKey: 'IT' },
  importParityReport: { text: JSON.stringify(sampleReport()), fileName: 'sandbox.json' },
  clearParityReport: {},
};

const ADMIN = (accountId?: string): InvocationContext => ({ accountId, surface: 'admin' });
const IT_PAGE = (accountId?: string): InvocationContext => ({ accountId, surface: 'project', projectKey: 'IT' });

async function call(name: ResolverName, ctx: InvocationContext, payload: unknown = PAYLOADS[name]) {
  const { deps } = await seededSite();
  const before = { store: await storeSnapshot(deps.storage), writes: deps.jira.writes().length, pushed: deps.queue.pushed.length };
  const result = (await buildResolvers(deps)[name](payload, ctx)) as Envelope<unknown>;
  const after = { store: await storeSnapshot(deps.storage), writes: deps.jira.writes().length, pushed: deps.queue.pushed.length };
  return { result, before, after, deps };
}

function expectDenied(outcome: Awaited<ReturnType<typeof call>>) {
  expect(outcome.result.success).toBe(false);
  if (outcome.result.success) return;
  expect(outcome.result.errors.map((e) => e.errorType)).toEqual(['UNAUTHORISED']);
  expect(outcome.after).toEqual(outcome.before);
}

function expectAllowed(outcome: Awaited<ReturnType<typeof call>>) {
  // Past the gate: there is no fix run to report here, and saying so is the served answer.
  if (!outcome.result.success && outcome.result.errors.every((e) => e.errorType === 'NOT_FOUND') && outcome.result.errors[0]?.message === 'There is no such fix run.') return;
  // Past the gate: this fake Jira serves no desk's request types or workflows, and Jira's answer, in its words, is what is served.
  if (!outcome.result.success && outcome.result.errors.every((e) => e.errorType === 'JIRA') && outcome.result.errors[0]?.message.startsWith("Jira did not give IT's details")) return;
  if (!outcome.result.success) throw new Error(`expected success, got ${JSON.stringify(outcome.result.errors)}`);
  expect(outcome.result.success).toBe(true);
}

const PROJECT_LEVEL = RESOLVER_NAMES.filter((n) => !SITE_ONLY.includes(n));

it('covers every resolver of the contract at the level this test expects', () => {
  expect(RESOLVER_NAMES.filter((n) => RESOLVER_ACCESS[n] === 'site').sort()).toEqual([...SITE_ONLY].sort());
});

describe('admin page', () => {
  it.each(RESOLVER_NAMES)('%s: a Jira administrator is served', async (name) => {
    expectAllowed(await call(name, ADMIN('site-admin')));
  });
  it.each(RESOLVER_NAMES)('%s: the admin of project IT is denied', async (name) => {
    expectDenied(await call(name, ADMIN('it-admin')));
  });
  it.each(RESOLVER_NAMES)('%s: the admin of another project is denied', async (name) => {
    expectDenied(await call(name, ADMIN('hr-admin')));
  });
  it.each(RESOLVER_NAMES)('%s: a call without an account is denied without asking Jira', async (name) => {
    const outcome = await call(name, ADMIN(undefined));
    expectDenied(outcome);
    expect(outcome.deps.jira.requests).toHaveLength(0);
  });
});

describe('project settings page of IT', () => {
  it.each(RESOLVER_NAMES)('%s: a Jira administrator is served', async (name) => {
    expectAllowed(await call(name, IT_PAGE('site-admin')));
  });
  it.each(PROJECT_LEVEL)('%s: the admin of IT is served', async (name) => {
    expectAllowed(await call(name, IT_PAGE('it-admin')));
  });
  it.each(SITE_ONLY)('%s: the admin of IT is denied (site-wide)', async (name) => {
    expectDenied(await call(name, IT_PAGE('it-admin')));
  });
  it.each(RESOLVER_NAMES)('%s: the admin of another project is denied', async (name) => {
    expectDenied(await call(name, IT_PAGE('hr-admin')));
  });
  it.each(RESOLVER_NAMES)('%s: a call without an account is denied', async (name) => {
    expectDenied(await call(name, IT_PAGE(undefined)));
  });

  it.each(['getProjectView', 'previewFix', 'applyFix', 'exportReport', 'getHistory', 'acknowledge'] as ResolverName[])(
    '%s: the admin of IT cannot reach HR through the payload',
    async (name) => {
      expectDenied(await call(name, IT_PAGE('it-admin'), { ...(PAYLOADS[name] as object), projectKey: 'HR' }));
    },
  );

  it('startRecheck: the admin of IT cannot queue HR', async () => {
    expectDenied(await call('startRecheck', IT_PAGE('it-admin'), { projectKeys: ['IT', 'HR'] }));
  });

  it('asks Jira about the page project, never a project from the payload', async () => {
    const { deps } = await call('getProjectView', IT_PAGE('it-admin'), { projectKey: 'IT' });
    const permissionCalls = deps.jira.requests.filter((r) => r.path.startsWith('/rest/api/3/mypermissions'));
    expect(permissionCalls).toHaveLength(1);
    expect(permissionCalls[0].path).toContain('projectKey=IT');
    expect(permissionCalls[0].as).toBe('it-admin');
  });

  it('saveSettings: the admin of IT may change only IT issue types', async () => {
    const own = await call('saveSettings', IT_PAGE('it-admin'), {
      settings: { serviceAccount: 'moveworks-bot@acme.com', endUserGroups: ['all-staff'], issueTypesInScope: { IT: ['10001'] } },
      version: 1,
    });
    expectAllowed(own);
    expectDenied(
      await call('saveSettings', IT_PAGE('it-admin'), {
        settings: { serviceAccount: 'someone-else@acme.com', endUserGroups: ['all-staff'] },
        version: 1,
      }),
    );
  });

  it('acknowledge: the admin of IT cannot acknowledge a site check', async () => {
    const outcome = await call('acknowledge', IT_PAGE('it-admin'), { checkId: 'MW-CONNECTOR', reason: 'x' });
    // The page's project is implied, so this acknowledges IT:MW-CONNECTOR, which has no project result.
    expect(outcome.result.success).toBe(false);
    expect(outcome.after.store).toBe(outcome.before.store);
  });
});

it('fails closed when Jira cannot answer the permission check', async () => {
  const { deps } = await seededSite();
  deps.jira.on('GET', /^\/rest\/api\/3\/mypermissions/, () => ({ status: 503, body: { errorMessages: ['down'] } }));
  const result = await buildResolvers(deps).getOverview({}, ADMIN('site-admin'));
  expect(result).toEqual({ success: false, errors: [expect.objectContaining({ errorType: 'UNAUTHORISED' })] });
});
