/**
 * What a fix's plan reads, gathered like a check's: gatherSnapshot with the artifacts
 * the fix `requires`, for the desks in scope, as whoever the client acts as (the user
 * who asked for the fix, so the plan shows what they can see and change).
 */
import { gatherSnapshot } from '../../gather/gather-snapshot';
import type { GroupMembers, SiteSnapshot } from '../../gather/snapshot';
import type { Fetched } from '../../shared/fetched';
import type { Fix, FixPlanInput } from '../../fixes/fix';
import type { JiraClient } from '../../jira/jira-client';
import type { AppSettings } from '../../shared/resolver-api';
import type { Caller } from '../authz/authorise';
import { engineSettingsFor } from '../run/readiness-runner';

/** Desks read and planned together: one gather, one stored plan. */
export const DESKS_PER_BATCH = 10;

export interface FixGatherOptions {
  now: () => Date;
  /** End-user groups read earlier by this fix run: not read again. */
  knownGroups?: Readonly<Record<string, Fetched<GroupMembers>>>;
}

export function gatherForFix(client: JiraClient, fix: Fix, settings: AppSettings, desks: string[], options: FixGatherOptions): Promise<SiteSnapshot> {
  return gatherSnapshot(client, engineSettingsFor(settings, desks), {
    requires: fix.requires,
    now: options.now,
    ...(options.knownGroups ? { endUserGroups: options.knownGroups } : {}),
  });
}

/** The plan's input over a gathered snapshot: only the desks asked for (a site fix plans for none). */
export function planInput(fix: Fix, snapshot: SiteSnapshot, settings: AppSettings, desks: string[], caller: FixPlanInput['caller']): FixPlanInput {
  const wanted = new Set(desks);
  return {
    snapshot,
    settings: engineSettingsFor(settings, desks),
    projects: fix.meta.scope === 'site' ? [] : snapshot.projects.filter((p) => wanted.has(p.key)),
    caller,
  };
}

/** Who the plan is for: a Jira admin administers every desk; a project admin the page's own desk. */
export function planCaller(caller: Caller, desks: readonly string[]): FixPlanInput['caller'] {
  if (caller.siteAdmin) return { isSiteAdmin: true, administersProjects: [...desks] };
  return { isSiteAdmin: false, administersProjects: caller.limitedToProject ? [caller.limitedToProject] : [] };
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
  }
  return merged;
}

export function batchesOf(desks: readonly string[], size = DESKS_PER_BATCH): string[][] {
  const batches: string[][] = [];
  for (let i = 0; i < desks.length; i += size) batches.push(desks.slice(i, i + size));
  return batches;
}
