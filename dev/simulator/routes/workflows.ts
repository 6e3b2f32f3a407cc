/**
 * Workflows and screens: workflow scheme associations, POST /workflows (by name,
 * id, or project + issue type, which is how team-managed workflows are found),
 * /workflows/search, the projects and issue types using a workflow (cursor-paged),
 * and screen tabs and their fields.
 */
import type { components as Platform } from '../../../src/jira/generated/jira-platform';
import type { JiraWorkflow } from '../../../src/gather/snapshot';
import type { SimProject, SimWorkflowScheme } from '../model';
import { CAPS, capped, intParam, pageUrl } from '../paging';
import { jiraError, jiraFieldErrors, ok } from '../responses';
import { expandSet, isRecord, listParam, stringArray, type Route, type RouteContext } from './route';

type P = Platform['schemas'];

const ADMIN_ONLY_SCHEMES = 'Only Jira administrators can access workflow scheme associations.';

function schemeBean(ctx: RouteContext, scheme: SimWorkflowScheme): P['WorkflowScheme'] {
  return {
    id: scheme.id,
    name: scheme.name,
    description: scheme.description,
    defaultWorkflow: scheme.defaultWorkflow,
    issueTypeMappings: { ...scheme.issueTypeMappings },
    self: `${ctx.baseUrl}/rest/api/3/workflowscheme/${scheme.id}`,
  };
}

function schemeAssociations(ctx: RouteContext) {
  const ids = listParam(ctx.query, 'projectId');
  if (ids.length === 0) return jiraFieldErrors(400, { projectId: 'The ID of a project has to be provided.' });
  if (ids.length > 100) return jiraFieldErrors(400, { projectId: 'A maximum of 100 project IDs can be provided.' });
  if (!ctx.model.isSiteAdmin(ctx.caller.accountId)) return jiraError(403, ADMIN_ONLY_SCHEMES);
  const byScheme = new Map<number, string[]>();
  for (const id of ids) {
    const project = ctx.model.project(id);
    // Team-managed projects have no workflow scheme: Jira leaves them out.
    if (!project || project.id !== id || project.style === 'next-gen' || project.workflowSchemeId === undefined) continue;
    const list = byScheme.get(project.workflowSchemeId) ?? [];
    list.push(project.id);
    byScheme.set(project.workflowSchemeId, list);
  }
  const values: P['WorkflowSchemeAssociations'][] = [];
  for (const [schemeId, projectIds] of byScheme) {
    const scheme = ctx.model.workflowScheme(schemeId);
    if (scheme) values.push({ projectIds, workflowScheme: schemeBean(ctx, scheme) });
  }
  return ok({ values });
}

/** Site admins read every workflow; project admins the team-managed ones of their projects. */
function canRead(ctx: RouteContext, workflow: JiraWorkflow): boolean {
  if (ctx.model.isSiteAdmin(ctx.caller.accountId)) return true;
  const projectId = workflow.scope?.type === 'PROJECT' ? workflow.scope.project?.id : undefined;
  const project = projectId ? ctx.model.project(projectId) : undefined;
  return project !== undefined && ctx.model.isProjectAdmin(ctx.caller.accountId, project);
}

function readWorkflows(ctx: RouteContext) {
  if (!isRecord(ctx.body)) return jiraError(400, 'The request body is not valid.');
  const names = stringArray(ctx.body.workflowNames);
  const ids = stringArray(ctx.body.workflowIds);
  const pairs = ctx.body.projectAndIssueTypes;
  if ((ctx.body.workflowNames !== undefined && !names) || (ctx.body.workflowIds !== undefined && !ids) || (pairs !== undefined && !Array.isArray(pairs))) {
    return jiraError(400, 'The request body is not valid.');
  }
  const found: JiraWorkflow[] = [];
  const add = (workflow: JiraWorkflow | undefined) => {
    if (workflow && !found.includes(workflow) && canRead(ctx, workflow)) found.push(workflow);
  };
  for (const name of names ?? []) add(ctx.model.workflowByName(name));
  for (const id of ids ?? []) add(ctx.model.workflow(id));
  for (const pair of (pairs as unknown[] | undefined) ?? []) {
    if (!isRecord(pair) || typeof pair.projectId !== 'string' || typeof pair.issueTypeId !== 'string') {
      return jiraError(400, 'projectAndIssueTypes needs projectId and issueTypeId as strings.');
    }
    const project: SimProject | undefined = ctx.model.project(pair.projectId);
    if (!project || project.id !== pair.projectId) return jiraError(400, `The project with ID ${pair.projectId} was not found.`);
    if (!project.issueTypeIds.includes(pair.issueTypeId)) return jiraError(400, `The issue type with ID ${pair.issueTypeId} is not used in project ${pair.projectId}.`);
    add(ctx.model.workflowFor(project, pair.issueTypeId));
  }
  return ok({ workflows: found, statuses: ctx.model.statusesOf(found) });
}

