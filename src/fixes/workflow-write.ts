/**
 * Editing one workflow through Jira's workflow API, as the user: read it as it is
 * now (POST /workflows by id), change its transitions, send the full definition with
 * the version just read to POST /workflows/update/validation, and only when Jira finds
 * no ERROR, to POST /workflows/update. Jira takes a workflow whole: whatever the
 * request leaves out is removed, so every status layout and transition read is sent
 * back as read. A change computed from the state just read is idempotent: when the
 * workflow already holds what it would add, nothing is sent.
 */
import type { components as Platform } from '../jira/generated/jira-platform';
import type { JiraWorkflow, JiraWorkflowStatus, JiraWorkflowTransition } from '../gather/snapshot';
import type { JiraClient } from '../jira/jira-client';
import type { ChangeResult } from '../shared/fix-model';
import { writeFailure } from './jira-words';

type P = Platform['schemas'];
export type WorkflowUpdateRequest = P['WorkflowUpdateRequest'];
export type TransitionUpdate = P['TransitionUpdateDTO'];
type ValidationErrorList = P['WorkflowValidationErrorList'];
type ReadResponse = P['WorkflowReadResponse'];
type UpdateResponse = P['WorkflowUpdateResponse'];

export const WORKFLOWS_READ = '/rest/api/3/workflows';
export const WORKFLOWS_VALIDATE = '/rest/api/3/workflows/update/validation';
export const WORKFLOWS_UPDATE = '/rest/api/3/workflows/update';

export interface WorkflowNow {
  workflow: JiraWorkflow;
  statuses: JiraWorkflowStatus[];
}

/** What an edit asks for: new transitions, or nothing because the workflow already has what it needs. */
export type TransitionEdit = { transitions: TransitionUpdate[]; done: string } | { unchanged: string } | { refused: string };

/** Pure: the request that writes the workflow back as read, with `transitions` in place of its own. */
export function updateRequest(now: WorkflowNow, transitions: TransitionUpdate[]): WorkflowUpdateRequest {
  const { workflow } = now;
  const used = new Set((workflow.statuses ?? []).map((s) => s.statusReference));
  return {
    statuses: now.statuses
      .filter((s) => used.has(s.statusReference) || used.has(s.id))
      .map((s) => ({
        ...(s.id ? { id: s.id } : {}),
        name: s.name ?? '',
        statusCategory: (s.statusCategory ?? 'TODO') as 'TODO' | 'IN_PROGRESS' | 'DONE',
        statusReference: s.statusReference ?? s.id ?? '',
        description: s.description ?? '',
      })),
    workflows: [
      {
        id: workflow.id ?? '',
        version: workflow.version ?? {},
        description: workflow.description ?? '',
        ...(workflow.startPointLayout ? { startPointLayout: workflow.startPointLayout } : {}),
        ...(workflow.loopedTransitionContainerLayout ? { loopedTransitionContainerLayout: workflow.loopedTransitionContainerLayout } : {}),
        statuses: (workflow.statuses ?? []).map((s) => ({
          statusReference: s.statusReference ?? '',
          properties: { ...(s.properties ?? {}) },
          ...(s.layout ? { layout: { x: s.layout.x ?? 0, y: s.layout.y ?? 0 } } : {}),
          ...(s.approvalConfiguration ? { approvalConfiguration: s.approvalConfiguration } : {}),
        })),
        transitions,
      },
    ],
  };
}

/** Pure: a transition as read, in the shape the update takes. */
export function asUpdate(t: JiraWorkflowTransition): TransitionUpdate {
  return {
    id: t.id,
    name: t.name,
    description: t.description ?? '',
    type: t.type,
    toStatusReference: t.toStatusReference,
    links: t.links ?? [],
    actions: t.actions ?? [],
    validators: t.validators ?? [],
    triggers: t.triggers ?? [],
    properties: t.properties ?? {},
    ...(t.conditions ? { conditions: t.conditions } : {}),
    ...(t.transitionScreen ? { transitionScreen: t.transitionScreen } : {}),
    ...(t.customIssueEventId ? { customIssueEventId: t.customIssueEventId } : {}),
  } as TransitionUpdate;
}

