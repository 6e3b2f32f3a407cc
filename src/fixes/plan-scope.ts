/**
 * Turning a gathered snapshot into a fix's plan input, for any front door (the Forge
 * resolvers and queue, a CLI): only the desks asked for (a site fix plans for none),
 * several batches' snapshots merged for one plan, and desks split into batches that
 * are read and planned together.
 */
import type { EngineSettings } from '../shared/report-model';
import type { SiteSnapshot } from '../gather/snapshot';
import type { Fix, FixPlan, FixPlanInput } from './fix';

/** A plan with nothing in it yet; planned for one desk, it names the desk. */
export function emptyPlan(fixId: string, projects: readonly { key: string }[]): FixPlan {
  return { fixId, ...(projects.length === 1 ? { projectKey: projects[0]!.key } : {}), changes: [], blockers: [] };
}

/** Desks read and planned together: one gather, one stored plan. */
export const DESKS_PER_BATCH = 10;

export function planInputFor(fix: Fix, snapshot: SiteSnapshot, settings: EngineSettings, desks: readonly string[], caller: FixPlanInput['caller']): FixPlanInput {
  const wanted = new Set(desks);
  return {
    snapshot,
    settings,
    projects: fix.meta.scope === 'site' ? [] : snapshot.projects.filter((p) => wanted.has(p.key)),
    caller,
  };
}

/** Snapshots of several batches as one, for a preview planned over all of them. */
export function mergeSnapshots(snapshots: readonly SiteSnapshot[]): SiteSnapshot {
  const [first, ...rest] = snapshots;
  if (!first) throw new Error('No snapshot to merge.');
  const merged: SiteSnapshot = { ...first, projects: [...first.projects], workflows: { ...first.workflows } };
  for (const s of rest) {
    merged.projects.push(...s.projects.filter((p) => !merged.projects.some((q) => q.key === p.key)));
    Object.assign(merged.workflows, s.workflows);
    if (s.screens) merged.screens = { ...merged.screens, ...s.screens };
    if (s.workflowGroups) merged.workflowGroups = { ...merged.workflowGroups, ...s.workflowGroups };
    if (s.workflowUsages) merged.workflowUsages = { ...merged.workflowUsages, ...s.workflowUsages };
  }
  return merged;
}

export function batchesOf(desks: readonly string[], size = DESKS_PER_BATCH): string[][] {
  const batches: string[][] = [];
  for (let i = 0; i < desks.length; i += size) batches.push(desks.slice(i, i + size));
  return batches;
}
