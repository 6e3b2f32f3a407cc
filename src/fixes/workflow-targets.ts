/**
 * The workflows a workflow fix may change for the desks it is planned for, each
 * once however many desks share it, as the checks see them (viewWorkflow, with the
 * admin's status-bucket overrides), and blockers for the rest: a desk or workflow
 * that could not be read, and a workflow the caller may not edit. Jira lets a site
 * admin edit any workflow, and a project admin the project-scoped (team-managed)
 * workflows of their own projects.
 */
import type { JiraWorkflow, JiraWorkflowStatus, ProjectSnapshot, SiteSnapshot } from '../gather/snapshot';
import { viewWorkflow, type WorkflowView } from '../requirements/workflows/analysis/workflow-view';
import type { FixBlocker } from '../shared/fix-model';
import type { FixPlanInput, PlannedChange } from './fix';
import { permissionBlocker } from './permission';
import { workflowNamesOf, workflowReach } from './reach';

export interface WorkflowTarget {
  /** The snapshot's key for it (the workflow's name; team-managed ones may carry the project key). */
  name: string;
  id: string;
  version?: string;
  /** Project-scoped: a team-managed project's own workflow. */
  teamManaged: boolean;
  data: { workflow: JiraWorkflow; statuses: JiraWorkflowStatus[] };
  view: WorkflowView;
}

export function workflowTargets(input: FixPlanInput, what: string): { targets: WorkflowTarget[]; blockers: FixBlocker[] } {
  const { snapshot, projects, caller, settings } = input;
  const blockers: FixBlocker[] = [];
  for (const project of projects) {
    if (project.unavailable) blockers.push({ reason: `${project.key} could not be read: ${project.unavailable.message}` });
    else if (project.workflowByIssueType && !project.workflowByIssueType.ok) {
      const { error } = project.workflowByIssueType;
      // Jira shows a company-managed project's workflow scheme to Jira administrators only: a refusal names who can.
      const refused = !caller.isSiteAdmin && (error.kind === 'forbidden' || error.kind === 'unauthorized');
      blockers.push({ reason: `The workflows of ${project.key} could not be read: ${error.message}`, ...(refused ? { who: 'a Jira administrator' } : {}) });
    }
  }
  const targets: WorkflowTarget[] = [];
  for (const name of workflowNamesOf(projects)) {
    const entry = Object.prototype.hasOwnProperty.call(snapshot.workflows, name) ? snapshot.workflows[name] : undefined;
    if (!entry?.ok) {
      blockers.push({ reason: `Workflow “${name}” could not be read${entry ? `: ${entry.error.message}` : ' in this run'}.` });
      continue;
    }
    const { workflow } = entry.value;
    if (!workflow.id) {
      blockers.push({ reason: `Jira gave workflow “${name}” no ID, so it cannot be updated through the API.` });
      continue;
    }
    const teamManaged = workflow.scope?.type === 'PROJECT';
    const owner = teamManaged ? ownerOf(snapshot, workflow) : undefined;
    const denied = teamManaged
      ? permissionBlocker('project-admin', caller, owner?.key, `${what} in workflow “${name}”`)
      : permissionBlocker('site-admin', caller, undefined, `${what} in workflow “${name}”, which is shared across projects`);
    if (denied) {
      blockers.push(denied);
      continue;
    }
    targets.push({
      name,
      id: workflow.id,
      ...(workflow.version?.versionNumber !== undefined ? { version: String(workflow.version.versionNumber) } : {}),
      teamManaged,
      data: entry.value,
      view: viewWorkflow(name, entry.value, settings.statusBucketOverrides ?? {}),
    });
  }
  return { targets, blockers };
}

/** A change to one workflow: it names the version read, and reaches every desk the workflow serves. */
export function workflowChange(snapshot: SiteSnapshot, target: WorkflowTarget, change: Pick<PlannedChange, 'id' | 'summary' | 'items' | 'payload'>): PlannedChange {
  return {
    ...change,
    target: { kind: 'workflow', id: target.id, name: target.name, ...(target.version ? { version: target.version } : {}) },
    reach: workflowReach(snapshot, target.name),
  };
}

function ownerOf(snapshot: SiteSnapshot, workflow: JiraWorkflow): ProjectSnapshot | undefined {
  const id = workflow.scope?.project?.id;
  return id ? snapshot.projects.find((p) => p.id === id) : undefined;
}
