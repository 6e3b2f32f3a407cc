import { saApiToken } from './sa-api-token';
import { describeCheck } from '../testing/table';
import { SA_ID, failed, ok } from '../testing/snapshot-builder';
import { ATLASSIAN_PAGES, DOCS } from '../links';

const tokenUrls = [ATLASSIAN_PAGES.apiTokens, DOCS.apiTokens];
const selfOk = (accountId: string, emailAddress?: string) => ok({ accountId, emailAddress, timeZone: 'America/Danmarkshavn' });

describeCheck(saApiToken, {
  valid: [
    {
      name: '/myself answers as the service account',
      site: { serviceAccountSelf: selfOk(SA_ID, 'moveworks-bot@acme.com') },
      summary: `The token authenticates as the service account moveworks-bot@acme.com (${SA_ID})`,
      evidence: { authenticatedAs: { accountId: SA_ID, email: 'moveworks-bot@acme.com' } },
    },
    {
      name: 'lookup failed but /myself answers as the configured e-mail',
      site: { serviceAccount: failed('forbidden', 'GET /rest/api/3/user/search', 403), serviceAccountSelf: selfOk(SA_ID, 'Moveworks-Bot@acme.com') },
      summary: 'authenticates as the service account',
    },
    {
      name: 'no lookup, configured by accountId',
      settings: { serviceAccount: SA_ID },
      site: { serviceAccount: undefined, serviceAccountSelf: selfOk(SA_ID) },
      summary: `as the service account ${SA_ID}`,
    },
  ],
  invalid: [
    {
      name: 'no token given: attest or run the CLI',
      verdict: 'manual',
      summary: ['attest', '--service-account-token'],
      remediationUrls: tokenUrls,
      remediationText: 'Create API token',
    },
    {
      name: 'Jira refused the token',
      site: { serviceAccountSelf: failed('unauthorized', 'GET /rest/api/3/myself', 401, 'Client must be authenticated to access this resource') },
      verdict: 'violated',
      summary: "Jira refused the service account's token",
      evidence: { error: { kind: 'unauthorized', status: 401 } },
      remediationUrls: tokenUrls,
    },
    {
      name: 'the token belongs to another account',
      site: { serviceAccountSelf: selfOk('admin-1', 'admin@acme.com') },
      verdict: 'violated',
      summary: ['admin@acme.com', `not as the service account (${SA_ID})`],
      evidence: { authenticatedAs: { accountId: 'admin-1' }, expectedAccountId: SA_ID },
      remediationUrls: tokenUrls,
    },
    {
      name: 'another failure cannot decide',
      site: { serviceAccountSelf: failed('timeout', 'GET /rest/api/3/myself', undefined, 'No answer within 30 s') },
      verdict: 'undecided',
      summary: ['Could not test', 'No answer within 30 s', 'did not answer in time'],
    },
    {
      name: 'another account and no lookup to compare with',
      site: { serviceAccount: ok(null), serviceAccountSelf: selfOk('admin-1', 'admin@acme.com') },
      verdict: 'undecided',
      dependsOn: 'SA-EXISTS',
      summary: ['admin@acme.com', 'no account matches'],
    },
  ],
});
