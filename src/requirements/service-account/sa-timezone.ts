/**
 * SA-TIMEZONE: the service account's time zone is exactly America/Danmarkshavn
 * (UTC all year, which Moveworks relies on for ticket times).
 *
 * Jira returns the site default instead of the real zone when the profile hides it or
 * none is set, so a value equal to the site default cannot be trusted; /myself with the
 * account's own token is authoritative.
 */
import type { ServiceAccountInfo, SiteSnapshot } from '../../gather/snapshot';
import type { CheckOutcome, SiteCheck } from '../check';
import type { RemediationStep } from '../../engine/types';
import { ATLASSIAN_PAGES, DOCS } from '../links';
import { fetchReason } from './fetch-reason';
import { accountLabel, dependsOnServiceAccount, lookupServiceAccount } from './service-account-found';

export const REQUIRED_TIME_ZONE = 'America/Danmarkshavn';

function fixSteps(account: ServiceAccountInfo): RemediationStep[] {
  return [
    {
      text: `Log in to Atlassian as the service account${account.emailAddress ? ` (${account.emailAddress})` : ''}, open Account preferences and set Time zone to ${REQUIRED_TIME_ZONE}.`,
      url: ATLASSIAN_PAGES.accountPreferences,
    },
    { text: 'Atlassian\'s guide to account preferences', url: DOCS.timeZone },
  ];
}

const PROVE_STEP: RemediationStep = {
  text: 'Run mw-readiness with --service-account-token (the service account\'s own API token): Jira then reports its real time zone.',
};

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
    const siteDefault = snapshot.serverInfo.ok ? snapshot.serverInfo.value.serverTimeZone || undefined : undefined;
    const evidence = { timeZone: zone ?? null, expected: REQUIRED_TIME_ZONE, source: 'user', siteDefault: siteDefault ?? null };
    if (zone === REQUIRED_TIME_ZONE) {
      return { verdict: 'holds', summary: `The time zone of ${who} is ${REQUIRED_TIME_ZONE}.`, evidence };
    }
    if (zone === undefined) {
      return {
        verdict: 'undecided',
        summary: `Jira did not return a time zone for ${who}.`,
        evidence,
        remediation: [PROVE_STEP, ...fixSteps(account)],
      };
    }
    if (!snapshot.serverInfo.ok) {
      return {
        verdict: 'undecided',
        summary: `The time zone of ${who} reads ${zone}, which may be the site default, and the site default could not be read: ${fetchReason(snapshot.serverInfo.error)}.`,
        evidence: { ...evidence, serverInfoError: snapshot.serverInfo.error },
        remediation: [PROVE_STEP, ...fixSteps(account)],
      };
    }
    if (siteDefault === undefined) {
      return {
        verdict: 'undecided',
        summary: `The time zone of ${who} reads ${zone}, which may be the site default, and Jira did not report the site default.`,
        evidence,
        remediation: [PROVE_STEP, ...fixSteps(account)],
      };
    }
    if (zone === siteDefault) {
      return {
        verdict: 'undecided',
        summary: `The time zone of ${who} reads ${zone}, which is what Jira shows when the profile hides the zone or none is set, so it cannot be told apart from the site default; run the CLI with the account's own token or check the profile.`,
        evidence,
        remediation: [PROVE_STEP, ...fixSteps(account)],
      };
    }
    return {
      verdict: 'violated',
      summary: `The time zone of ${who} is ${zone}, not ${REQUIRED_TIME_ZONE}.`,
      evidence,
      remediation: fixSteps(account),
    };
  },
};
