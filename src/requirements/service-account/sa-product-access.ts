/**
 * SA-PRODUCT-ACCESS: the service account has Jira Service Management product access.
 * The application role `jira-servicedesk` is authoritative, whatever the group that
 * grants it is called; membership of `jira-servicedesk-users` alone proves nothing
 * (the group may no longer grant access), so it is only reported as evidence.
 */
import type { CheckOutcome, SiteCheck } from '../check';
import { ATLASSIAN_PAGES, DOCS } from '../links';
import { accountLabel, dependsOnServiceAccount, lookupServiceAccount } from './service-account-found';

export const SERVICE_DESK_ROLE_KEY = 'jira-servicedesk';
export const SERVICE_DESK_USERS_GROUP = 'jira-servicedesk-users';

export const saProductAccess: SiteCheck = {
  meta: {
    id: 'SA-PRODUCT-ACCESS',
    title: 'Service account has Jira Service Management access',
    failureTitle: 'Service account lacks Jira Service Management access',
    description:
      'The service account needs Jira Service Management product access (the jira-servicedesk-users role in Atlassian Administration) to work on tickets as an agent.',
    severity: 'required',
    group: 'service-account',
    scope: 'site',
    docsUrl: DOCS.productAccess,
  },
  requires: ['serviceAccount'],
  evaluate({ snapshot, settings }): CheckOutcome {
    const lookup = lookupServiceAccount(snapshot, settings);
    if (!lookup.found) return dependsOnServiceAccount('product access', lookup.reason);
    const account = lookup.account;
    const who = accountLabel(account);
    const roles = account.applicationRoles.map((r) => r.key);
    const groups = account.groups.map((g) => g.name);
    const inUsersGroup = groups.includes(SERVICE_DESK_USERS_GROUP);
    const evidence = { applicationRoles: roles, groups, memberOfServiceDeskUsersGroup: inUsersGroup };

    if (roles.includes(SERVICE_DESK_ROLE_KEY)) {
      return { verdict: 'holds', summary: `${who} has Jira Service Management product access.`, evidence };
    }
    const detail = inUsersGroup
      ? `it is a member of ${SERVICE_DESK_USERS_GROUP}, but Jira reports no Jira Service Management application role for it`
      : roles.length > 0
        ? `its application roles are ${roles.join(', ')}`
        : 'it has no application role';
    return {
      verdict: 'violated',
      summary: `${who} has no Jira Service Management product access: ${detail}.`,
      evidence,
      remediation: [
        {
          text: `In admin.atlassian.com, open Directory > Users, select ${account.displayName || account.accountId}, click Grant access (or Add product access) and give it Jira Service Management; or add it to a group that grants Jira Service Management access, such as ${SERVICE_DESK_USERS_GROUP}.`,
          url: ATLASSIAN_PAGES.adminHub,
        },
        { text: 'Atlassian\'s guide to giving users product access', url: DOCS.productAccess },
      ],
    };
  },
};
