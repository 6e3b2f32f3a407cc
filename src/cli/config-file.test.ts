import { parseConfigText, validateConfig } from './config-file';

describe('config file', () => {
  it('accepts every documented setting', () => {
    const { config, problems } = validateConfig(
      {
        site: 'https://acme.atlassian.net',
        email: 'admin@acme.com',
        serviceAccount: 'bot@acme.com',
        endUserGroups: ['staff'],
        projectKeys: ['IT'],
        skills: ['group-access'],
        issueTypesInScope: { IT: ['10001'] },
        statusBucketOverrides: { '10004': 'waiting' },
        attestations: { 'MW-CONNECTOR': { by: 'Ada', at: '2026-11-27T10:00:00Z', note: 'checked in Setup' } },
        parityPairs: [{ production: 'ITSD', nonProduction: 'ITSDTEST' }, { production: 'HR', nonProduction: 'HRTEST', source: 'site' }],
      },
      'c.json',
    );
    expect(problems).toEqual([]);
    expect(config.parityPairs).toEqual([{ production: 'ITSD', nonProduction: 'ITSDTEST' }, { production: 'HR', nonProduction: 'HRTEST' }]);
    expect(config.attestations).toEqual({ 'MW-CONNECTOR': { by: 'Ada', at: '2026-11-27T10:00:00.000Z', note: 'checked in Setup' } });
    expect(config.statusBucketOverrides).toEqual({ '10004': 'waiting' });
  });

  it('reports one sentence per problem and refuses tokens without echoing them', () => {
    const { problems } = validateConfig(
      {
        token: 'SECRET-VALUE',
        colour: true,
        endUserGroups: 'staff',
        statusBucketOverrides: { '1': 'done' },
        attestations: { 'MW-CONNECTOR': { by: 'Ada' }, connector: { by: 'x', at: '2026-01-01' }, 'MW-CONECTOR': { by: 'x', at: '2026-01-01' } },
      },
      'c.json',
    );
    expect(problems).toEqual([
      'c.json must not hold "token"; pass tokens with JIRA_API_TOKEN / MW_SERVICE_ACCOUNT_TOKEN or the --token flags.',
      expect.stringMatching(/^c\.json has an unknown setting "colour"; known: site, email/),
      'c.json: "endUserGroups" must be a list of non-empty strings.',
      'c.json: "statusBucketOverrides" must map status ids or names to one of new, in_progress, waiting, resolved.',
      'c.json: the attestation of MW-CONNECTOR needs "by" (who) and "at" (an ISO date-time).',
      'c.json: attestation key "connector" is not a check id such as MW-CONNECTOR.',
      'c.json: attestation key "MW-CONECTOR" is not a check id such as MW-CONNECTOR.',
    ]);
    expect(problems.join(' ')).not.toContain('SECRET-VALUE');
  });

  it('takes "parityPairs" as the Settings name them, and refuses an imported report’s pair', () => {
    expect(validateConfig({ parityPairs: { ITSD: 'ITSDTEST' } }, 'c.json').problems).toEqual([
      'c.json: "parityPairs" must be a list of { "production": "ITSD", "nonProduction": "ITSDTEST" }.',
    ]);
    expect(validateConfig({ parityPairs: [{ prod: 'ITSD', test: 'ITSDTEST' }] }, 'c.json').problems).toEqual([
      'c.json: "parityPairs" must be a list of { "production": "ITSD", "nonProduction": "ITSDTEST" }.',
    ]);
    expect(validateConfig({ parityPairs: [{ production: 'ITSD', nonProduction: 'ITSD', source: 'imported' }] }, 'c.json').problems).toEqual([
      'c.json: the pair of ITSD is "source": "imported"; the CLI pairs desks of the site it checks, so compare a sandbox site\'s report with "mw-readiness compare".',
    ]);
  });

  it('says where the JSON is broken without quoting it', () => {
    const { problems } = parseConfigText('{"site": "x", "email": SECRET}', 'c.json');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^c\.json is not valid JSON/);
    expect(problems[0]).not.toContain('SECRET');
    expect(parseConfigText('[]', 'c.json').problems).toEqual(['c.json must hold one JSON object.']);
  });
});
