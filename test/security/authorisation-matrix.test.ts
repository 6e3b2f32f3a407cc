/**
 * Authorisation matrix over the simulated site: every resolver of the UI contract ×
 * (site admin, admin of this project, admin of another project, agent, customer,
 * no account), on the admin page and on a project's settings page. Jira itself
 * decides (mypermissions as the caller); only the right callers succeed, a denial
 * changes nothing (store, Jira, queue), and every write to Jira is made as the caller.
 */
import type { InvocationContext } from '../../src/forge/deps';
import { RESOLVER_NAMES } from '../../src/forge/resolvers';
import type { FixRunView, ResolverName } from '../../src/shared/resolver-api';
import { IDENTITIES, type CallerId, useSimulatedApp } from './helpers/simulated-app';
import { sampleReport } from '../../src/report/testing/sample-report';
import { SITE_ONLY } from '../forge/helpers/expected-access';


function payloadFor(name: ResolverName, projectKey: string): unknown {
  switch (name) {
    case 'getProjectView':
    case 'getHistory':
    case 'getParity':
    case 'getDeskOptions':
      return { projectKey };
    case 'importParityReport':
      return { text: JSON.stringify(sampleReport()), fileName: 'sandbox.json' };
    case 'previewFix':
    case 'applyFix':
      return { fixId: 'add-to-service-desk-team', projectKey };
    case 'getFixRun':
      return { runId: 'fix-none' };
    case 'startRecheck':
      return { projectKeys: [projectKey] };
    case 'attest':
      return { checkId: 'MW-CONNECTOR', note: 'connector set up' };
    case 'revokeAttestation':
      return { checkId: 'MW-CONNECTOR' };
    case 'acknowledge':
      return { projectKey, checkId: 'WF-ANY-TO-RESOLVED', reason: 'the bot resolves through the Resolve screen instead' };
    case 'removeAcknowledgement':
      return { projectKey, checkId: 'WF-ANY-TO-RESOLVED' };
    case 'exportReport':
      return { format: 'json', projectKey };
    case 'searchUsers':
      return { query: 'moveworks' };
    case 'searchGroups':
      return { query: 'all' };
    default:
      return {};
  }
}

function accountOf(caller: CallerId): string | undefined {
  return caller === 'anonymous' ? undefined : IDENTITIES[caller].accountId;
}

interface Page {
  label: string;
  ctx: (accountId: string | undefined) => InvocationContext;
  projectKey: string;
  /** Who may call which resolver here. */
  allowed: (caller: CallerId, name: ResolverName) => boolean;
}

const PAGES: Page[] = [
  { label: 'admin page', ctx: (accountId) => ({ accountId, surface: 'admin' }), projectKey: 'HR', allowed: (caller) => caller === 'siteAdmin' },
  {
    label: "HR's settings page",
    ctx: (accountId) => ({ accountId, surface: 'project', projectKey: 'HR' }),
    projectKey: 'HR',
    allowed: (caller, name) => caller === 'siteAdmin' || (caller === 'hrAdmin' && !SITE_ONLY.includes(name)),
  },
  {
    // Here the HR admin is the admin of another project.
    label: "ITSD's settings page",
    ctx: (accountId) => ({ accountId, surface: 'project', projectKey: 'ITSD' }),
    projectKey: 'ITSD',
    allowed: (caller) => caller === 'siteAdmin',
  },
];
const CALLERS: CallerId[] = ['siteAdmin', 'hrAdmin', 'agent', 'customer', 'anonymous'];

const app = useSimulatedApp();

/** saveSettings needs the current version; the HR admin may change only HR's issue types. */
async function saveSettingsPayload(caller: CallerId, projectKey: string): Promise<unknown> {
  const current = await app.call('getSettings', {}, { accountId: IDENTITIES.siteAdmin.accountId, surface: 'admin' });
  if (!current.success) throw new Error('getSettings failed');
  const { settings, version } = current.data as { settings: { issueTypesInScope: Record<string, string[]> }; version: number };
  const own = caller === 'hrAdmin' ? { issueTypesInScope: { ...settings.issueTypesInScope, [projectKey]: [] } } : {};
  return { settings: { ...settings, ...own }, version };
}

