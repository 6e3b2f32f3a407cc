/**
 * Input validation at the two doors: settings through the saveSettings resolver
 * (one clear message per field, nothing stored when anything is invalid) and the
 * CLI's arguments (exit 2, one sentence per problem, no token repeated).
 */
import type { InvocationContext } from '../../src/forge/deps';
import { main } from '../../src/cli/main';
import { cliServices } from '../../dev/simulator/cli-demo';
import type { VersionedSettings } from '../../src/shared/resolver-api';
import { IDENTITIES, startSimulatedApp, type SimulatedApp } from './helpers/simulated-app';

const ADMIN: InvocationContext = { accountId: IDENTITIES.siteAdmin.accountId, surface: 'admin' };

describe('settings through saveSettings', () => {
  let app: SimulatedApp;
  let current: VersionedSettings;
  beforeAll(async () => {
    app = await startSimulatedApp({ seed: false });
    const got = await app.call('getSettings', {}, ADMIN);
    if (!got.success) throw new Error('getSettings failed');
    current = got.data as VersionedSettings;
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  const BAD: Array<[string, Record<string, unknown>]> = [
    ['serviceAccount', { serviceAccount: '<script>alert(1)</script>' }],
    ['serviceAccount', { serviceAccount: 42 }],
    ['endUserGroups', { endUserGroups: 'all-staff' }],
    ['endUserGroups', { endUserGroups: ['', 'x'] }],
    ['endUserGroups', { endUserGroups: Array.from({ length: 5000 }, (_, i) => `group-${i}`) }],
    ['projectKeys', { projectKeys: ['HR; DROP TABLE', '<b>'] }],
    ['issueTypesInScope', { issueTypesInScope: { '../etc': ['1'] } }],
    ['skills', { skills: ['software-access', 'mind-reading'] }],
    ['statusBucketOverrides', { statusBucketOverrides: { '10001': 'somewhere' } }],
    ['schedule', { schedule: 'hourly' }],
    ['weekday', { weekday: 'FUNDAY' }],
    ['sendWhen', { sendWhen: 'never-ever' }],
    ['recipients', { recipients: 'everyone' }],
    ['reportIssueKey', { reportIssueKey: 'javascript:alert(1)' }],
    ['reportProjectKey', { reportProjectKey: '"><img src=x onerror=alert(1)>' }],
  ];

  it.each(BAD)('%s: an invalid value is refused with a message naming the field, and nothing is stored', async (field, change) => {
    const before = await app.storeSnapshot();
    const result = await app.call('saveSettings', { settings: { ...current.settings, ...change }, version: current.version }, ADMIN);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors.every((e) => e.errorType === 'VALIDATION')).toBe(true);
    expect(result.errors.map((e) => e.field)).toContain(field);
    for (const e of result.errors) {
      expect(e.message.length).toBeGreaterThan(10);
      expect(e.message.length).toBeLessThan(400);
    }
    expect(await app.storeSnapshot()).toBe(before);
  });

  it('several invalid fields are all reported at once, one message each', async () => {
    const result = await app.call('saveSettings', { settings: { ...current.settings, serviceAccount: 'moveworks-bot@acme.com', schedule: 'hourly', weekday: 'FUNDAY', skills: ['x'] }, version: current.version }, ADMIN);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(new Set(result.errors.map((e) => e.field))).toEqual(new Set(['schedule', 'weekday', 'skills']));
  });

  it('a payload that is not settings at all is refused without storing anything', async () => {
    const before = await app.storeSnapshot();
    for (const payload of [null, 'settings', { settings: 'x', version: current.version }, { settings: current.settings }, { settings: current.settings, version: 'one' }]) {
      const result = await app.call('saveSettings', payload, ADMIN);
      expect(result.success).toBe(false);
    }
    expect(await app.storeSnapshot()).toBe(before);
  });
});

describe('CLI arguments', () => {
  const TOKEN = 'KNOWN-SECRET-cli-validation-ATATT3x';

  async function run(argv: string[], env: Record<string, string> = {}) {
    let stdout = '';
    let stderr = '';
    const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env, isTTY: false }, cliServices());
    return { code, stdout, stderr };
  }

  const CASES: Array<[string, string[], RegExp]> = [
    ['an unknown option', ['check', '--frobnicate'], /Unknown option --frobnicate/],
    ['an unknown format', ['check', '--demo', '--format', 'pdf'], /format/i],
    ['unknown skills', ['check', '--demo', '--skills', 'mind-reading'], /skill/i],
    ['a site that is not a URL', ['check', '--site', 'javascript:alert(1)', '--email', 'a@b.example', '--token', TOKEN], /site|URL/i],
    ['a missing e-mail', ['check', '--site', 'https://acme.atlassian.net', '--token', TOKEN], /e-?mail/i],
    ['a missing token', ['check', '--site', 'https://acme.atlassian.net', '--email', 'a@b.example'], /token/i],
    ['a bad project key', ['check', '--demo', '--project', 'hr desk!'], /project/i],
    ['a token flag without its value', ['check', '--demo', '--token'], /--token needs a value/],
  ];

  it.each(CASES)('%s: exit 2 with one clear sentence on stderr, nothing on stdout, no token repeated', async (_label, argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toContain(TOKEN);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    for (const line of stderr.trim().split('\n')) expect(line).toMatch(/^mw-readiness: /);
  });

  it('a service account that is neither an e-mail nor an accountId: exit 2 naming the flag', async () => {
    const { code, stdout, stderr } = await run(['check', '--demo', '--service-account', '<script>']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/service account/i);
  });
});
