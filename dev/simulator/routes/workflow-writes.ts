/**
 * POST /workflows/update/validation and POST /workflows/update. Who may: a site admin
 * any workflow, a project admin the project-scoped (team-managed) workflows of their
 * own projects. The official document lists no 403 for either operation: a caller
 * without the permission gets its 401 ("…or the caller doesn't have permissions"),
 * with Jira's error body. The update answers 409 when the version sent is not the
 * workflow's current one, 400 with the validation messages when any is an ERROR, and
 * otherwise stores the new definition at the next version number.
 */
import type { JiraWorkflow } from '../../../src/gather/snapshot';
import { jiraError, ok, type SimResponse } from '../responses';
import { shapeProblem, staleWorkflows, updatedWorkflow, validateWorkflowUpdate, VERSION_MISMATCH, type WorkflowUpdateRequest, type WorkflowValidationError } from '../workflow-update';
import type { Route, RouteContext } from './route';

export const NOT_ALLOWED_TO_EDIT = 'You are not allowed to edit this workflow: it needs Administer Jira, or Administer projects for a project-scoped workflow.';

function mayEdit(ctx: RouteContext, workflow: JiraWorkflow): boolean {
  if (ctx.model.isSiteAdmin(ctx.caller.accountId)) return true;
  const projectId = workflow.scope?.type === 'PROJECT' ? workflow.scope.project?.id : undefined;
  const project = projectId ? ctx.model.project(projectId) : undefined;
  return project !== undefined && ctx.model.isProjectAdmin(ctx.caller.accountId, project);
}

/** The workflows a request names, or Jira's answer when it cannot go further. */
function target(ctx: RouteContext, request: WorkflowUpdateRequest): JiraWorkflow[] | SimResponse {
  const found: JiraWorkflow[] = [];
  for (const update of request.workflows ?? []) {
    const workflow = ctx.model.workflow(update.id);
    // Unknown and unreadable look alike to someone who may not edit it.
    if (!workflow || !mayEdit(ctx, workflow)) {
      return ctx.model.isSiteAdmin(ctx.caller.accountId) ? jiraError(400, `The workflow with ID '${update.id}' was not found.`) : jiraError(401, NOT_ALLOWED_TO_EDIT);
    }
    found.push(workflow);
  }
  return found;
}

function validate(ctx: RouteContext) {
  const problem = shapeProblem(ctx.body, true);
  if (problem) return jiraError(400, problem);
  const body = ctx.body as { payload: WorkflowUpdateRequest; validationOptions?: { levels?: string[] } };
  const found = target(ctx, body.payload);
  if (!Array.isArray(found)) return found;
  const levels = new Set(body.validationOptions?.levels?.length ? body.validationOptions.levels : ['WARNING', 'ERROR']);
  const stale = staleWorkflows(ctx.model, body.payload).map(
    (w): WorkflowValidationError => ({ code: 'WORKFLOW_VERSION_MISMATCH', level: 'ERROR', type: 'WORKFLOW', message: `${VERSION_MISMATCH} The workflow '${w.name}' is at version ${w.version?.versionNumber}.` }),
  );
  const errors = [...stale, ...validateWorkflowUpdate(ctx.model, body.payload)].filter((e) => levels.has(e.level ?? 'ERROR'));
  return ok({ errors });
}

function update(ctx: RouteContext) {
  const problem = shapeProblem(ctx.body, false);
  if (problem) return jiraError(400, problem);
  const request = ctx.body as WorkflowUpdateRequest;
  const found = target(ctx, request);
  if (!Array.isArray(found)) return found;
  if (staleWorkflows(ctx.model, request).length > 0) return jiraError(409, VERSION_MISMATCH);
  const errors = validateWorkflowUpdate(ctx.model, request).filter((e) => e.level === 'ERROR');
  if (errors.length > 0) return jiraError(400, ...errors.map((e) => e.message ?? e.code ?? 'The workflow is not valid.'));
  const stored = (request.workflows ?? []).map((u, i) => updatedWorkflow(found[i]!, u, ctx.now()));
  for (const workflow of stored) ctx.model.replaceWorkflow(workflow);
  return ok({ statuses: ctx.model.statusesOf(stored), workflows: stored, taskId: null });
}

export const workflowWriteRoutes: Route[] = [
  { method: 'POST', template: '/rest/api/3/workflows/update/validation', api: 'platform', handle: validate },
  { method: 'POST', template: '/rest/api/3/workflows/update', api: 'platform', handle: update },
];
