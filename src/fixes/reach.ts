/**
 * Who a change to a shared workflow or screen touches. Jira keeps one copy of each:
 * a workflow edited for one desk is edited for every project and issue type that
 * uses it, and a screen for every transition that shows it. Pure, from the snapshot:
 * the desks it read, and where Jira says each workflow is used (`workflowUsages`, any
 * project, read before the plan). Where Jira did not say, the reach says so rather
 * than look narrower than the change is.
 */
import type { ProjectSnapshot, SiteSnapshot, WorkflowUsage } from '../gather/snapshot';
import { transitionScreenId } from '../gather/workflow-references';
import type { ChangeReach } from '../shared/fix-model';

/** Every project (and its issue types) whose in-scope issue types run the workflow filed under `workflowName`. */
export function workflowReach(snapshot: SiteSnapshot, workflowName: string): ChangeReach {
  return withUsages(snapshot, mergeReach(snapshot.projects.map((p) => projectReach(p, (name) => name === workflowName))), [workflowName]);
}

export const REACH_UNCONFIRMED = 'Other projects may use this workflow; Jira did not say.';

/** Every project and issue type whose workflows show the screen on some transition. */
export function screenReach(snapshot: SiteSnapshot, screenId: string): ChangeReach {
  const names = new Set(workflowsShowingScreen(snapshot, screenId));
  return withUsages(snapshot, mergeReach(snapshot.projects.map((p) => projectReach(p, (name) => names.has(name)))), [...names]);
}

/** The names (snapshot keys) of the workflows with a transition that shows the screen. */
export function workflowsShowingScreen(snapshot: SiteSnapshot, screenId: string): string[] {
  return Object.entries(snapshot.workflows)
    .filter(([, entry]) => entry.ok && (entry.value.workflow.transitions ?? []).some((t) => transitionScreenId(t) === screenId))
    .map(([name]) => name);
}

/** The workflow names (snapshot keys) the projects' in-scope issue types run, each once, in order. */
export function workflowNamesOf(projects: readonly ProjectSnapshot[]): string[] {
  const names: string[] = [];
  for (const project of projects) {
    const mapping = project.workflowByIssueType;
    if (!mapping?.ok) continue;
    for (const type of project.issueTypes) {
      const name = mapping.value[type.id];
      if (name && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

function projectReach(project: ProjectSnapshot, uses: (workflowName: string) => boolean): ChangeReach {
  if (!project.workflowByIssueType?.ok) return { projects: [], issueTypes: [] };
  const mapping = project.workflowByIssueType.value;
  const issueTypes = project.issueTypes.filter((t) => {
    const name = Object.prototype.hasOwnProperty.call(mapping, t.id) ? mapping[t.id] : undefined;
    return name !== undefined && uses(name);
  });
  if (issueTypes.length === 0) return { projects: [], issueTypes: [] };
  return { projects: [{ key: project.key, name: project.name }], issueTypes: issueTypes.map((t) => ({ id: t.id, name: t.name ?? t.id })) };
}

function mergeReach(parts: ChangeReach[]): ChangeReach {
  const projects: ChangeReach['projects'] = [];
  const issueTypes: NonNullable<ChangeReach['issueTypes']> = [];
  for (const part of parts) {
    for (const p of part.projects) if (!projects.some((q) => q.key === p.key)) projects.push(p);
    for (const t of part.issueTypes ?? []) if (!issueTypes.some((u) => u.id === t.id)) issueTypes.push(t);
  }
  return { projects, issueTypes };
}

/** The reach read from the desks, widened by where Jira says each workflow is used; unconfirmed where it did not say. */
function withUsages(snapshot: SiteSnapshot, fromDesks: ChangeReach, workflowNames: readonly string[]): ChangeReach {
  const parts = [fromDesks];
  let unconfirmed = workflowNames.length === 0;
  for (const name of workflowNames) {
    const entry = Object.prototype.hasOwnProperty.call(snapshot.workflows, name) ? snapshot.workflows[name] : undefined;
    const id = entry?.ok ? entry.value.workflow.id : undefined;
    const usage = id && snapshot.workflowUsages && Object.prototype.hasOwnProperty.call(snapshot.workflowUsages, id) ? snapshot.workflowUsages[id] : undefined;
    if (!usage?.ok) unconfirmed = true;
    else parts.push(usageReach(snapshot, usage.value));
  }
  const reach = mergeReach(parts);
  return unconfirmed ? { ...reach, unconfirmed: REACH_UNCONFIRMED } : reach;
}

/** Jira's usages as a reach, named from the usages' project search or the desks read; an unnamed one by its id. */
function usageReach(snapshot: SiteSnapshot, usage: WorkflowUsage): ChangeReach {
  const projects: ChangeReach['projects'] = [];
  const issueTypes: NonNullable<ChangeReach['issueTypes']> = [];
  for (const used of usage.projects) {
    const read = snapshot.projects.find((p) => p.id === used.id);
    projects.push({ key: used.key ?? read?.key ?? used.id, name: used.name ?? read?.name ?? used.id });
    for (const id of used.issueTypeIds) {
      issueTypes.push({ id, name: used.issueTypeNames?.[id] ?? read?.issueTypes.find((t) => t.id === id)?.name ?? id });
    }
  }
  return { projects, issueTypes };
}