/** The workflow as Jira holds it now. */
export async function readWorkflowNow(client: JiraClient, workflowId: string): Promise<WorkflowNow | undefined> {
  const answer = await client.post<ReadResponse>(WORKFLOWS_READ, { workflowIds: [workflowId] });
  const workflow = answer?.workflows?.find((w) => w.id === workflowId);
  if (!workflow) return undefined;
  const refs = new Set((workflow.statuses ?? []).map((s) => s.statusReference));
  return { workflow, statuses: (answer.statuses ?? []).filter((s) => refs.has(s.statusReference) || refs.has(s.id)) };
}

/**
 * Reads the workflow, asks `edit` for its new transitions, validates and updates.
 * Jira's refusals come back as `refused` with Jira's own words; nothing is written
 * unless validation found no ERROR.
 */
export async function editWorkflow(client: JiraClient, changeId: string, workflowId: string, edit: (now: WorkflowNow) => TransitionEdit): Promise<ChangeResult> {
  try {
    const now = await readWorkflowNow(client, workflowId);
    // Jira lists only the workflows the caller may read, so a workflow they may not edit is simply absent.
    if (!now) return { changeId, outcome: 'refused', message: `Jira returned no workflow with ID ${workflowId} to you: editing it needs Administer Jira (or Administer projects for a team-managed project's own workflow), or it was deleted.` };
    const before = String(now.workflow.version?.versionNumber ?? '');
    const wanted = edit(now);
    if ('unchanged' in wanted) return { changeId, outcome: 'unchanged', message: wanted.unchanged, before, after: before };
    if ('refused' in wanted) return { changeId, outcome: 'refused', message: wanted.refused, before };
    const request = updateRequest(now, wanted.transitions);
    const validation = await client.post<ValidationErrorList>(WORKFLOWS_VALIDATE, { payload: request, validationOptions: { levels: ['ERROR'] } });
    const errors = (validation?.errors ?? []).filter((e) => (e.level ?? 'ERROR') === 'ERROR');
    if (errors.length > 0) {
      return { changeId, outcome: 'refused', message: `Jira found the change invalid: ${errors.map((e) => e.message ?? e.code).join('; ')}`, before };
    }
    const updated = await client.post<UpdateResponse>(WORKFLOWS_UPDATE, request);
    const stored = updated?.workflows?.find((w) => w.id === workflowId);
    const after = stored?.version?.versionNumber !== undefined ? String(stored.version.versionNumber) : undefined;
    const pending = updated?.taskId ? ` Jira is finishing the update in the background (task ${updated.taskId}).` : '';
    return { changeId, outcome: 'applied', message: `${wanted.done}${pending}`, before, ...(after ? { after } : {}) };
  } catch (error) {
    const { outcome, message } = writeFailure(error);
    return { changeId, outcome, message };
  }
}

/** A transition id Jira has not used in this workflow: the next ten after the highest, as Jira numbers them (11, 21, 31…). */
export function nextTransitionId(transitions: readonly { id?: string }[]): string {
  const numbers = transitions.map((t) => Number.parseInt(t.id ?? '', 10)).filter((n) => Number.isFinite(n));
  const highest = numbers.length > 0 ? Math.max(...numbers) : 0;
  return String((Math.floor(highest / 10) + 1) * 10 + 1);
}

/** A transition name not yet used in the workflow: `name`, else `name 2`, `name 3`… */
export function freeTransitionName(transitions: readonly { name?: string }[], name: string): string {
  const taken = new Set(transitions.map((t) => (t.name ?? '').trim().toLowerCase()));
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n += 1) if (!taken.has(`${name} ${n}`.toLowerCase())) return `${name} ${n}`;
}