describe('authorisation matrix', () => {
  it('covers every resolver of the contract', () => {
    expect(RESOLVER_NAMES).toHaveLength(26);
  });

  it('only the right callers succeed; a denial changes nothing in the store, in Jira or in the queue', async () => {
    const wrong: string[] = [];
    let cells = 0;
    let denied = 0;
    for (const page of PAGES) {
      for (const caller of CALLERS) {
        for (const name of RESOLVER_NAMES) {
          cells += 1;
          const payload = name === 'saveSettings' ? await saveSettingsPayload(caller, page.projectKey) : payloadFor(name, page.projectKey);
          const before = { store: await app.storeSnapshot(), writes: app.writes().length, pushed: app.queue.pushed.length };
          const result = await app.call(name, payload, page.ctx(accountOf(caller)));
          const after = { store: await app.storeSnapshot(), writes: app.writes().length, pushed: app.queue.pushed.length };
          const label = `${page.label} · ${caller} · ${name}`;
          const deniedHere = !result.success && result.errors.some((e) => e.errorType === 'UNAUTHORISED');
          if (page.allowed(caller, name)) {
            // Served = past the gate: ITSD has nothing to acknowledge, so a VALIDATION answer there still proves access.
            // Likewise there is no fix run to report: NOT_FOUND from getFixRun is past the gate.
            const served =
              result.success ||
              (page.projectKey === 'ITSD' && result.errors.every((e) => e.errorType === 'VALIDATION')) ||
              (name === 'getFixRun' && result.errors.every((e) => e.errorType === 'NOT_FOUND'));
            if (!served) wrong.push(`${label}: expected to be served, got ${JSON.stringify(result.errors)}`);
          } else {
            denied += 1;
            if (!deniedHere) wrong.push(`${label}: expected UNAUTHORISED, got ${JSON.stringify(result).slice(0, 200)}`);
            if (after.store !== before.store) wrong.push(`${label}: the denied call changed the store`);
            if (after.writes !== before.writes) wrong.push(`${label}: the denied call wrote to Jira`);
            if (after.pushed !== before.pushed) wrong.push(`${label}: the denied call queued jobs`);
          }
        }
      }
    }
    // The agent and the customer were refused by Jira's answer about them, not because they could not log in.
    for (const caller of ['agent', 'customer'] as const) {
      const asked = app.sim.requests.filter((r) => r.accountId === IDENTITIES[caller].accountId && r.endpoint === 'GET /rest/api/3/mypermissions');
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.every((r) => r.status === 200)).toBe(true);
    }
    console.log(`Authorisation matrix: ${cells} cells (${PAGES.length} pages × ${CALLERS.length} callers × ${RESOLVER_NAMES.length} resolvers), ${denied} denied, wrong outcomes: ${wrong.length}`);
    expect(wrong).toEqual([]);
  }, 180_000);

  it("the admin of HR cannot reach ITSD through the payload of HR's page", async () => {
    const wrong: string[] = [];
    const hrPage: InvocationContext = { accountId: IDENTITIES.hrAdmin.accountId, surface: 'project', projectKey: 'HR' };
    const projectScoped: ResolverName[] = ['getProjectView', 'startRecheck', 'acknowledge', 'removeAcknowledgement', 'previewFix', 'applyFix', 'exportReport', 'getHistory'];
    for (const name of projectScoped) {
      const before = { store: await app.storeSnapshot(), writes: app.writes().length, pushed: app.queue.pushed.length };
      const result = await app.call(name, payloadFor(name, 'ITSD'), hrPage);
      const after = { store: await app.storeSnapshot(), writes: app.writes().length, pushed: app.queue.pushed.length };
      if (result.success || !result.errors.some((e) => e.errorType === 'UNAUTHORISED')) wrong.push(`${name}: ${JSON.stringify(result).slice(0, 160)}`);
      if (JSON.stringify(after) !== JSON.stringify(before)) wrong.push(`${name}: changed something`);
    }
    expect(wrong).toEqual([]);
  });

  it('a denial message does not say what the caller may not see', async () => {
    const result = await app.call('getProjectView', { projectKey: 'HR' }, { accountId: IDENTITIES.agent.accountId, surface: 'project', projectKey: 'HR' });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result)).not.toMatch(/HR Help Desk|moveworks-bot/);
  });
});

describe('writes to Jira run as the caller', () => {
  const fresh = useSimulatedApp();

  it("the HR admin's role fix is made by the HR admin's account", async () => {
    const before = fresh.writes().length;
    const result = await fresh.call('applyFix', { fixId: 'add-to-service-desk-team', projectKey: 'HR' }, { accountId: IDENTITIES.hrAdmin.accountId, surface: 'project', projectKey: 'HR' });
    expect(result.success).toBe(true);
    const writes = fresh.writes().slice(before);
    expect(writes.length).toBeGreaterThan(0);
    expect(new Set(writes.map((w) => w.accountId))).toEqual(new Set([IDENTITIES.hrAdmin.accountId]));
  });

  it("the HR admin's customer fix does not borrow the app's rights: Jira refuses the group listing to them and nothing is written", async () => {
    const before = fresh.writes().length;
    const result = await fresh.call('applyFix', { fixId: 'add-missing-customers', projectKey: 'HR' }, { accountId: IDENTITIES.hrAdmin.accountId, surface: 'project', projectKey: 'HR' });
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect((result.data as FixRunView).blockers.map((b) => b.reason).join(' ')).toMatch(/The members of the end-user group\(s\) could not be read/);
    expect(fresh.writes().slice(before)).toEqual([]);
  });

  it("the site admin's customer fix is made by the site admin's account", async () => {
    const before = fresh.writes().length;
    const result = await fresh.call('applyFix', { fixId: 'add-missing-customers', projectKey: 'HR' }, { accountId: IDENTITIES.siteAdmin.accountId, surface: 'admin' });
    expect(result.success).toBe(true);
    const writes = fresh.writes().slice(before);
    expect(writes.length).toBeGreaterThan(0);
    expect(new Set(writes.map((w) => w.accountId))).toEqual(new Set([IDENTITIES.siteAdmin.accountId]));
  });

  it("the test e-mail (report issue and notify) is sent by the site admin's account", async () => {
    const admin = { accountId: IDENTITIES.siteAdmin.accountId, surface: 'admin' as const };
    const current = await fresh.call('getSettings', {}, admin);
    if (!current.success) throw new Error('getSettings failed');
    const { settings, version } = current.data as { settings: object; version: number };
    const saved = await fresh.call('saveSettings', { settings: { ...settings, recipients: { users: [IDENTITIES.agent.accountId], groups: [] }, reportProjectKey: 'ITSD' }, version }, admin);
    expect(saved.success).toBe(true);
    const before = fresh.writes().length;
    const result = await fresh.call('sendTestReport', {}, admin);
    expect(result.success).toBe(true);
    const writes = fresh.writes().slice(before);
    expect(writes.map((w) => w.endpoint)).toEqual(expect.arrayContaining(['POST /rest/api/3/issue/{issueIdOrKey}/notify']));
    expect(new Set(writes.map((w) => w.accountId))).toEqual(new Set([IDENTITIES.siteAdmin.accountId]));
  });
});
