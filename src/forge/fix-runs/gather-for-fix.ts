/**
 * What a fix's plan reads, gathered like a check's: gatherSnapshot with the artifacts
 * the fix `requires`, for the desks in scope, as whoever the client acts as (the user
 * who asked for the fix, so the plan shows what they can see and change).
 */
import { gatherSnapshot } from '../../gather/gather-snapshot';
import type { Fetched } from '../../shared/fetched';
import type { GroupMembers, SiteSnapshot } from '../../gather/snapshot';
import type { Fix, FixPlanInput } from '../../fixes/fix';
import { planInputFor } from '../../fixes/plan-scope';
import type { JiraClient } from '../../jira/jira-client';
import type { AppSettings } from '../../shared/resolver-api';
import type { Caller } from '../authz/authorise';
import { engineSettingsFor } from '../run/readiness-runner';

export { batchesOf, DESKS_PER_BATCH, mergeSnapshots } from '../../fixes/plan-scope';

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

/** The plan's input over a gathered snapshot, with the app's settings. */
export function planInput(fix: Fix, snapshot: SiteSnapshot, settings: AppSettings, desks: string[], caller: FixPlanInput['caller']): FixPlanInput {
  return planInputFor(fix, snapshot, engineSettingsFor(settings, desks), desks, caller);
}

/** Who the plan is for: a Jira admin administers every desk; a project admin the page's own desk. */
export function planCaller(caller: Caller, desks: readonly string[]): FixPlanInput['caller'] {
  if (caller.siteAdmin) return { isSiteAdmin: true, administersProjects: [...desks] };
  return { isSiteAdmin: false, administersProjects: caller.limitedToProject ? [caller.limitedToProject] : [] };
}
