import { connectorValues, mwConnector } from './mw-connector';
import { describeCheck } from '../testing/table';
import { BASE_URL, SA_ID, failed, ok, serviceAccount, settings, site } from '../testing/snapshot-builder';
import { ATLASSIAN_PAGES, DOCS } from '../links';

describeCheck(mwConnector, {
  valid: [],
  invalid: [
    {
      name: 'manual, with every value to copy',
      verdict: 'manual',
      summary: 'Create the Jira Service Desk connector in Moveworks Setup',
      evidence: {
        connectionName: 'jira_service_desk',
        baseUrl: BASE_URL,
        authenticationType: 'Jira Cloud Basic Auth',
        username: 'moveworks-bot@acme.com',
        password: "the service account's API token",
      },
      remediationText: [
        'Core Platform > System Connectors',
        'Connection Name: jira_service_desk (recommended)',
        `Common Base Url: ${BASE_URL}`,
        'Authentication Type: Jira Cloud Basic Auth',
        'Username: moveworks-bot@acme.com',
        "Password: the service account's API token",
      ],
      remediationUrls: [ATLASSIAN_PAGES.apiTokens, DOCS.moveworksRequirements],
    },
    {
      name: 'username unknown when the account was not found and is configured by accountId',
      settings: { serviceAccount: SA_ID },
      site: { serviceAccount: ok(null) },
      verdict: 'manual',
      evidence: { username: null },
      remediationText: 'Username: the e-mail of the service account',
    },
    {
      name: 'username from the configured e-mail when the lookup failed',
      site: { serviceAccount: failed('forbidden', 'GET /rest/api/3/user/search', 403) },
      verdict: 'manual',
      evidence: { username: 'moveworks-bot@acme.com' },
    },
  ],
});

describe('connectorValues', () => {
  it('trims a trailing slash from the base URL and prefers the e-mail Jira reports', () => {
    const snap = site({ baseUrl: `${BASE_URL}/`, serviceAccount: ok(serviceAccount({ emailAddress: 'bot@acme.com' })) });
    expect(connectorValues(snap, settings({ serviceAccount: 'other@acme.com' }))).toEqual({
      connectionName: 'jira_service_desk',
      baseUrl: BASE_URL,
      authenticationType: 'Jira Cloud Basic Auth',
      username: 'bot@acme.com',
      passwordHint: "the service account's API token",
      accountIdSetting: 'Enabled (required)',
    });
  });

  it('has no username without settings when the e-mail is hidden', () => {
    const snap = site({ serviceAccount: ok(serviceAccount({ emailAddress: undefined })) });
    expect(connectorValues(snap).username).toBeNull();
  });
});
