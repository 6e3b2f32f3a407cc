import { saTimezone } from './sa-timezone';
import { describeCheck } from '../testing/table';
import { SA_ID, failed, ok, serviceAccount } from '../testing/snapshot-builder';
import { ATLASSIAN_PAGES, DOCS } from '../links';
import type { CheckOutcome } from '../check';

const DK = 'America/Danmarkshavn';
const fixUrls = [ATLASSIAN_PAGES.accountPreferences, DOCS.timeZone];
const withZone = (timeZone: string | undefined, extra: Parameters<typeof serviceAccount>[0] = {}) => ok(serviceAccount({ timeZone, ...extra }));
const mine = (timeZone: string | undefined) => ok({ accountId: SA_ID, ...(timeZone ? { timeZone } : {}) });
const cannotTell = ['cannot be told apart', "run the CLI with the service account's own token", 'Account preferences'];
/** A zone read through /user is never enough for a fail: it may be the site default standing in for a hidden or unset one. */
const neverFails = (outcome: CheckOutcome) => expect(outcome.verdict).not.toBe('violated');

describeCheck(saTimezone, {
  valid: [
    {
      name: '/myself says America/Danmarkshavn',
      site: { serviceAccountSelf: mine(DK) },
      summary: [`is ${DK}`, 'read with its own token'],
      evidence: { timeZone: DK, source: 'myself' },
    },
    {
      name: '/myself is authoritative even when the user record shows the site default',
      site: { serviceAccount: withZone('Europe/London'), serviceAccountSelf: mine(DK) },
      summary: 'read with its own token',
      evidence: { timeZone: DK, source: 'myself' },
    },
    {
      name: '/myself decides even when serverInfo could not be read',
      site: { serverInfo: failed('server', 'GET /rest/api/3/serverInfo', 503), serviceAccountSelf: mine(DK) },
      evidence: { timeZone: DK, source: 'myself' },
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
      site: { serviceAccountSelf: mine('Europe/Berlin') },
      verdict: 'violated',
      summary: ['Europe/Berlin', `not ${DK}`, 'own token'],
      evidence: { timeZone: 'Europe/Berlin', source: 'myself', expected: DK },
      remediationUrls: fixUrls,
    },
    {
      name: '/myself says another zone, whatever the user record shows',
      site: { serviceAccount: withZone(DK), serviceAccountSelf: mine('Asia/Tokyo') },
      verdict: 'violated',
      evidence: { timeZone: 'Asia/Tokyo', source: 'myself' },
    },
    {
      name: 'Danmarkshavn through the user record may be the site default standing in for another zone',
      verdict: 'undecided',
      summary: [`reads ${DK}`, ...cannotTell],
      evidence: { timeZone: DK, source: 'user', siteDefault: 'Europe/London' },
      remediationText: '--service-account-token',
      remediationUrls: fixUrls,
    },
    {
      name: 'Danmarkshavn that is also the serverInfo zone cannot be told apart either',
      site: { serverInfo: ok({ serverTimeZone: DK }) },
      verdict: 'undecided',
      summary: cannotTell,
      evidence: { timeZone: DK, siteDefault: DK },
    },
    {
      name: 'a zone other than the serverInfo zone is not a fail: the site default is not proven to be serverInfo.serverTimeZone',
      site: { serviceAccount: withZone('America/New_York') },
      verdict: 'undecided',
      summary: ['America/New_York', ...cannotTell],
      evidence: { timeZone: 'America/New_York', siteDefault: 'Europe/London', source: 'user' },
      remediationText: ['--service-account-token', `set Time zone to ${DK}`],
      remediationUrls: fixUrls,
      assert: neverFails,
    },
    {
      name: 'the serverInfo zone read through the user record cannot be told apart',
      site: { serviceAccount: withZone('Europe/London') },
      verdict: 'undecided',
      summary: ['Europe/London', ...cannotTell],
      evidence: { timeZone: 'Europe/London', siteDefault: 'Europe/London' },
      assert: neverFails,
    },
    {
      name: 'a hidden e-mail, so a hidden profile, cannot be told apart',
      site: { serviceAccount: withZone('Asia/Kolkata', { emailAddress: undefined }) },
      verdict: 'undecided',
      summary: cannotTell,
      evidence: { timeZone: 'Asia/Kolkata', emailHidden: true },
      assert: neverFails,
    },
    {
      name: 'a failed /myself falls back to the user record, which cannot decide',
      site: { serviceAccount: withZone('Europe/London'), serviceAccountSelf: failed('unauthorized', 'GET /rest/api/3/myself', 401) },
      verdict: 'undecided',
      summary: cannotTell,
      assert: neverFails,
    },
    {
      name: 'a /myself answer for another account is ignored',
      site: { serviceAccountSelf: ok({ accountId: 'someone-else', timeZone: 'Asia/Tokyo' }) },
      verdict: 'undecided',
      evidence: { timeZone: DK, source: 'user' },
    },
    {
      name: '/myself without a time zone falls back to the user record',
      site: { serviceAccount: withZone('America/New_York'), serviceAccountSelf: mine(undefined) },
      verdict: 'undecided',
      evidence: { timeZone: 'America/New_York', source: 'user' },
      assert: neverFails,
    },
    {
      name: 'serverInfo failed: the reason is given too',
      site: { serviceAccount: withZone('America/New_York'), serverInfo: failed('server', 'GET /rest/api/3/serverInfo', 503, 'Service unavailable') },
      verdict: 'undecided',
      summary: ['America/New_York', 'Service unavailable', ...cannotTell],
      evidence: { serverInfoError: { kind: 'server', status: 503 }, siteDefault: null },
      assert: neverFails,
    },
    {
      name: 'serverInfo without a time zone',
      site: { serviceAccount: withZone('America/New_York'), serverInfo: ok({}) },
      verdict: 'undecided',
      summary: cannotTell,
      evidence: { siteDefault: null },
    },
    {
      name: 'no time zone returned',
      site: { serviceAccount: withZone(undefined) },
      verdict: 'undecided',
      summary: 'did not return a time zone',
      evidence: { timeZone: null },
      remediationText: '--service-account-token',
    },
  ],
});
