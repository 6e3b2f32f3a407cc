/**
 * Projects and project roles: project/search, the role list, one role, and adding
 * role actors (the "add the service account to Service Desk Team" fix).
 */
import type { SimProject } from '../model';
import { CAPS, capped, intParam, pageBean } from '../paging';
import { projectBean, projectRoleBean } from '../representations';
import { jiraError, ok } from '../responses';
import { expandSet, isRecord, listParam, stringArray, type Route, type RouteContext } from './route';

function searchProjects(ctx: RouteContext) {
  const startAt = intParam(ctx.query, 'startAt', 0);
  const maxResults = capped(ctx.query, 'maxResults', CAPS.projectSearch.default, CAPS.projectSearch.max);
  const typeKey = ctx.query.get('typeKey');
  const keys = new Set(listParam(ctx.query, 'keys').map((k) => k.toUpperCase()));
  const ids = new Set(listParam(ctx.query, 'id'));
  const text = (ctx.query.get('query') ?? '').toLowerCase();
  const orderBy = ctx.query.get('orderBy') ?? 'key';
  const types = typeKey ? new Set(typeKey.split(',').map((t) => t.trim())) : undefined;
  const matches = ctx.model
    .allProjects()
    .filter((p) => !types || types.has(p.projectTypeKey))
    .filter((p) => keys.size === 0 || keys.has(p.key.toUpperCase()))
    .filter((p) => ids.size === 0 || ids.has(p.id))
    .filter((p) => !text || p.key.toLowerCase().includes(text) || p.name.toLowerCase().includes(text));
  const field = orderBy.replace(/^[+-]/, '') === 'name' ? 'name' : 'key';
  const descending = orderBy.startsWith('-');
  const sorted = [...matches].sort((a, b) => a[field].localeCompare(b[field]) * (descending ? -1 : 1));
  const page = pageBean(sorted, startAt, maxResults, ctx.baseUrl, ctx.path, ctx.query);
  const expand = expandSet(ctx.query);
  return ok({ ...page, values: page.values.map((p) => projectBean(ctx.model, ctx.baseUrl, p, expand, ctx.caller)) });
}

/** Jira reads project roles only for project administrators and answers 404 otherwise (official document). */
function administeredProject(ctx: RouteContext): SimProject | ReturnType<typeof jiraError> {
  const key = ctx.params.projectIdOrKey!;
  const project = ctx.model.project(key);
  if (!project) return jiraError(404, `No project could be found with key '${key}'.`);
  if (!ctx.model.isProjectAdmin(ctx.caller.accountId, project)) {
    return jiraError(404, `No project could be found with key '${key}' or you do not have permission to administer it.`);
  }
  return project;
}

function isProject(value: SimProject | ReturnType<typeof jiraError>): value is SimProject {
  return 'roles' in value;
}

function listRoles(ctx: RouteContext) {
  const project = administeredProject(ctx);
  if (!isProject(project)) return project;
  const body: Record<string, string> = {};
  for (const role of project.roles) body[role.name] = `${ctx.baseUrl}/rest/api/3/project/${project.id}/role/${role.id}`;
  return ok(body);
}

function findRole(ctx: RouteContext, project: SimProject) {
  const raw = ctx.params.id!;
  if (!/^\d+$/.test(raw)) return jiraError(400, `The project role id '${raw}' is not valid.`);
  const role = project.roles.find((r) => r.id === Number(raw));
  if (!role) return jiraError(404, `Can not retrieve a role actor for a null project role.`);
  return role;
}

function getRole(ctx: RouteContext) {
  const project = administeredProject(ctx);
  if (!isProject(project)) return project;
  const role = findRole(ctx, project);
  if ('status' in role) return role;
  const bean = projectRoleBean(ctx.model, ctx.baseUrl, project, role);
  if (ctx.query.get('excludeInactiveUsers') !== 'true') return ok(bean);
  return ok({ ...bean, actors: bean.actors?.filter((a) => !a.actorUser?.accountId || ctx.model.user(a.actorUser.accountId)?.active !== false) });
}

/** Adds users (accountIds) and groups (ids or names); a duplicate is a 400, as in Jira. */
function addActors(ctx: RouteContext) {
  const key = ctx.params.projectIdOrKey!;
  const project = ctx.model.project(key);
  if (!project) return jiraError(404, `No project could be found with key '${key}'.`);
  if (!ctx.model.isProjectAdmin(ctx.caller.accountId, project)) return jiraError(403, 'You cannot edit the configuration of this project.');
  const role = findRole(ctx, project);
  if ('status' in role) return role;
  if (!isRecord(ctx.body)) return jiraError(400, 'The request body is not valid.');
  const users = stringArray(ctx.body.user);
  const groupIds = stringArray(ctx.body.groupId);
  const groupNames = stringArray(ctx.body.group);
  if (users === undefined && ctx.body.user !== undefined) return jiraError(400, 'user must be a list of account IDs.');
  if ((groupIds === undefined && ctx.body.groupId !== undefined) || (groupNames === undefined && ctx.body.group !== undefined)) {
    return jiraError(400, 'group and groupId must be lists.');
  }
  if (!users?.length && !groupIds?.length && !groupNames?.length) return jiraError(400, 'You must specify at least one user or group to add.');

  const toAdd: ({ type: 'user'; accountId: string } | { type: 'group'; groupId: string })[] = [];
  for (const accountId of users ?? []) {
    const user = ctx.model.user(accountId);
    if (!user || !user.active) return jiraError(404, `We couldn't find the user with account ID '${accountId}'.`);
    if (role.actors.some((a) => a.type === 'user' && a.accountId === accountId)) {
      return jiraError(400, `'${user.displayName}' is already a member of the project role.`);
    }
    toAdd.push({ type: 'user', accountId });
  }
  const groups = [...(groupIds ?? []).map((id) => ({ given: id, group: ctx.model.group(id) })), ...(groupNames ?? []).map((name) => ({ given: name, group: ctx.model.groupByName(name) }))];
  for (const { given, group } of groups) {
    if (!group) return jiraError(404, `Group '${given}' does not exist.`);
    if (role.actors.some((a) => a.type === 'group' && a.groupId === group.groupId)) {
      return jiraError(400, `'${group.name}' is already a member of the project role.`);
    }
    toAdd.push({ type: 'group', groupId: group.groupId });
  }
  for (const actor of toAdd) ctx.model.addRoleActor(project, role.id, actor);
  return ok(projectRoleBean(ctx.model, ctx.baseUrl, project, role));
}

export const projectRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/project/search', api: 'platform', handle: searchProjects },
  { method: 'GET', template: '/rest/api/3/project/{projectIdOrKey}/role', api: 'platform', handle: listRoles },
  { method: 'GET', template: '/rest/api/3/project/{projectIdOrKey}/role/{id}', api: 'platform', handle: getRole },
  { method: 'POST', template: '/rest/api/3/project/{projectIdOrKey}/role/{id}', api: 'platform', handle: addActors },
];
