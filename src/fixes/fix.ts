/**
 * The shape of one fix, the counterpart of a check (src/requirements/check.ts): static
 * meta, the artifacts its plan needs, a pure `plan` that turns what a run gathered
 * into concrete changes, and an `apply` that performs one change through the project's
 * one Jira client, as the user who confirmed it. The registry (src/fixes/registry.ts)
 * lists every fix; resolvers, the queue consumer, the UI and the CLI are generic over it.
 *
 * A plan is data: the admin previews it (every project and issue type a shared workflow
 * or screen touches), confirms it, and the runner applies its changes one by one,
 * recording each result, so a long fix can stop and resume without redoing a change.
 */
import type { EngineSettings } from '../shared/report-model';
import type { ArtifactKind } from '../gather/artifact-kind';
import type { ProjectSnapshot, SiteSnapshot } from '../gather/snapshot';
import type { JiraClient } from '../jira/jira-client';
import type { ChangeReach, ChangeResult, ChangeTarget, FixBlocker, FixMeta } from '../shared/fix-model';

export interface PlannedChange {
  /** Stable within a plan and across re-plans of the same state, so results can be resumed by id. */
  id: string;
  /** One line: "Add Assignee to the screen “HR: Resolve” (tab Field Tab)". */
  summary: string;
  target: ChangeTarget;
  reach: ChangeReach;
  /** How many items (users, fields…) the change carries, for progress. */
  items: number;
  /** What `apply` needs; JSON-serialisable so a queued job can carry it. */
  payload: unknown;
}

export interface FixPlan {
  fixId: string;
  /** The desk the plan is for; absent for a site fix or an every-desk plan. */
  projectKey?: string;
  changes: PlannedChange[];
  /** Things the fix will not do, and why (team-managed workflows, missing permission…). */
  blockers: FixBlocker[];
  /**
   * One sentence of what the whole plan does, without who does it: "Add 12 users to
   * HR's customers". The confirm dialog adds "as you", the CLI "as <account>".
   */
  summary?: string;
}

export interface FixPlanInput {
  snapshot: SiteSnapshot;
  settings: EngineSettings;
  /** The desks to plan for (one, or every failing desk); ignored by site fixes. */
  projects: ProjectSnapshot[];
  caller: { isSiteAdmin: boolean; administersProjects: readonly string[] };
}

export interface Fix {
  meta: FixMeta;
  /** Artifacts `plan` reads; gathered like a check's. */
  requires: readonly ArtifactKind[];
  /**
   * Artifacts `apply` can change. The re-check after a fix reads these again and
   * takes everything else from what the plan read moments before; absent: it reads
   * everything the resolved checks need again.
   */
  changes?: readonly ArtifactKind[];
  /** Pure: from a gathered snapshot to the changes that would make the checks pass. */
  plan(input: FixPlanInput): FixPlan;
  /** Performs one planned change as the user; idempotent (applying twice changes nothing). */
  apply(change: PlannedChange, client: JiraClient): Promise<ChangeResult>;
}