function searchWorkflows(ctx: RouteContext) {
  const startAt = intParam(ctx.query, 'startAt', 0);
  const maxResults = capped(ctx.query, 'maxResults', CAPS.workflowSearch.default, CAPS.workflowSearch.max);
  const text = (ctx.query.get('queryString') ?? '').toLowerCase();
  const scope = ctx.query.get('scope');
  // Like POST /workflows: each caller finds the workflows they may read (admins all of them).
  const all = ctx.model
    .allWorkflows()
    .filter((w) => canRead(ctx, w))
    .filter((w) => !text || (w.name ?? '').toLowerCase().includes(text))
    .filter((w) => !scope || w.scope?.type === scope)
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''));
  const page = all.slice(startAt, startAt + maxResults);
  // Transitions only with expand=values.transitions, as in Jira; the rest is the same object.
  const withTransitions = expandSet(ctx.query).has('values.transitions');
  const values = page.map((w) => (withTransitions ? w : { ...w, transitions: undefined }));
  for (const v of values) if (v.transitions === undefined) delete v.transitions;
  const isLast = startAt + page.length >= all.length;
  const body: P['WorkflowSearchResponse'] = {
    self: pageUrl(ctx.baseUrl, ctx.path, ctx.query, { startAt, maxResults }),
    startAt,
    maxResults,
    total: all.length,
    isLast,
    values,
    statuses: ctx.model.statusesOf(page),
  };
  if (!isLast) body.nextPage = pageUrl(ctx.baseUrl, ctx.path, ctx.query, { startAt: startAt + maxResults, maxResults });
  return ok(body);
}

/** A workflow's usages are admin configuration ("ADMIN" scope); the simulator answers Jira administrators only. */
const ADMIN_ONLY_USAGES = 'Only Jira administrators can see where a workflow is used.';
/** maxResults "Must be an integer between 1 and 200"; the simulator refuses anything else. */
const USAGES_PAGE = { default: 50, max: 200 } as const;

/**
 * One cursor page of `all`: Jira's usages take an opaque nextPageToken (its example is
 * base64 of {"o":2}) and answer one only while more follow. A bad token or maxResults is a 400.
 */
function cursorPage<T>(ctx: RouteContext, all: readonly T[]): { values: T[]; nextPageToken?: string } | ReturnType<typeof jiraError> {
  const rawMax = ctx.query.get('maxResults');
  const maxResults = rawMax === null ? USAGES_PAGE.default : Number(rawMax);
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > USAGES_PAGE.max) return jiraError(400, 'maxResults must be an integer between 1 and 200.');
  const token = ctx.query.get('nextPageToken');
  let offset = 0;
  if (token !== null) {
    try {
      const decoded = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { o?: unknown };
      if (typeof decoded.o !== 'number' || !Number.isInteger(decoded.o) || decoded.o < 0) throw new Error('bad');
      offset = decoded.o;
    } catch {
      return jiraError(400, 'Invalid format of nextPageToken');
    }
  }
  const values = all.slice(offset, offset + maxResults);
  const next = offset + values.length;
  return { values, ...(next < all.length ? { nextPageToken: Buffer.from(JSON.stringify({ o: next })).toString('base64') } : {}) };
}

/** The projects (and their issue types) that run the workflow, through a scheme or a team-managed project's own mapping. */
function usagesOf(ctx: RouteContext, workflow: JiraWorkflow): { project: SimProject; issueTypeIds: string[] }[] {
  return ctx.model
    .allProjects()
    .map((project) => ({ project, issueTypeIds: project.issueTypeIds.filter((t) => ctx.model.workflowFor(project, t) === workflow) }))
    .filter((u) => u.issueTypeIds.length > 0);
}

