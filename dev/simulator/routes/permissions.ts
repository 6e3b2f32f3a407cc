/**
 * Permission answers the app's server-side authorisation relies on:
 * GET /mypermissions and POST /permissions/check, decided from the model
 * (site admins by group, project admins by the 'Administrators' role), and
 * who may see an issue (what notify filters its recipients by).
 */
import type { components as Platform } from '../../../src/jira/generated/jira-platform';
import type { SiteModel, SimIssue, SimProject, SimUser } from '../model';
import { jiraError, jiraFieldErrors, ok } from '../responses';
import { isRecord, type Route, type RouteContext } from './route';

type P = Platform['schemas'];

interface PermissionDef {
  id: string;
  name: string;
  type: 'GLOBAL' | 'PROJECT';
  description: string;
}

export const PERMISSIONS: Record<string, PermissionDef> = {
  ADMINISTER: { id: '0', name: 'Administer Jira', type: 'GLOBAL', description: 'Create and administer projects, issue types, fields, workflows, and schemes for all projects.' },
  SYSTEM_ADMIN: { id: '44', name: 'Jira System Administrators', type: 'GLOBAL', description: 'Ability to perform most administration functions (excluding Import & Export, SMTP Configuration, etc.).' },
  USER_PICKER: { id: '27', name: 'Browse users and groups', type: 'GLOBAL', description: 'View and select users or groups from the user picker, and share issues.' },
  ADMINISTER_PROJECTS: { id: '23', name: 'Administer Projects', type: 'PROJECT', description: 'Ability to administer a project in Jira.' },
  BROWSE_PROJECTS: { id: '10', name: 'Browse Projects', type: 'PROJECT', description: 'Ability to browse projects and the issues within them.' },
  CREATE_ISSUES: { id: '11', name: 'Create Issues', type: 'PROJECT', description: 'Ability to create issues.' },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.' },
  TRANSITION_ISSUES: { id: '46', name: 'Transition Issues', type: 'PROJECT', description: 'Ability to transition issues.' },
  SERVICEDESK_AGENT: { id: '10400', name: 'Service Desk Agent', type: 'PROJECT', description: 'Allows users to interact with customers and access Jira Service Management features of a project.' },
};

export function hasGlobal(model: SiteModel, user: SimUser, key: string): boolean {
  switch (key) {
    case 'ADMINISTER':
    case 'SYSTEM_ADMIN':
      return model.isSiteAdmin(user.accountId);
    case 'USER_PICKER':
      return model.canBrowseUsers(user.accountId);
    default:
      return false;
  }
}

export function hasProject(model: SiteModel, user: SimUser, key: string, project: SimProject): boolean {
  switch (key) {
    case 'ADMINISTER_PROJECTS':
      return model.isProjectAdmin(user.accountId, project);
    case 'SERVICEDESK_AGENT':
      return project.serviceDeskId !== undefined && model.isAgent(user.accountId, project);
    case 'BROWSE_PROJECTS':
    case 'CREATE_ISSUES':
      return user.accountType === 'atlassian' || model.isCustomer(project.id, user.accountId);
    case 'EDIT_ISSUES':
    case 'TRANSITION_ISSUES':
      return user.accountType === 'atlassian' && (project.serviceDeskId === undefined || model.isAgent(user.accountId, project));
    default:
      return false;
  }
}

/**
 * Whether a user may see one issue. A service desk's issues are seen by its agents
 * (Service Desk Team, Administrators, site admins) and, through the portal, by the
 * request's own reporter; other staff and customers do not see an issue the app
 * creates there. Elsewhere Browse Projects on the project decides. This is the rule
 * notify applies to its recipients and permissions/check answers for `issues`.
 */
export function canBrowseIssue(model: SiteModel, user: SimUser, issue: SimIssue): boolean {
  const project = model.project(issue.projectId);
  if (!project || !user.active || !hasProject(model, user, 'BROWSE_PROJECTS', project)) return false;
  if (project.serviceDeskId === undefined) return true;
  return model.isAgent(user.accountId, project) || issue.reporterAccountId === user.accountId;
}

