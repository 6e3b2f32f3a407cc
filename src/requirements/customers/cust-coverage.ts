/**
 * CUST-COVERAGE: every end user who will use the bot is a Customer of the service desk,
 * because the bot can only create, update and query tickets for customers.
 * End users = the active members of the configured group(s), compared by accountId.
 * A desk's customers = those added one by one (JSM's customer listing) and the members
 * of the organizations associated with the desk (JSM lists those separately).
 * Linear in members + customers (Sets), so groups of tens of thousands are fine.
 */
import type { DeskOrganization, ProjectSnapshot, UserRef } from '../../gather/snapshot';
import { entryForGroup, normaliseGroupNames } from '../../shared/group-names';
import type { CheckOutcome, ProjectCheck } from '../check';
import { DOCS, siteLinks } from '../links';
import { requiredValue } from '../required-value';

/** Evidence lists this many missing users; the counts cover all of them. */
export const MISSING_USERS_SHOWN = 50;

export interface Coverage {
  endUsers: number;
  covered: number;
  /** End users who are customers one by one (whatever organizations they are also in). */
  coveredIndividually: number;
  /** End users covered only through an organization, counted under the desk's first organization that holds them. */
  coveredThroughOrganizations: { id: string; name: string; users: number }[];
  missingUsers: { accountId: string; displayName: string | null }[];
}

/**
 * Union of the groups' members (by accountId) compared with the desk's customers:
 * those added one by one and the members of its organizations. The one-click fix
 * uses it too, so it never adds someone an organization already covers.
 */
export function coverage(memberLists: readonly (readonly UserRef[])[], customerIds: readonly string[], organizations: readonly DeskOrganization[] = []): Coverage {
  const members = new Map<string, string | undefined>();
  for (const list of memberLists) {
    for (const m of list) if (!members.has(m.accountId) || members.get(m.accountId) === undefined) members.set(m.accountId, m.displayName);
  }
  const customers = new Set(customerIds);
  const memberSets = organizations.map((o) => new Set(o.memberIds));
  const throughOrganization = organizations.map(() => 0);
  let coveredIndividually = 0;
  const missingUsers: Coverage['missingUsers'] = [];
  for (const [accountId, displayName] of members) {
    if (customers.has(accountId)) {
      coveredIndividually += 1;
      continue;
    }
    const index = memberSets.findIndex((set) => set.has(accountId));
    if (index >= 0) throughOrganization[index]! += 1;
    else missingUsers.push({ accountId, displayName: displayName ?? null });
  }
  return {
    endUsers: members.size,
    covered: members.size - missingUsers.length,
    coveredIndividually,
    coveredThroughOrganizations: organizations.map((o, i) => ({ id: o.id, name: o.name, users: throughOrganization[i]! })).filter((o) => o.users > 0),
    missingUsers,
  };
}

/** "39 individually, 4 through organization Field Operations" — how the covered end users are customers. */
export function howCovered(result: Coverage): string {
  const parts = [`${result.coveredIndividually} individually`, ...result.coveredThroughOrganizations.map((o) => `${o.users} through organization ${o.name}`)];
  return parts.join(', ');
}

function customersSteps(project: ProjectSnapshot, baseUrl: string) {
  return {
    page: {
      text: `Open ${project.name}'s Customers page, click Add customers and add the missing users (or add them to an organization associated with ${project.key}).`,
      url: siteLinks(baseUrl).customers(project.key),
    },
    docs: { text: 'Atlassian\'s guide to adding customers', url: DOCS.customers },
  };
}

export const custCoverage: ProjectCheck = {
  meta: {
    id: 'CUST-COVERAGE',
    title: 'Every end user is a customer',
    failureTitle: 'Some end users are not customers',
    description:
      'All end users are required to exist as Customers in the Jira Service Desk project in order to create, update and query tickets through the bot. The end users are the active members of the configured end-user group(s); a customer is someone added to the desk one by one or a member of an organization associated with it.',
    severity: 'required',
    group: 'customers',
    scope: 'project',
    docsUrl: DOCS.customers,
  },
  requires: ['endUserGroups', 'customers', 'organizations'],
  evaluate({ snapshot, settings, project }): CheckOutcome {
    const steps = customersSteps(project, snapshot.baseUrl);
    const groups = normaliseGroupNames(settings.endUserGroups);
    if (groups.length === 0) {
      return {
        verdict: 'manual',
        summary: `No end-user group is configured: attest that everyone who will use the bot is a customer of ${project.key}, or set the end-user group(s) to check it.`,
        remediation: [
          { text: 'Set the end-user group(s) in this app\'s Settings (or pass --end-user-group to mw-readiness) so their members are compared with the customers.' },
          steps.page,
          steps.docs,
        ],
      };
    }

    // The runner has made sure every configured group, the customers and the organizations were read.
    const memberLists = groups.map((name) => requiredValue(entryForGroup(snapshot.endUserGroups, name), 'endUserGroups').members);
    const result = coverage(memberLists, requiredValue(project.customers, 'customers'), requiredValue(project.organizations, 'organizations'));
    const how = { coveredIndividually: result.coveredIndividually, coveredThroughOrganizations: result.coveredThroughOrganizations };
    const groupList = groups.join(', ');
    if (result.endUsers === 0) {
      return {
        verdict: 'undecided',
        summary: `The end-user group${groups.length > 1 ? 's' : ''} ${groupList} ${groups.length > 1 ? 'have' : 'has'} no active members, so there is no one to compare with the customers of ${project.key}.`,
        evidence: { groups, endUsers: 0, covered: 0, missing: 0 },
        remediation: [{ text: 'Configure the group(s) whose members will use the bot in Settings.', url: siteLinks(snapshot.baseUrl).groups() }],
      };
    }
    const missing = result.missingUsers.length;
    const throughOrganizations = result.coveredThroughOrganizations.length > 0 ? ` (${howCovered(result)})` : '';
    if (missing === 0) {
      return {
        verdict: 'holds',
        summary: `All ${result.endUsers} end users of ${groupList} are customers of ${project.key}${throughOrganizations}.`,
        evidence: { groups, endUsers: result.endUsers, covered: result.covered, ...how, missing: 0 },
      };
    }
    const coveredPart = throughOrganizations ? ` The ${result.covered} who are: ${howCovered(result)}.` : '';
    return {
      verdict: 'violated',
      summary: `${missing} of ${result.endUsers} end users of ${groupList} are not customers of ${project.key}.${coveredPart}`,
      evidence: {
        groups,
        endUsers: result.endUsers,
        covered: result.covered,
        ...how,
        missing,
        missingUsers: result.missingUsers.slice(0, MISSING_USERS_SHOWN),
      },
      remediation: [
        steps.page,
        steps.docs,
      ],
    };
  },
};
