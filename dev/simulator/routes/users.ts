/**
 * Site, users and groups: serverInfo, myself, user, user/search, user/groups,
 * group/member, groups/picker.
 */
import type { components as Platform } from '../../../src/jira/generated/jira-platform';
import type { SimGroup, SimUser } from '../model';
import { CAPS, capped, intParam, pageBean } from '../paging';
import { userBean, userDetails } from '../representations';
import { jiraError, ok } from '../responses';
import { expandSet, type Route, type RouteContext } from './route';

type P = Platform['schemas'];

const BROWSE_USERS_DENIED = 'You do not have the permission to see the specified user.';

/** The "Browse users and groups" global permission, which every user operation here requires. */
function canBrowseUsers(ctx: RouteContext): boolean {
  return ctx.model.canBrowseUsers(ctx.caller.accountId);
}

function serverInfo(ctx: RouteContext) {
  const now = ctx.now();
  const body: P['ServerInformation'] = {
    baseUrl: ctx.baseUrl,
    displayUrl: ctx.baseUrl,
    displayUrlServicedeskHelpCenter: `${ctx.baseUrl}/servicedesk/customer/portals`,
    version: '1001.0.0-SNAPSHOT',
    versionNumbers: [1001, 0, 0],
    deploymentType: 'Cloud',
    buildNumber: 100282,
    buildDate: '2026-11-25T06:12:31.000+0000',
    serverTime: now.toISOString().replace('Z', '+0000'),
    scmInfo: '6d5e8f0c2b1a9e7d4c3b2a1f0e9d8c7b6a5f4e3d',
    serverTitle: ctx.model.settings.title,
    serverTimeZone: ctx.model.settings.serverTimeZone,
  };
  return ok(body);
}

function myself(ctx: RouteContext) {
  return ok(userBean(ctx.model, ctx.baseUrl, ctx.caller, ctx.caller, expandSet(ctx.query)));
}

function getUser(ctx: RouteContext) {
  if (!canBrowseUsers(ctx)) return jiraError(403, BROWSE_USERS_DENIED);
  const accountId = ctx.query.get('accountId');
  if (!accountId) return jiraError(400, 'The accountId query parameter needs to be provided.');
  const user = ctx.model.user(accountId);
  if (!user) return jiraError(404, `Specified user does not exist or you do not have required permissions`);
  return ok(userBean(ctx.model, ctx.baseUrl, user, ctx.caller, expandSet(ctx.query)));
}

/** Jira matches the start of the display name's words and the e-mail; a hidden e-mail only when typed in full. */
export function userMatches(user: SimUser, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return false;
  if (user.displayName.toLowerCase().startsWith(q)) return true;
  if (user.displayName.toLowerCase().split(/\s+/).some((word) => word.startsWith(q))) return true;
  if (!user.email) return false;
  const email = user.email.toLowerCase();
  return user.emailHidden ? email === q : email.startsWith(q);
}

/**
 * Jira documents this search as returning active users only, and empty results (not an
 * error) to callers without Browse users and groups: an empty answer alone never
 * proves that an account does not exist.
 */
function searchUsers(ctx: RouteContext) {
  const query = ctx.query.get('query');
  const accountId = ctx.query.get('accountId');
  if (!query && !accountId && !ctx.query.get('property')) return jiraError(400, 'One of the query parameters: query, accountId or property is required.');
  if (query && accountId) return jiraError(400, 'The query and accountId parameters cannot be used together.');
  if (!canBrowseUsers(ctx)) return ok([]);
  const startAt = intParam(ctx.query, 'startAt', 0);
  const maxResults = capped(ctx.query, 'maxResults', CAPS.userSearch.default, CAPS.userSearch.max);
  let matches: SimUser[];
  if (accountId) {
    const user = ctx.model.user(accountId);
    matches = user?.active ? [user] : [];
  } else {
    matches = [];
    for (const user of ctx.model.allUsers()) if (user.active && userMatches(user, query ?? '')) matches.push(user);
    matches.sort((a, b) => a.displayName.localeCompare(b.displayName));
  }
  const page = matches.slice(startAt, startAt + maxResults);
  return ok(page.map((user) => userBean(ctx.model, ctx.baseUrl, user, ctx.caller, new Set())));
}

function userGroups(ctx: RouteContext) {
  if (!canBrowseUsers(ctx)) return jiraError(403, BROWSE_USERS_DENIED);
  const accountId = ctx.query.get('accountId');
  const user = accountId ? ctx.model.user(accountId) : undefined;
  if (!user) return jiraError(404, `Specified user does not exist or you do not have required permissions`);
  return ok(ctx.model.groupsOf(user.accountId).map((g) => ({ name: g.name, groupId: g.groupId, self: `${ctx.baseUrl}/rest/api/3/group?groupId=${encodeURIComponent(g.groupId)}` })));
}

