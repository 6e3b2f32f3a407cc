/**
 * Product access: GET /applicationrole/{key} (which groups grant a product, and
 * which are its default groups) and POST /group/user (add an account to a group).
 * Both are for administrators only: reading a role needs Administer Jira, and
 * adding to a group needs site administration, so a Jira admin who is not a site
 * admin is refused too. In the simulated sites every admin group is both.
 */
import type { components as Platform } from '../../../src/jira/generated/jira-platform';
import type { ApplicationRoleDef, SimGroup } from '../model';
import { jiraError, jiraFieldErrors, ok } from '../responses';
import { isRecord, type Route, type RouteContext } from './route';

type P = Platform['schemas'];

export const NOT_AN_ADMIN = 'You are not authorized to perform this action. Administrator privileges are required.';
export const NOT_A_SITE_ADMIN = 'You do not have permission to add users to groups. Only site administrators can manage group membership.';

function groupName(ctx: RouteContext, group: SimGroup): P['GroupName'] {
  return { groupId: group.groupId, name: group.name, self: `${ctx.baseUrl}/rest/api/3/group?groupId=${group.groupId}` };
}

function roleBean(ctx: RouteContext, role: ApplicationRoleDef): P['ApplicationRole'] {
  const groups = role.groupIds.map((id) => ctx.model.group(id)).filter((g): g is SimGroup => g !== undefined);
  const defaults = (role.defaultGroupIds ?? role.groupIds).map((id) => ctx.model.group(id)).filter((g): g is SimGroup => g !== undefined);
  const users = new Set(groups.flatMap((g) => ctx.model.groupMembers(g.groupId)));
  return {
    key: role.key,
    name: role.name,
    groups: groups.map((g) => g.name),
    groupDetails: groups.map((g) => groupName(ctx, g)),
    defaultGroups: defaults.map((g) => g.name),
    defaultGroupsDetails: defaults.map((g) => groupName(ctx, g)),
    selectedByDefault: false,
    defined: false,
    numberOfSeats: 100,
    remainingSeats: 100 - users.size,
    userCount: users.size,
    userCountDescription: `${users.size} agents`,
    hasUnlimitedSeats: false,
    platform: false,
  };
}

function applicationRole(ctx: RouteContext) {
  if (!ctx.model.isSiteAdmin(ctx.caller.accountId)) return jiraError(403, NOT_AN_ADMIN);
  const role = ctx.model.applicationRole(ctx.params.key!);
  if (!role) return jiraError(404, `The application role with key '${ctx.params.key}' does not exist.`);
  return ok(roleBean(ctx, role));
}

function addUserToGroup(ctx: RouteContext) {
  const groupId = ctx.query.get('groupId');
  const name = ctx.query.get('groupname');
  if (groupId && name) return jiraError(400, 'You must specify only one of groupname or groupId.');
  if (!groupId && !name) return jiraError(400, 'You must specify a group name or group id.');
  const accountId = isRecord(ctx.body) && typeof ctx.body.accountId === 'string' ? ctx.body.accountId.trim() : '';
  if (!accountId) return jiraFieldErrors(400, { accountId: 'You must specify the accountId of the user to add.' });
  if (!ctx.model.isSiteAdmin(ctx.caller.accountId)) return jiraError(403, NOT_A_SITE_ADMIN);
  const group = groupId ? ctx.model.group(groupId) : ctx.model.groupByName(name!);
  if (!group) return jiraError(404, 'Group not found.');
  const user = ctx.model.user(accountId);
  if (!user) return jiraError(404, `User with accountId '${accountId}' does not exist.`);
  // Jira refuses a second add of the same member rather than ignoring it.
  if (ctx.model.isMember(accountId, group.groupId)) return jiraError(400, `Cannot add user. User is already a member of '${group.name}'.`);
  ctx.model.addToGroup(group.groupId, [accountId]);
  const body: P['Group'] = { name: group.name, groupId: group.groupId, self: `${ctx.baseUrl}/rest/api/3/group?groupId=${group.groupId}` };
  return ok(body, 201);
}

export const groupWriteRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/applicationrole/{key}', api: 'platform', handle: applicationRole },
  { method: 'POST', template: '/rest/api/3/group/user', api: 'platform', handle: addUserToGroup },
];
