/**
 * Who a change to a shared workflow or screen touches. Jira keeps one copy of each:
 * a workflow edited for one desk is edited for every project and issue type that
 * uses it, and a screen for every transition that shows it. Pure, from the snapshot.
 */
import type { ProjectSnapshot, SiteSnapshot } from '../gather/snapshot';
import { transitionScreenId } from '../gather/workflow-references';
import type { ChangeReach } from '../shared/fix-model';

/** Every project (and its issue types) whose in-scope issue types run the workflow filed under `workflowName`. */
export function workflowReach(snapshot: SiteSnapshot, workflowName: string): ChangeReach {
  return mergeReach(snapshot.projects.map((p) => projectReach(p, (name) => name === workflowName)));
}

/** Every project and issue type whose workflows show the screen on some transition. */
export function screenReach(snapshot: SiteSnapshot, screenId: string): ChangeReach {
  const names = new Set(workflowsShowingScreen(snapshot, screenId));
  return mergeReach(snapshot.projects.map((p) => projectReach(p, (name) => names.has(name))));
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
