/**
 * SA-EXISTS: the configured service account exists, is active, and is an `atlassian`
 * account. App and customer-only accounts cannot hold product access or project roles,
 * so Moveworks could not work as them.
 */
import type { RemediationStep } from '../../shared/report-model';
import type { ServiceAccountInfo } from '../../gather/snapshot';
import type { CheckOutcome, SiteCheck } from '../check';
import { ATLASSIAN_PAGES, DOCS, siteLinks } from '../links';
import { requiredValue } from '../required-value';
import { accountLabel, configuredServiceAccount } from './service-account-found';

const CONFIGURE_STEP: RemediationStep = {
  text: 'Set the Moveworks service account (its e-mail or accountId) in this app\'s Settings, or pass --service-account to mw-readiness.',
};

function evidenceOf(account: ServiceAccountInfo, configured: string) {
  return {
    configured,
    accountId: account.accountId,
    displayName: account.displayName,
    email: account.emailAddress ?? null,
    accountType: account.accountType,
    active: account.active,
  };
}

/** Why an account that was found still cannot serve as the service account. */
function problemsOf(account: ServiceAccountInfo): string[] {
  const problems: string[] = [];
  if (!account.active) problems.push('is deactivated');
  if (account.accountType === 'app') problems.push('is an app account, not an Atlassian user account');
  else if (account.accountType === 'customer') problems.push('is a customer-only account, not an Atlassian user account');
  else if (account.accountType !== 'atlassian') problems.push(`has account type "${account.accountType}", not an Atlassian user account`);
  return problems;
}

const CREATE_HOW = 'in Jira, open People (or admin.atlassian.com > Directory > Users), click Invite people / Add users, and enter the Moveworks service account\'s e-mail.';

/**
 * Nothing found. By accountId Jira reads deactivated accounts too, so the account does
 * not exist. By e-mail the gatherer searched as a caller allowed to browse users, but
 * the search lists active users only: the account is missing or deactivated.
 */
function notFound(configured: string, peoplePage: string): CheckOutcome {
  if (!configured.includes('@')) {
    return {
      verdict: 'violated',
      summary: `No account has the accountId "${configured}" on this site.`,
      evidence: { configured, lookup: 'accountId' },
      remediation: [
        { text: 'Check the accountId in Settings: it must be the full id (open the account\'s profile from People; the id is the last part of the address).', url: peoplePage },
        { text: `Otherwise create the service account: ${CREATE_HOW}`, url: peoplePage },
        { text: 'Atlassian\'s guide to creating users', url: DOCS.createUsers },
      ],
    };
  }
  return {
    verdict: 'violated',
    summary: `No active account has the e-mail "${configured}" on this site: it is missing or deactivated (Jira's user search lists active users only).`,
    evidence: { configured, lookup: 'e-mail search (active users only)' },
    remediation: [
      { text: 'Check the spelling of the e-mail in Settings; it must match the account\'s e-mail exactly.' },
      { text: `If the account does not exist, create it: ${CREATE_HOW}`, url: peoplePage },
      { text: 'If it was deactivated, reactivate it: in admin.atlassian.com, open Directory > Users, find the account and click Reactivate user.', url: ATLASSIAN_PAGES.adminHub },
      { text: 'Or configure its accountId instead of the e-mail: Jira reads an account by id even when it is deactivated, and the check then says which it is.', url: peoplePage },
      { text: 'Atlassian\'s guide to creating users', url: DOCS.createUsers },
    ],
  };
}

export const saExists: SiteCheck = {
  meta: {
    id: 'SA-EXISTS',
    title: 'Service account exists',
    failureTitle: 'Service account is missing or unusable',
    description:
      'Moveworks works in Jira as a dedicated service account. It must exist on this site, be active, and be a normal Atlassian user account (not an app or customer-only account) so it can be given Jira Service Management access and the Service Desk Team role.',
    severity: 'required',
    group: 'service-account',
    scope: 'site',
    docsUrl: DOCS.createUsers,
  },
  requires: ['serviceAccount'],
  evaluate({ snapshot, settings }): CheckOutcome {
    const links = siteLinks(snapshot.baseUrl);
    const configured = configuredServiceAccount(settings);
    if (!configured) {
      return {
        verdict: 'undecided',
        summary: 'No service account is configured: configure the Moveworks service account (e-mail or accountId) to run the service account checks.',
        remediation: [CONFIGURE_STEP, { text: 'Create the account first if it does not exist yet.', url: DOCS.createUsers }],
      };
    }
    // The runner has made sure the lookup answered (a failed one is `error` with the reason and what to do).
    const account = requiredValue(snapshot.serviceAccount, 'serviceAccount');
    if (!account) return notFound(configured, links.userManagement());
    const problems = problemsOf(account);
    const evidence = evidenceOf(account, configured);
    if (problems.length > 0) {
      return {
        verdict: 'violated',
        summary: `The service account ${accountLabel(account)} ${problems.join(' and ')}.`,
        evidence,
        remediation: [
          ...(!account.active
            ? [{ text: `In admin.atlassian.com, open Directory > Users, select ${account.displayName || account.accountId} and click Reactivate user.`, url: ATLASSIAN_PAGES.adminHub }]
            : []),
          ...(account.accountType !== 'atlassian'
            ? [{ text: 'Use a normal Atlassian user account for Moveworks: invite one with its own e-mail and set it as the service account in Settings.', url: links.userManagement() }]
            : []),
          { text: 'Atlassian\'s guide to creating and managing users', url: DOCS.createUsers },
        ],
      };
    }
    return {
      verdict: 'holds',
      summary: `The service account ${accountLabel(account)} exists, is active and is an Atlassian account.`,
      evidence,
    };
  },
};