function usedWorkflow(ctx: RouteContext): JiraWorkflow | ReturnType<typeof jiraError> {
  if (!ctx.model.isSiteAdmin(ctx.caller.accountId)) return jiraError(403, ADMIN_ONLY_USAGES);
  const workflow = ctx.model.workflow(ctx.params.workflowId!);
  if (!workflow) return jiraError(404, `The workflow with ID ${ctx.params.workflowId} was not found.`);
  return workflow;
}

function projectUsages(ctx: RouteContext) {
  const workflow = usedWorkflow(ctx);
  if ('status' in workflow) return workflow;
  const page = cursorPage(ctx, usagesOf(ctx, workflow).map((u) => ({ id: u.project.id })));
  if ('status' in page) return page;
  const body: P['WorkflowProjectUsageDTO'] = { workflowId: workflow.id!, projects: page };
  return ok(body);
}

function issueTypeUsages(ctx: RouteContext) {
  const workflow = usedWorkflow(ctx);
  if ('status' in workflow) return workflow;
  const projectId = ctx.params.projectId!;
  if (!/^\d+$/.test(projectId)) return jiraError(400, `The project ID '${projectId}' is not valid.`);
  const usage = usagesOf(ctx, workflow).find((u) => u.project.id === projectId);
  const page = cursorPage(ctx, (usage?.issueTypeIds ?? []).map((id) => ({ id })));
  if ('status' in page) return page;
  const body: P['WorkflowProjectIssueTypeUsageDTO'] = { workflowId: workflow.id!, projectId, issueTypes: page };
  return ok(body);
}

/**
 * Screens are admin configuration; a project admin may read one by naming their own project
 * (projectKey), "providing that the screen is associated with the project". Screen schemes are
 * not modelled, so the stricter reading admits only screens the project's workflows show.
 */
function canReadScreen(ctx: RouteContext, screenId: number): boolean {
  if (ctx.model.isSiteAdmin(ctx.caller.accountId)) return true;
  const key = ctx.query.get('projectKey');
  const project = key ? ctx.model.project(key) : undefined;
  if (!project || !ctx.model.isProjectAdmin(ctx.caller.accountId, project)) return false;
  return project.issueTypeIds.some((issueTypeId) =>
    (ctx.model.workflowFor(project, issueTypeId)?.transitions ?? []).some((t) => {
      const rule = t.transitionScreen as { parameters?: Record<string, unknown> } | undefined;
      return String(rule?.parameters?.screenId ?? '') === String(screenId);
    }),
  );
}

function findScreen(ctx: RouteContext) {
  const raw = ctx.params.screenId!;
  if (!/^\d+$/.test(raw)) return jiraError(400, `The screen ID '${raw}' is not valid.`);
  if (!canReadScreen(ctx, Number(raw))) return jiraError(403, 'You do not have permission to access screens.');
  const screen = ctx.model.screen(Number(raw));
  if (!screen) return jiraError(404, `The screen with id ${raw} does not exist.`);
  return screen;
}

function screenTabs(ctx: RouteContext) {
  const screen = findScreen(ctx);
  if ('status' in screen) return screen;
  return ok(screen.tabs.map((tab) => ({ id: tab.id, name: tab.name })));
}

function tabFields(ctx: RouteContext) {
  const screen = findScreen(ctx);
  if ('status' in screen) return screen;
  const tab = screen.tabs.find((t) => String(t.id) === ctx.params.tabId);
  if (!tab) return jiraError(404, `The screen tab with id ${ctx.params.tabId} does not exist.`);
  return ok(tab.fields.map((f) => ({ id: f.id, name: f.name })));
}

export const workflowRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/workflowscheme/project', api: 'platform', handle: schemeAssociations },
  { method: 'POST', template: '/rest/api/3/workflows', api: 'platform', handle: readWorkflows },
  { method: 'GET', template: '/rest/api/3/workflows/search', api: 'platform', handle: searchWorkflows },
  { method: 'GET', template: '/rest/api/3/workflow/{workflowId}/projectUsages', api: 'platform', handle: projectUsages },
  { method: 'GET', template: '/rest/api/3/workflow/{workflowId}/project/{projectId}/issueTypeUsages', api: 'platform', handle: issueTypeUsages },
  { method: 'GET', template: '/rest/api/3/screens/{screenId}/tabs', api: 'platform', handle: screenTabs },
  { method: 'GET', template: '/rest/api/3/screens/{screenId}/tabs/{tabId}/fields', api: 'platform', handle: tabFields },
];
