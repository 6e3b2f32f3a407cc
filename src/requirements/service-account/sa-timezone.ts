/**
 * SA-TIMEZONE: the service account's time zone is exactly America/Danmarkshavn
 * (UTC all year, which Moveworks relies on for ticket times).
 *
 * Only /myself, read with the account's own token, shows the account's real zone. Any
 * other caller reading /user gets "the instance's default time zone" instead whenever
 * the profile hides the zone or none is set, and nothing in the answer says when that
 * happened. Jira does not document that serverInfo.serverTimeZone ("the default
 * timezone of the Jira server") is that same default, so comparing with it cannot
 * prove a value genuine: any zone read through /user, Danmarkshavn included, may be
 * the stand-in. Such a reading is `undecided` (never a fail that names a zone that may
 * not be the account's, never a pass that may hide another zone).
 */
import type { ServiceAccountInfo, SiteSnapshot } from '../../gather/snapshot';
import type { CheckOutcome, SiteCheck } from '../check';
import type { RemediationStep } from '../../shared/report-model';
import { ATLASSIAN_PAGES, DOCS } from '../links';
import { fetchReason } from '../fetch-reason';
import { accountLabel, dependsOnServiceAccount, lookupServiceAccount } from './service-account-found';

export const REQUIRED_TIME_ZONE = 'America/Danmarkshavn';

const GUIDE_STEP: RemediationStep = { text: 'Atlassian\'s guide to account preferences', url: DOCS.timeZone };

function fixSteps(account: ServiceAccountInfo): RemediationStep[] {
  return [
    {
      text: `Log in to Atlassian as the service account${account.emailAddress ? ` (${account.emailAddress})` : ''}, open Account preferences and set Time zone to ${REQUIRED_TIME_ZONE}.`,
      url: ATLASSIAN_PAGES.accountPreferences,
    },
    GUIDE_STEP,
  ];
}

const PROVE_STEP: RemediationStep = {
  text: 'Run mw-readiness with --service-account-token (the service account\'s own API token): Jira then reports its real time zone.',
};

const CHECK_PROFILE_STEP: RemediationStep = {
  text: `Or log in to Atlassian as the service account and open Account preferences: the Time zone shown there is the account's own. If it is ${REQUIRED_TIME_ZONE}, acknowledge this check.`,
  url: ATLASSIAN_PAGES.accountPreferences,
};

/** Why a zone read through /user may be Jira's stand-in, with what serverInfo said for context. */
function standInNote(zone: string, siteDefault: string | undefined, serverInfo: SiteSnapshot['serverInfo']): string {
  const standIn = "the zone Jira shows in place of one the profile hides or never set (the site's default time zone)";
  if (!serverInfo.ok) return `may be ${standIn}; serverInfo could not be read: ${fetchReason(serverInfo.error)}`;
  if (siteDefault === undefined) return `may be ${standIn}; serverInfo reported no zone`;
  if (siteDefault === zone) return `is also serverInfo's zone and may be ${standIn}`;
  return `may be ${standIn}: Jira does not document that this default is serverInfo's ${siteDefault}`;
}

/** /myself answered for the service account itself, with a zone: the authoritative reading. */
function authoritativeZone(snapshot: SiteSnapshot, account: ServiceAccountInfo): string | undefined {
  const self = snapshot.serviceAccountSelf;
  if (!self?.ok || self.value.accountId !== account.accountId) return undefined;
  return self.value.timeZone || undefined;
}

export const saTimezone: SiteCheck = {
  meta: {
    id: 'SA-TIMEZONE',
    title: `Service account time zone is ${REQUIRED_TIME_ZONE}`,
    failureTitle: `Service account time zone is not ${REQUIRED_TIME_ZONE}`,
    description: `Moveworks requires the service account's time zone to be exactly ${REQUIRED_TIME_ZONE} so the times it reads and writes on tickets are interpreted correctly.`,
    severity: 'required',
    group: 'service-account',
    scope: 'site',
    docsUrl: DOCS.timeZone,
  },
  requires: ['serviceAccount', 'serviceAccountSelf', 'serverInfo'],
  optional: ['serviceAccountSelf', 'serverInfo'],
  evaluate({ snapshot, settings }): CheckOutcome {
    const lookup = lookupServiceAccount(snapshot, settings);
    if (!lookup.found) return dependsOnServiceAccount('the service account\'s time zone', lookup.reason);
    const account = lookup.account;
    const who = accountLabel(account);

    const own = authoritativeZone(snapshot, account);
    if (own !== undefined) {
      const evidence = { timeZone: own, expected: REQUIRED_TIME_ZONE, source: 'myself' };
      return own === REQUIRED_TIME_ZONE
        ? { verdict: 'holds', summary: `The time zone of ${who} is ${REQUIRED_TIME_ZONE} (read with its own token).`, evidence }
        : { verdict: 'violated', summary: `The time zone of ${who} is ${own}, not ${REQUIRED_TIME_ZONE} (read with its own token).`, evidence, remediation: fixSteps(account) };
    }

    const zone = account.timeZone || undefined;
    const serverInfo = snapshot.serverInfo;
    const siteDefault = serverInfo.ok ? serverInfo.value.serverTimeZone || undefined : undefined;
    const evidence = {
      timeZone: zone ?? null,
      expected: REQUIRED_TIME_ZONE,
      source: 'user',
      siteDefault: siteDefault ?? null,
      emailHidden: !account.emailAddress,
      ...(serverInfo.ok ? {} : { serverInfoError: serverInfo.error }),
    };
    if (zone === undefined) {
      return {
        verdict: 'undecided',
        summary: `Jira did not return a time zone for ${who}.`,
        evidence,
        remediation: [PROVE_STEP, CHECK_PROFILE_STEP, ...fixSteps(account)],
      };
    }
    return {
      verdict: 'undecided',
      summary: `The time zone of ${who} reads ${zone}, which ${standInNote(zone, siteDefault, serverInfo)}, so it cannot be told apart from the account's own zone; run the CLI with the service account's own token (--service-account-token), or log in as the service account and look at Account preferences.`,
      evidence,
      remediation: [PROVE_STEP, CHECK_PROFILE_STEP, ...(zone === REQUIRED_TIME_ZONE ? [GUIDE_STEP] : fixSteps(account))],
    };
  },
};
