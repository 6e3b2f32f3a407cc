import { saTimezone } from './sa-timezone';
import { describeCheck } from '../testing/table';
import { SA_ID, failed, ok, serviceAccount } from '../testing/snapshot-builder';
import { ATLASSIAN_PAGES, DOCS } from '../links';

const DK = 'America/Danmarkshavn';
const fixUrls = [ATLASSIAN_PAGES.accountPreferences, DOCS.timeZone];
const withZone = (timeZone: string | undefined) => ok(serviceAccount({ timeZone }));

describeCheck(saTimezone, {
  valid: [
    {
      name: 'the user record says America/Danmarkshavn',
      summary: `is ${DK}`,
      evidence: { timeZone: DK, source: 'user', siteDefault: 'Europe/London' },
    },
    {
      name: 'Danmarkshavn that is also the site default still holds',
      site: { serverInfo: ok({ serverTimeZone: DK }) },
      evidence: { timeZone: DK, siteDefault: DK },
    },
    {
      name: '/myself is authoritative even when the user record shows the site default',
      site: {
        serviceAccount: withZone('Europe/London'),
        serviceAccountSelf: ok({ accountId: SA_ID, timeZone: DK }),
      },
      summary: 'read with its own token',
      evidence: { timeZone: DK, source: 'myself' },
    },
    {
      name: 'a /myself answer for another account is ignored',
      site: { serviceAccountSelf: ok({ accountId: 'someone-else', timeZone: 'Asia/Tokyo' }) },
      evidence: { timeZone: DK, source: 'user' },
    },
  ],
  invalid: [
    {
      name: 'no service account configured',
      settings: { serviceAccount: undefined },
      verdict: 'undecided',
      dependsOn: 'SA-EXISTS',
      summary: ['no service account is configured', 'SA-EXISTS'],
    },
    {
      name: 'no account matches',
      site: { serviceAccount: ok(null) },
      verdict: 'undecided',
      dependsOn: 'SA-EXISTS',
      summary: 'no account matches "moveworks-bot@acme.com"',
    },
    {
      name: 'the account could not be read',
      site: { serviceAccount: failed('rate_limited', 'GET /rest/api/3/user', 429) },
      verdict: 'undecided',
      dependsOn: 'SA-EXISTS',
      summary: 'try again later',
    },
    {
      name: '/myself says another zone',
      site: { serviceAccountSelf: ok({ accountId: SA_ID, timeZone: 'Europe/Berlin' }) },
      verdict: 'violated',
      summary: ['Europe/Berlin', `not ${DK}`, 'own token'],
      evidence: { timeZone: 'Europe/Berlin', source: 'myself', expected: DK },
      remediationUrls: fixUrls,
    },
    {
      name: 'a zone other than the site default',
      site: { serviceAccount: withZone('America/New_York') },
      verdict: 'violated',
      summary: `is America/New_York, not ${DK}`,
      evidence: { timeZone: 'America/New_York', siteDefault: 'Europe/London', source: 'user' },
      remediationUrls: fixUrls,
      remediationText: 'Account preferences',
    },
    {
      name: 'the site default cannot be told apart from a hidden zone',
      site: { serviceAccount: withZone('Europe/London') },
      verdict: 'undecided',
      summary: ['cannot be told apart from the site default', "run the CLI with the account's own token or check the profile"],
      evidence: { timeZone: 'Europe/London', siteDefault: 'Europe/London' },
      remediationText: '--service-account-token',
      remediationUrls: fixUrls,
    },
    {
      name: 'a failed /myself falls back to the user record, which shows the site default',
      site: { serviceAccount: withZone('Europe/London'), serviceAccountSelf: failed('unauthorized', 'GET /rest/api/3/myself', 401) },
      verdict: 'undecided',
      summary: 'cannot be told apart',
    },
    {
      name: 'serverInfo failed, so the value may be the site default',
      site: { serviceAccount: withZone('America/New_York'), serverInfo: failed('server', 'GET /rest/api/3/serverInfo', 503, 'Service unavailable') },
      verdict: 'undecided',
      summary: ['America/New_York', 'site default could not be read', 'Service unavailable'],
      evidence: { serverInfoError: { kind: 'server', status: 503 } },
    },
    {
      name: 'serverInfo without a time zone',
      site: { serviceAccount: withZone('America/New_York'), serverInfo: ok({}) },
      verdict: 'undecided',
      summary: 'did not report the site default',
    },
    {
      name: 'no time zone returned',
      site: { serviceAccount: withZone(undefined) },
      verdict: 'undecided',
      summary: 'did not return a time zone',
      evidence: { timeZone: null },
    },
  ],
});
