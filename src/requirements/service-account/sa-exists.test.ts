import { saExists } from './sa-exists';
import { describeCheck } from '../testing/table';
import { BASE_URL, SA_ID, failed, ok, serviceAccount } from '../testing/snapshot-builder';
import { ATLASSIAN_PAGES, DOCS } from '../links';

describeCheck(saExists, {
  valid: [
    {
      name: 'an active atlassian account found by e-mail',
      summary: ['Moveworks Bot (moveworks-bot@acme.com)', 'exists, is active'],
      evidence: { configured: 'moveworks-bot@acme.com', accountId: SA_ID, displayName: 'Moveworks Bot', email: 'moveworks-bot@acme.com', accountType: 'atlassian', active: true },
    },
    {
      name: 'configured by accountId, e-mail hidden by the profile',
      settings: { serviceAccount: SA_ID },
      site: { serviceAccount: ok(serviceAccount({ emailAddress: undefined })) },
      summary: 'The service account Moveworks Bot exists',
      evidence: { configured: SA_ID, email: null },
    },
  ],
  invalid: [
    {
      name: 'no service account configured',
      settings: { serviceAccount: undefined },
      site: { serviceAccount: undefined },
      verdict: 'undecided',
      summary: /configure the Moveworks service account/,
      remediationText: 'Settings',
    },
    {
      name: 'a blank setting counts as not configured',
      settings: { serviceAccount: '  ' },
      verdict: 'undecided',
      summary: 'No service account is configured',
    },
    {
      name: 'the lookup failed',
      site: { serviceAccount: failed('forbidden', 'GET /rest/api/3/user/search', 403, 'You do not have permission to browse users') },
      verdict: 'undecided',
      summary: ['Could not read the service account', 'GET /rest/api/3/user/search', 'You do not have permission to browse users', '403'],
      evidence: { errors: [{ kind: 'forbidden', status: 403 }] },
      remediationText: 'the "Browse users and groups" global permission',
    },
    {
      name: 'e-mails hidden by Jira: configure the accountId instead',
      site: { serviceAccount: failed('malformed', 'GET /rest/api/3/user/search', undefined, 'Jira hides the e-mail address of 1 user(s) matching moveworks-bot@acme.com, so the service account cannot be identified by e-mail. Configure its accountId instead.') },
      verdict: 'undecided',
      summary: 'Configure its accountId instead',
      remediationText: 'by its accountId',
    },
    {
      name: 'a passing fault: run again',
      site: { serviceAccount: failed('server', 'GET /rest/api/3/user', 503) },
      verdict: 'undecided',
      summary: 'try again later',
      remediationText: 'Run the checks again',
    },
    {
      name: 'configured but never looked up is a fault of the run, never a verdict',
      site: { serviceAccount: undefined },
      verdict: 'undecided',
      summary: ['was not judged', '(serviceAccount)'],
    },
    {
      name: 'an empty search by a caller who may browse users: missing or deactivated',
      site: { serviceAccount: ok(null) },
      verdict: 'violated',
      summary: ['No active account has the e-mail "moveworks-bot@acme.com"', 'missing or deactivated', 'active users only'],
      evidence: { configured: 'moveworks-bot@acme.com', lookup: 'e-mail search (active users only)' },
      remediationUrls: [`${BASE_URL}/jira/people/search`, ATLASSIAN_PAGES.adminHub, DOCS.createUsers],
      remediationText: ['create it', 'Reactivate user', 'configure its accountId'],
    },
    {
      name: 'an empty search by a caller without Browse users and groups cannot decide',
      site: {
        serviceAccount: failed(
          'forbidden',
          'GET /rest/api/3/user/search',
          undefined,
          'Jira\'s user search found no one for moveworks-bot@acme.com, but the account running the checks lacks the "Browse users and groups" global permission, and Jira answers every search without it with an empty list',
        ),
      },
      verdict: 'undecided',
      summary: ['Could not read the service account', 'lacks the "Browse users and groups" global permission'],
      evidence: { errors: [{ kind: 'forbidden' }] },
      remediationText: '"Browse users and groups"',
      assert: (outcome) => expect(outcome.remediation?.some((s) => /create/i.test(s.text))).toBe(false),
    },
    {
      name: 'no account has the configured accountId',
      settings: { serviceAccount: SA_ID },
      site: { serviceAccount: ok(null) },
      verdict: 'violated',
      summary: `No account has the accountId "${SA_ID}"`,
      evidence: { configured: SA_ID, lookup: 'accountId' },
      remediationUrls: [`${BASE_URL}/jira/people/search`, DOCS.createUsers],
    },
    {
      name: 'deactivated, configured by accountId',
      settings: { serviceAccount: SA_ID },
      site: { serviceAccount: ok(serviceAccount({ active: false, emailAddress: undefined })) },
      verdict: 'violated',
      summary: ['Moveworks Bot', 'is deactivated'],
      evidence: { configured: SA_ID, active: false },
      remediationUrls: [ATLASSIAN_PAGES.adminHub],
      remediationText: 'Reactivate user',
    },
    {
      name: 'deactivated',
      site: { serviceAccount: ok(serviceAccount({ active: false })) },
      verdict: 'violated',
      summary: 'is deactivated',
      evidence: { active: false, accountType: 'atlassian' },
      remediationUrls: [ATLASSIAN_PAGES.adminHub],
      remediationText: 'Reactivate user',
    },
    {
      name: 'an app account',
      site: { serviceAccount: ok(serviceAccount({ accountType: 'app' })) },
      verdict: 'violated',
      summary: 'is an app account',
      evidence: { accountType: 'app', active: true },
      assert: (outcome) => expect(outcome.remediation?.some((s) => s.text.includes('Reactivate'))).toBe(false),
    },
    {
      name: 'a customer-only account that is also deactivated names both reasons',
      site: { serviceAccount: ok(serviceAccount({ accountType: 'customer', active: false })) },
      verdict: 'violated',
      summary: ['is deactivated and is a customer-only account'],
      evidence: { accountType: 'customer', active: false },
    },
    {
      name: 'an unknown account type',
      site: { serviceAccount: ok(serviceAccount({ accountType: 'unknown' })) },
      verdict: 'violated',
      summary: 'account type "unknown"',
    },
  ],
});