function findGroup(ctx: RouteContext): SimGroup | undefined {
  const groupId = ctx.query.get('groupId');
  if (groupId) return ctx.model.group(groupId);
  const name = ctx.query.get('groupname');
  return name ? ctx.model.groupByName(name) : undefined;
}

function groupMembers(ctx: RouteContext) {
  if (!ctx.query.get('groupId') && !ctx.query.get('groupname')) return jiraError(400, 'You must specify a group name or group id.');
  // "This parameter cannot be used with the groupName parameter": the stricter reading refuses the pair.
  if (ctx.query.get('groupId') && ctx.query.get('groupname')) return jiraError(400, 'You cannot specify both a group name and a group id.');
  // The official document says members are listed to Jira administrators only.
  if (!ctx.model.isSiteAdmin(ctx.caller.accountId)) return jiraError(403, 'You do not have the permission to view the members of this group.');
  const group = findGroup(ctx);
  if (!group) return jiraError(404, `Group not found.`);
  const includeInactive = ctx.query.get('includeInactiveUsers') === 'true';
  const members: SimUser[] = [];
  for (const id of ctx.model.groupMembers(group.groupId)) {
    const user = ctx.model.user(id)!;
    if (includeInactive || user.active) members.push(user);
  }
  const startAt = intParam(ctx.query, 'startAt', 0);
  const maxResults = capped(ctx.query, 'maxResults', CAPS.groupMember.default, CAPS.groupMember.max);
  const page = pageBean(members, startAt, maxResults, ctx.baseUrl, ctx.path, ctx.query);
  return ok({ ...page, values: page.values.map((user) => userDetails(ctx.model, ctx.baseUrl, user, ctx.caller)) });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The picker highlights the matched part in `html`, escaping the rest as Jira does. */
function highlight(name: string, query: string): string {
  const at = query ? name.toLowerCase().indexOf(query.toLowerCase()) : -1;
  if (at < 0) return escapeHtml(name);
  return `${escapeHtml(name.slice(0, at))}<b>${escapeHtml(name.slice(at, at + query.length))}</b>${escapeHtml(name.slice(at + query.length))}`;
}

function groupsPicker(ctx: RouteContext) {
  const query = ctx.query.get('query') ?? '';
  const exclude = new Set([...ctx.query.getAll('exclude')].map((e) => e.toLowerCase()));
  const excludeIds = new Set(ctx.query.getAll('excludeId'));
  const maxResults = capped(ctx.query, 'maxResults', CAPS.groupsPicker.default, CAPS.groupsPicker.max);
  const accountId = ctx.query.get('accountId');
  // Jira matches the case as typed unless the caller asks otherwise, so "All" does not find all-employees.
  const caseInsensitive = ctx.query.get('caseInsensitive') === 'true';
  // Without "Browse users and groups" only a query naming a group exactly finds anything.
  const mayBrowse = canBrowseUsers(ctx);
  const matches = [...ctx.model.allGroups()]
    .filter((g) => (mayBrowse ? (caseInsensitive ? g.name.toLowerCase().includes(query.toLowerCase()) : g.name.includes(query)) : g.name === query))
    .filter((g) => !exclude.has(g.name.toLowerCase()) && !excludeIds.has(g.groupId))
    .filter((g) => !accountId || ctx.model.isMember(accountId, g.groupId))
    .sort((a, b) => a.name.localeCompare(b.name));
  const shown = matches.slice(0, maxResults);
  const body: P['FoundGroups'] = {
    header: `Showing ${shown.length} of ${matches.length} matching groups`,
    total: matches.length,
    groups: shown.map((g) => ({ name: g.name, groupId: g.groupId, html: highlight(g.name, query), labels: [] })),
  };
  return ok(body);
}

export const userRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/serverInfo', api: 'platform', handle: serverInfo },
  { method: 'GET', template: '/rest/api/3/myself', api: 'platform', handle: myself },
  { method: 'GET', template: '/rest/api/3/user', api: 'platform', handle: getUser },
  { method: 'GET', template: '/rest/api/3/user/search', api: 'platform', handle: searchUsers },
  { method: 'GET', template: '/rest/api/3/user/groups', api: 'platform', handle: userGroups },
  { method: 'GET', template: '/rest/api/3/group/member', api: 'platform', handle: groupMembers },
  { method: 'GET', template: '/rest/api/3/groups/picker', api: 'platform', handle: groupsPicker },
];

