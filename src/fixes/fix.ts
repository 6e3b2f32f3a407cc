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

/** Who may apply a fix; authorised on the server from the caller's own Jira permissions. */
export type FixPermission = 'site-admin' | 'project-admin';

export interface FixMeta {
  /** Stable, kebab-case: 'add-to-service-desk-team'. */
  id: string;
  /** The button and dialog title: "Add the service account to Service Desk Team". */
  title: string;
  /** One paragraph: what the fix changes in Jira, in an admin's words. */
  description: string;
  /** The check IDs this fix makes pass. */
  resolves: readonly string[];
  /** 'desk': planned for one service desk (or each failing desk); 'site': once for the site. */
  scope: 'site' | 'desk';
  permission: FixPermission;
  /** The Forge scopes its writes use (declared in manifest.yml). */
  scopes: readonly string[];
  /**
   * The past tense of one item done, for the results' summary ("12 added, 0 failed");
   * default "changed".
   */
  itemVerb?: string;
}

/** One Jira object a change writes, named as an admin knows it. */
export interface ChangeTarget {
  kind: 'project-role' | 'customers' | 'workflow' | 'screen' | 'group' | 'application-role';
  id: string;
  name: string;
  /** Where Jira versions the object (workflows), the version the plan was made from. */
  version?: string;
}

/** Every project and issue type a change reaches: a shared workflow or screen changes for all of them. */
export interface ChangeReach {
  projects: { key: string; name: string }[];
  issueTypes?: { id: string; name: string }[];
}

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

/** Why nothing (or only part) can be done by this caller or through the API. */
export interface FixBlocker {
  reason: string;
  /** Who can do it instead, e.g. "a site admin (Atlassian Administration)". */
  who?: string;
  link?: string;
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

export type ChangeOutcome = 'applied' | 'unchanged' | 'refused' | 'failed';

/** One item of a change (a user added, a field put on a screen…), for the per-item list of the results. */
export interface ItemResult {
  /** accountId, field id…: what Jira knows it by. */
  id: string;
  name?: string;
  /** done: this change did it; unchanged: it was so already; failed: `message` says why, in Jira's words. */
  outcome: 'done' | 'unchanged' | 'failed';
  message?: string;
}

export interface ChangeResult {
  changeId: string;
  outcome: ChangeOutcome;
  /** Jira's own words when it refused; what was done otherwise. */
  message: string;
  /** Per item where Jira answers per item (users added…): counts for the summary. */
  itemsDone?: number;
  itemsFailed?: number;
  /** Where Jira versions the object: e.g. workflow version "3" → "4". */
  before?: string;
  after?: string;
  /** Per item where Jira answers per item; the counts above summarise them. */
  items?: ItemResult[];
}

export interface Fix {
  meta: FixMeta;
  /** Artifacts `plan` reads; gathered like a check's. */
  requires: readonly ArtifactKind[];
  /** Pure: from a gathered snapshot to the changes that would make the checks pass. */
  plan(input: FixPlanInput): FixPlan;
  /** Performs one planned change as the user; idempotent (applying twice changes nothing). */
  apply(change: PlannedChange, client: JiraClient): Promise<ChangeResult>;
}
