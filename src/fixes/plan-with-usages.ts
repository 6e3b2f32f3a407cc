/**
 * A fix's plan with its changes' reach taken from Jira: plan once, ask Jira where each
 * workflow the plan changes is used (a screen change: the workflows showing it), and
 * plan again over the snapshot with those usages. A plan stays pure; this is the one
 * read every front door (the Forge preview and fix run, the CLI) makes before it.
 * Usages Jira would not give stay failures, and the reach then says Jira did not say.
 */
import type { Fetched } from '../shared/fetched';
import type { SiteSnapshot, WorkflowUsage } from '../gather/snapshot';
import type { Fix, FixPlan, FixPlanInput } from './fix';
import { workflowsShowingScreen } from './reach';

export type ReadWorkflowUsages = (workflowIds: readonly string[]) => Promise<Record<string, Fetched<WorkflowUsage>>>;

/** Pure: the ids of the workflows a plan's changes edit, or whose screens they edit, each once. */
export function workflowIdsChangedBy(plan: FixPlan, snapshot: SiteSnapshot): string[] {
  const names = new Set<string>();
  const ids = new Set<string>();
  for (const change of plan.changes) {
    if (change.target.kind === 'workflow') ids.add(change.target.id);
    if (change.target.kind === 'screen') for (const name of workflowsShowingScreen(snapshot, change.target.id)) names.add(name);
  }
  for (const name of names) {
    const entry = Object.prototype.hasOwnProperty.call(snapshot.workflows, name) ? snapshot.workflows[name] : undefined;
    if (entry?.ok && entry.value.workflow.id) ids.add(entry.value.workflow.id);
  }
  return [...ids].filter((id) => !snapshot.workflowUsages || !Object.prototype.hasOwnProperty.call(snapshot.workflowUsages, id));
}

export async function planWithUsages(fix: Fix, input: FixPlanInput, read: ReadWorkflowUsages): Promise<FixPlan> {
  const first = fix.plan(input);
  const ids = workflowIdsChangedBy(first, input.snapshot);
  if (ids.length === 0) return first;
  const usages = await read(ids);
  return fix.plan({ ...input, snapshot: { ...input.snapshot, workflowUsages: { ...input.snapshot.workflowUsages, ...usages } } });
}
