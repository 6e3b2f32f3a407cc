import type { CliFlags } from './args';
import { normaliseSiteUrl, resolveRunPlan } from './run-plan';
import { UsageError } from './usage-error';
import { caught } from '../shared/testing/caught';

const flags = (overrides: Partial<CliFlags> = {}): CliFlags => ({ endUserGroups: [], projects: [], pairs: [], demo: false, ...overrides });
const env = { JIRA_SITE: 'https://acme.atlassian.net', JIRA_EMAIL: 'admin@acme.com', JIRA_API_TOKEN: 'env-token', MW_SERVICE_ACCOUNT: 'bot@acme.com' };

const problems = (f: CliFlags, e: Record<string, string | undefined>, c = {}): string[] => caught(UsageError, () => resolveRunPlan(f, e, c)).problems;

describe('resolveRunPlan', () => {
  it('falls back to the environment, then the config file, and flags win', () => {
    const plan = resolveRunPlan(
      flags({ email: 'flag@acme.com', projects: ['it'] }),
      { ...env, JIRA_SITE: undefined, MW_SERVICE_ACCOUNT: '' },
      { site: 'https://cfg.atlassian.net/', serviceAccount: 'cfg-bot@acme.com', projectKeys: ['HR'], endUserGroups: ['staff'], skills: ['group-access'] },
    );
    expect(plan.target).toEqual({ kind: 'site', baseUrl: 'https://cfg.atlassian.net', email: 'flag@acme.com', apiToken: 'env-token' });
    expect(plan.settings.serviceAccount).toBe('cfg-bot@acme.com');
    expect(plan.settings.projectKeys).toEqual(['IT']);
    expect(plan.settings.endUserGroups).toEqual(['staff']);
    expect(plan.settings.skills).toEqual(['group-access']);
    expect(plan.format).toBe('text');
  });

  it('defaults to every skill, every service desk, and reads --skills none', () => {
    expect(resolveRunPlan(flags(), env, {}).settings).toMatchObject({ skills: ['software-access', 'group-access', 'ticket-interception'], projectKeys: [] });
    expect(resolveRunPlan(flags({ skills: 'none' }), env, {}).settings.skills).toEqual([]);
    expect(resolveRunPlan(flags({ skills: 'ticket-interception, software-access' }), env, {}).settings.skills).toEqual(['software-access', 'ticket-interception']);
  });

  it('carries the service account token only when given', () => {
    const plan = resolveRunPlan(flags({ serviceAccountToken: 'sa-token' }), env, {});
    expect(plan.target).toMatchObject({ kind: 'site', serviceAccountToken: 'sa-token' });
  });

  it('needs the service account as an e-mail when its token is given', () => {
    expect(problems(flags({ serviceAccount: '557058:abc', serviceAccountToken: 'sa-token' }), env)).toEqual([
      '--service-account-token needs the service account as an e-mail address (Basic auth signs in with it), not an accountId.',
    ]);
  });

  it('lists every missing value in one sentence each', () => {
    expect(problems(flags(), {})).toEqual([
      'No Jira site given: pass --site URL or set JIRA_SITE (or try --demo).',
      'No account e-mail given: pass --email or set JIRA_EMAIL.',
      'No API token given: pass --token or set JIRA_API_TOKEN.',
      'No Moveworks service account given: pass --service-account (e-mail or accountId) or set MW_SERVICE_ACCOUNT.',
    ]);
  });

  it('rejects bad values, naming the option', () => {
    expect(problems(flags({ format: 'xml', skills: 'magic', projects: ['it-1'], email: 'nope' }), env)).toEqual([
      '--format must be text, json or html, not "xml".',
      'Project key "it-1" is not a Jira project key such as IT or HR.',
      '--skills has an unknown skill "magic"; use software-access, group-access, ticket-interception, or none.',
      '--email is not an e-mail address.',
    ]);
  });

  it('accepts a demo run without credentials and refuses connection flags with it', () => {
    expect(resolveRunPlan(flags({ demo: true }), {}, {}).target).toEqual({ kind: 'demo' });
    expect(resolveRunPlan(flags({ demo: true }), env, {}).target).toEqual({ kind: 'demo' });
    expect(problems(flags({ demo: true, site: 'https://x.atlassian.net', token: 't' }), {})).toEqual([
      '--demo runs against the built-in simulated site, so leave out --site, --token.',
    ]);
  });

  it('pairs desks from --pair, or else from "parityPairs" in the config file, by the app’s rules', () => {
    const config = { parityPairs: [{ production: 'itsd', nonProduction: 'itsdtest' }] };
    expect(resolveRunPlan(flags({ demo: true }), {}, config).settings.parityPairs).toEqual([{ production: 'ITSD', nonProduction: 'ITSDTEST' }]);
    expect(resolveRunPlan(flags({ demo: true, pairs: ['HR=HRTEST'] }), {}, config).settings.parityPairs).toEqual([{ production: 'HR', nonProduction: 'HRTEST' }]);
    expect(resolveRunPlan(flags({ demo: true }), {}, {}).settings.parityPairs).toBeUndefined();
    expect(problems(flags({ demo: true }), {}, { parityPairs: [{ production: 'OPS', nonProduction: 'ops' }] })).toEqual([
      '"parityPairs" in the config file (OPS ↔ ops): OPS cannot be its own non-production desk.',
    ]);
    expect(problems(flags({ demo: true, pairs: ['ITSD'] }), {})).toEqual(['--pair "ITSD" must be PROD=TEST, two project keys such as ITSD=ITSDTEST.']);
  });

  it('takes only the formats the command prints (fix: text or json)', () => {
    expect(resolveRunPlan(flags({ demo: true, format: 'json' }), {}, {}, undefined, ['text', 'json']).format).toBe('json');
    expect(() => resolveRunPlan(flags({ demo: true, format: 'html' }), {}, {}, undefined, ['text', 'json'])).toThrow('--format must be text or json, not "html".');
    expect(() => resolveRunPlan(flags({ demo: true, format: 'xml' }), {}, {})).toThrow('--format must be text, json or html, not "xml".');
  });
});

describe('normaliseSiteUrl', () => {
  it('accepts https sites and local http, without a trailing slash', () => {
    expect(normaliseSiteUrl('https://acme.atlassian.net/', '--site')).toEqual({ url: 'https://acme.atlassian.net' });
    expect(normaliseSiteUrl('http://127.0.0.1:4010', '--site')).toEqual({ url: 'http://127.0.0.1:4010' });
    expect(normaliseSiteUrl('http://localhost:4010/', '--site')).toEqual({ url: 'http://localhost:4010' });
    expect(normaliseSiteUrl('acme.atlassian.net', '--site')).toEqual({ url: 'https://acme.atlassian.net' });
  });
  it('refuses plain http elsewhere, paths, credentials and non-URLs', () => {
    expect(normaliseSiteUrl('http://acme.atlassian.net', '--site')).toEqual({ problem: '--site must start with https:// (http:// is accepted only for 127.0.0.1 or localhost).' });
    expect(normaliseSiteUrl('https://acme.atlassian.net/jira/your-work', '--site')).toHaveProperty('problem');
    expect(normaliseSiteUrl('https://u:p@acme.atlassian.net', '--site')).toEqual({ problem: '--site must not carry credentials; pass --email and --token instead.' });
    expect(normaliseSiteUrl('not a url', '--site')).toHaveProperty('problem');
    expect(normaliseSiteUrl('ftp://acme.atlassian.net', '--site')).toHaveProperty('problem');
  });
});
