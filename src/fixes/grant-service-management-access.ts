/**
 * Fix for SA-PRODUCT-ACCESS: give the service account Jira Service Management by
 * adding it to a group that grants the product. Which groups those are is Jira's
 * answer, not a name the app assumes: GET /applicationrole/jira-servicedesk lists the
 * role's groups and its default groups, and the account goes into the first default
 * group. Adding to a group is for site admins only (POST /group/user), so any other
 * caller gets a blocker naming who can, and where.
 */
import type { components as Platform } from '../jira/generated/jira-platform';
import type { JiraClient } from '../jira/jira-client';
import { SERVICE_DESK_ROLE_KEY } from '../requirements/service-account/sa-product-access';
import { accountLabel, lookupServiceAccount } from '../requirements/service-account/service-account-found';
import type { ChangeResult, FixBlocker } from '../shared/fix-model';
import type { Fix, FixPlan, PlannedChange } from './fix';
import { writeFailure } from './jira-words';

export const GRANT_SERVICE_MANAGEMENT_ACCESS = 'grant-service-management-access';
export const APPLICATION_ROLE = '/rest/api/3/applicationrole/{key}';
export const GROUP_USER = '/rest/api/3/group/user';
export const USER_GROUPS = '/rest/api/3/user/groups';
export const ADMIN_CONSOLE = 'https://admin.atlassian.com';

type ApplicationRole = Platform['schemas']['ApplicationRole'];
type GroupName = Platform['schemas']['GroupName'];

export interface ProductAccessPayload {
  roleKey: string;
  accountId: string;
  accountName: string;
}

export const SITE_ADMIN_ONLY: FixBlocker = {
  reason: 'Only a site admin can give an account product access: Jira lets site admins alone add people to the groups that grant it.',
  who: 'a site admin (Atlassian Administration > Directory > Users > Grant access)',
  link: ADMIN_CONSOLE,
};

export const grantServiceManagementAccess: Fix = {
  meta: {
    id: GRANT_SERVICE_MANAGEMENT_ACCESS,
    title: 'Give the service account Jira Service Management access',
    description:
      'Adds the Moveworks service account to the group Jira names as the default group of Jira Service Management, so it holds an agent licence. Jira records the change as made by you; it uses one agent seat.',
    resolves: ['SA-PRODUCT-ACCESS'],
    scope: 'site',
    permission: 'site-admin',
    scopes: ['manage:jira-configuration'],
    itemVerb: 'added',
  },
  requires: ['serviceAccount'],
  // The account's groups and application roles.
  changes: ['serviceAccount'],

  plan({ snapshot, settings, caller }): FixPlan {
    const plan: FixPlan = { fixId: GRANT_SERVICE_MANAGEMENT_ACCESS, changes: [], blockers: [] };
    const lookup = lookupServiceAccount(snapshot, settings);
    if (!lookup.found) {
      plan.blockers.push({ reason: `The service account cannot be given access: ${lookup.reason}. SA-EXISTS says what to do first.` });
      return plan;
    }
    const account = lookup.account;
    if (account.applicationRoles.some((r) => r.key === SERVICE_DESK_ROLE_KEY)) return plan;
    if (!caller.isSiteAdmin) {
      plan.blockers.push(SITE_ADMIN_ONLY);
      return plan;
    }
    const who = accountLabel(account);
    const payload: ProductAccessPayload = { roleKey: SERVICE_DESK_ROLE_KEY, accountId: account.accountId, accountName: who };
    plan.changes.push({
      id: `product-access:${SERVICE_DESK_ROLE_KEY}:${account.accountId}`,
      summary: `Add ${who} to the default group of Jira Service Management`,
      target: { kind: 'application-role', id: SERVICE_DESK_ROLE_KEY, name: 'Jira Service Management' },
      // Product access is site-wide: every desk the run read is reached.
      reach: { projects: snapshot.projects.map((p) => ({ key: p.key, name: p.name })) },
      items: 1,
      payload,
    });
    plan.summary = `Give ${who} Jira Service Management access`;
    return plan;
  },

  async apply(change: PlannedChange, client: JiraClient): Promise<ChangeResult> {
    const p = change.payload as ProductAccessPayload;
    const item = (outcome: 'done' | 'unchanged' | 'failed', message?: string, name?: string) => [{ id: p.accountId, name: name ?? p.accountName, outcome, ...(message ? { message } : {}) }];
    try {
      const role = await client.get<ApplicationRole>(APPLICATION_ROLE, { path: { key: p.roleKey } });
      const granting = groupsOf(role?.groupDetails, role?.groups);
      const defaults = groupsOf(role?.defaultGroupsDetails, role?.defaultGroups);
      const mine = await client.get<GroupName[]>(USER_GROUPS, { query: { accountId: p.accountId } });
      const holding = (mine ?? []).find((g) => granting.some((r) => sameGroup(r, g)));
      if (holding) {
        const message = `${p.accountName} is already in ${holding.name}, which grants ${role?.name ?? 'the product'}.`;
        return { changeId: change.id, outcome: 'unchanged', message, itemsDone: 0, items: item('unchanged') };
      }
      const target = defaults[0] ?? granting[0];
      if (!target) {
        const message = `Jira names no group that grants ${role?.name ?? p.roleKey}; give access in Atlassian Administration instead.`;
        return { changeId: change.id, outcome: 'refused', message, itemsDone: 0, itemsFailed: 1, items: item('failed', message) };
      }
      const query = target.groupId ? { groupId: target.groupId } : { groupname: target.name ?? '' };
      await client.post(GROUP_USER, { accountId: p.accountId }, { query });
      return { changeId: change.id, outcome: 'applied', message: `Added ${p.accountName} to ${target.name ?? target.groupId}.`, itemsDone: 1, itemsFailed: 0, items: item('done') };
    } catch (error) {
      const failure = writeFailure(error);
      if (failure.status === 400 && /already a member/i.test(failure.message)) {
        return { changeId: change.id, outcome: 'unchanged', message: failure.message, itemsDone: 0, items: item('unchanged', failure.message) };
      }
      return { changeId: change.id, outcome: failure.outcome, message: failure.message, itemsDone: 0, itemsFailed: 1, items: item('failed', failure.message) };
    }
  },
};

/** A role's groups by id where Jira gave ids (names can change), else by name. */
function groupsOf(details: GroupName[] | undefined, names: string[] | undefined): GroupName[] {
  if (details && details.length > 0) return details;
  return (names ?? []).map((name) => ({ name }));
}

function sameGroup(a: GroupName, b: GroupName): boolean {
  if (a.groupId && b.groupId) return a.groupId === b.groupId;
  return (a.name ?? '').toLowerCase() === (b.name ?? '').toLowerCase();
}
