/**
 * Workflows in use by the issue types in scope. Company-managed: workflow scheme →
 * workflow names → POST /workflows by name, in batches, each name read once per run.
 * Team-managed: POST /workflows by project + issue type, one pair per call so the
 * mapping is known.
 */
import type { components } from '../jira/generated/jira-platform';
import type { JiraClient } from '../jira/jira-client';
import { failed, ok, settle, shapeError, toFetchError } from './fetched';
import type { JiraWorkflow, JiraWorkflowStatus } from './snapshot';
import type { Fetched } from '../shared/fetched';

type WorkflowScheme = components['schemas']['WorkflowScheme'];
type SchemeAssociations = components['schemas']['ContainerOfWorkflowSchemeAssociations'];
type WorkflowReadResponse = components['schemas']['WorkflowReadResponse'];

export const WORKFLOW_SCHEMES = '/rest/api/3/workflowscheme/project';
export const WORKFLOWS = '/rest/api/3/workflows';

/** The documented maximum of project ids per scheme lookup (maxItems 100). */
export const SCHEME_BATCH = 100;
/** No documented cap on names per read; 50 keeps each answer a manageable size. */
export const WORKFLOW_NAME_BATCH = 50;

export type WorkflowEntry = Fetched<{ workflow: JiraWorkflow; statuses: JiraWorkflowStatus[] }>;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Company-managed projects' workflow schemes, many projects per call. */
export async function readWorkflowSchemes(client: JiraClient, projectIds: readonly string[]): Promise<Map<string, Fetched<WorkflowScheme>>> {
  const result = new Map<string, Fetched<WorkflowScheme>>();
  const unique = [...new Set(projectIds)];
  await Promise.all(
    chunks(unique, SCHEME_BATCH).map(async (batch) => {
      const answer = await settle(`GET ${WORKFLOW_SCHEMES}`, () => client.get<SchemeAssociations>(WORKFLOW_SCHEMES, { query: { projectId: batch } }));
      for (const projectId of batch) {
        if (!answer.ok) {
          result.set(projectId, answer);
          continue;
        }
        const values = Array.isArray(answer.value?.values) ? answer.value.values : undefined;
        const association = values?.find((v) => Array.isArray(v.projectIds) && v.projectIds.map(String).includes(projectId));
        result.set(
          projectId,
          association?.workflowScheme
            ? ok(association.workflowScheme)
            : failed({ kind: 'malformed', endpoint: `GET ${WORKFLOW_SCHEMES}`, message: `Jira returned no workflow scheme for project ${projectId}.` }),
        );
      }
    }),
  );
  return result;
}

/** Pure: issue type → workflow name under a scheme; unmapped types use the scheme's default ("jira" when unset). */
export function workflowsForIssueTypes(scheme: WorkflowScheme, issueTypeIds: readonly string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const id of issueTypeIds) mapping[id] = scheme.issueTypeMappings?.[id] ?? scheme.defaultWorkflow ?? 'jira';
  return mapping;
}

/** Pure: the statuses (from a read response) that a workflow references. */
export function relevantStatuses(workflow: JiraWorkflow, statuses: readonly JiraWorkflowStatus[] | undefined): JiraWorkflowStatus[] {
  const refs = new Set((workflow.statuses ?? []).map((s) => s.statusReference).filter((r): r is string => !!r));
  return (statuses ?? []).filter((s) => refs.has(s.statusReference ?? '') || refs.has(s.id ?? ''));
}

function readResponse(body: unknown): WorkflowReadResponse {
  if (!body || typeof body !== 'object' || !Array.isArray((body as WorkflowReadResponse).workflows)) {
    throw shapeError(`POST ${WORKFLOWS}`, `Jira's answer for POST ${WORKFLOWS} has no workflows list`);
  }
  return body as WorkflowReadResponse;
}

/** Workflows by name, batched; every requested name gets an entry (the workflow, or why not). */
export async function readWorkflowsByName(client: JiraClient, names: readonly string[]): Promise<Record<string, WorkflowEntry>> {
  const entries: Record<string, WorkflowEntry> = {};
  const unique = [...new Set(names)];
  await Promise.all(
    chunks(unique, WORKFLOW_NAME_BATCH).map(async (batch) => {
      let response: WorkflowReadResponse;
      try {
        response = readResponse(await client.post<unknown>(WORKFLOWS, { workflowNames: batch }));
      } catch (error) {
        const reason = toFetchError(error, `POST ${WORKFLOWS}`);
        for (const name of batch) entries[name] = failed(reason);
        return;
      }
      for (const name of batch) {
        const workflow = response.workflows!.find((w) => w.name === name);
        entries[name] = workflow
          ? ok({ workflow, statuses: relevantStatuses(workflow, response.statuses) })
          : failed({ kind: 'not_found', endpoint: `POST ${WORKFLOWS}`, message: `Jira returned no workflow named "${name}".` });
      }
    }),
  );
  return entries;
}

/** The workflow a team-managed project uses for one issue type. */
export function readTeamManagedWorkflow(client: JiraClient, projectId: string, issueTypeId: string): Promise<WorkflowEntry> {
  return settle(`POST ${WORKFLOWS}`, async () => {
    const response = readResponse(await client.post<unknown>(WORKFLOWS, { projectAndIssueTypes: [{ projectId, issueTypeId }] }));
    const workflow = response.workflows![0];
    if (!workflow) throw shapeError(`POST ${WORKFLOWS}`, `Jira returned no workflow for issue type ${issueTypeId} of project ${projectId}.`);
    return { workflow, statuses: relevantStatuses(workflow, response.statuses) };
  });
}