function myPermissions(ctx: RouteContext) {
  const keys = (ctx.query.get('permissions') ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (keys.length === 0) return jiraError(400, 'The permissions query parameter is required.');
  const unknown = keys.find((k) => !PERMISSIONS[k]);
  if (unknown) return jiraError(400, `The permission key '${unknown}' is not valid.`);
  const projectRef = ctx.query.get('projectKey') ?? ctx.query.get('projectId');
  let project: SimProject | undefined;
  if (projectRef) {
    project = ctx.model.project(projectRef);
    if (!project) return jiraError(404, `No project could be found with key '${projectRef}'.`);
  }
  const permissions: Record<string, P['UserPermission']> = {};
  for (const key of keys) {
    const def = PERMISSIONS[key]!;
    let have: boolean;
    if (def.type === 'GLOBAL') have = hasGlobal(ctx.model, ctx.caller, key);
    // Without a project, Jira answers whether the user has it in at least one project.
    else if (project) have = hasProject(ctx.model, ctx.caller, key, project);
    else have = ctx.model.allProjects().some((p) => hasProject(ctx.model, ctx.caller, key, p));
    permissions[key] = { id: def.id, key, name: def.name, type: def.type, description: def.description, havePermission: have };
  }
  return ok({ permissions });
}

/** POST /permissions/check: "A maximum of 1000 projects and 1000 issues can be checked." */
export const MAX_IDS_PER_CHECK = 1000;

function checkPermissions(ctx: RouteContext) {
  if (!isRecord(ctx.body)) return jiraError(400, 'The request body is not valid.');
  const { accountId, globalPermissions, projectPermissions } = ctx.body;
  let subject = ctx.caller;
  if (accountId !== undefined) {
    if (typeof accountId !== 'string') return jiraError(400, 'accountId must be a string.');
    // Asking about someone else needs Administer Jira.
    if (accountId !== ctx.caller.accountId && !ctx.model.isSiteAdmin(ctx.caller.accountId)) {
      return jiraError(403, 'Only Jira administrators can perform this operation.');
    }
    const other = ctx.model.user(accountId);
    if (!other) return jiraError(400, `The user with account ID '${accountId}' does not exist.`);
    subject = other;
  }
  const globals = Array.isArray(globalPermissions) ? globalPermissions : [];
  const errors: Record<string, string> = {};
  for (const key of globals) if (typeof key !== 'string' || PERMISSIONS[key]?.type !== 'GLOBAL') errors[String(key)] = 'Unrecognized permission';
  const projectRequests = Array.isArray(projectPermissions) ? projectPermissions : [];
  for (const request of projectRequests) {
    if (!isRecord(request) || !Array.isArray(request.permissions) || request.permissions.length === 0) {
      return jiraError(400, 'projectPermissions needs at least one permission.');
    }
    for (const key of request.permissions) if (typeof key !== 'string' || PERMISSIONS[key]?.type !== 'PROJECT') errors[String(key)] = 'Unrecognized permission';
  }
  if (Object.keys(errors).length > 0) return jiraFieldErrors(400, errors);
  // "A maximum of 1000 projects and 1000 issues can be checked": Jira counts the valid ids; the
  // simulator counts every id given, the stricter reading, so a caller must split its requests.
  const distinct = (field: 'projects' | 'issues') =>
    new Set((projectRequests as Record<string, unknown>[]).flatMap((r) => (Array.isArray(r[field]) ? (r[field] as unknown[]) : []).filter((id) => id !== null))).size;
  if (distinct('projects') > MAX_IDS_PER_CHECK || distinct('issues') > MAX_IDS_PER_CHECK) {
    return jiraError(400, `A maximum of ${MAX_IDS_PER_CHECK} projects and ${MAX_IDS_PER_CHECK} issues can be checked.`);
  }

  const grantedGlobal = [...new Set(globals as string[])].filter((key) => hasGlobal(ctx.model, subject, key));
  const grants = new Map<string, { projects: Set<number>; issues: Set<number> }>();
  for (const request of projectRequests as Record<string, unknown>[]) {
    const projectIds = Array.isArray(request.projects) ? (request.projects as unknown[]) : [];
    const issueIds = Array.isArray(request.issues) ? (request.issues as unknown[]) : [];
    for (const key of request.permissions as string[]) {
      const granted = grants.get(key) ?? { projects: new Set<number>(), issues: new Set<number>() };
      for (const id of projectIds) {
        const project = ctx.model.project(String(id));
        if (project && hasProject(ctx.model, subject, key, project)) granted.projects.add(Number(project.id));
      }
      // Invalid issue IDs are ignored, as documented; an issue is granted only to someone who can see it.
      for (const id of issueIds) {
        const issue = typeof id === 'number' ? ctx.model.issue(String(id)) : undefined;
        const project = issue ? ctx.model.project(issue.projectId) : undefined;
        if (issue && project && canBrowseIssue(ctx.model, subject, issue) && hasProject(ctx.model, subject, key, project)) granted.issues.add(Number(issue.id));
      }
      grants.set(key, granted);
    }
  }
  const body: P['BulkPermissionGrants'] = {
    globalPermissions: grantedGlobal,
    projectPermissions: [...grants]
      .filter(([, g]) => g.projects.size > 0 || g.issues.size > 0)
      .map(([permission, g]) => ({ permission, projects: [...g.projects], issues: [...g.issues] })),
  };
  return ok(body);
}

export const permissionRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/mypermissions', api: 'platform', handle: myPermissions },
  { method: 'POST', template: '/rest/api/3/permissions/check', api: 'platform', handle: checkPermissions },
];
