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
      summary: ['Could not look up the service account "moveworks-bot@acme.com"', 'You do not have permission to browse users', 'permission'],
      evidence: { configured: 'moveworks-bot@acme.com', error: { kind: 'forbidden', status: 403 } },
      remediationUrls: [`${BASE_URL}/jira/people/search`],
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
      name: 'configured but never looked up',
      site: { serviceAccount: undefined },
      verdict: 'undecided',
      summary: 'was not looked up',
    },
    {
      name: 'no account matches',
      site: { serviceAccount: ok(null) },
      verdict: 'violated',
      summary: 'No account matches "moveworks-bot@acme.com"',
      evidence: { configured: 'moveworks-bot@acme.com' },
      remediationUrls: [`${BASE_URL}/jira/people/search`, DOCS.createUsers],
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
