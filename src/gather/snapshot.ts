/**
 * SiteSnapshot: everything a run read from Jira, fetched once, serialisable.
 * Checks judge only this; they never fetch. Every artifact is wrapped in `Fetched`
 * so "Jira said no / did not answer" is kept apart from real data; the check runner
 * (src/requirements/run-check.ts) turns a failed artifact a check requires into
 * `error` with the reason before the check sees it. An artifact no check of the run
 * needed is absent (not gathered), never an error.
 */
import type { components as Platform } from '../jira/generated/jira-platform';
import type { ProjectStyle } from '../shared/report-model';
import type { Fetched, FetchError } from '../shared/fetched';

export type JiraWorkflow = Platform['schemas']['JiraWorkflow'];
export type JiraWorkflowStatus = Platform['schemas']['JiraWorkflowStatus'];
export type JiraWorkflowTransition = Platform['schemas']['WorkflowTransitions'];
export type JiraRuleConfiguration = Platform['schemas']['WorkflowRuleConfiguration'];

export interface UserRef {
  accountId: string;
  displayName?: string;
}

export interface ServiceAccountInfo {
  accountId: string;
  accountType: string; // 'atlassian' | 'app' | 'customer' | 'unknown'
  active: boolean;
  displayName: string;
  emailAddress?: string;
  /** As /rest/api/3/user returned it (may be the site default when hidden). */
  timeZone?: string;
  groups: { name: string; groupId?: string }[];
  applicationRoles: { key: string; name?: string }[];
}

export interface ServiceAccountSelf {
  /** /rest/api/3/myself answered for the service account's own token. */
  accountId: string;
  timeZone?: string;
  emailAddress?: string;
}

export interface GroupMembers {
  name: string;
  groupId?: string;
  /** Active members only. */
  members: UserRef[];
}

/** A group a workflow condition admits, read by its id (conditions name groups by id). */
export interface GroupById {
  groupId: string;
  /** Active members only: an inactive account cannot sign in to see a transition. */
  members: UserRef[];
}

export interface RoleActor {
  type: 'user' | 'group';
  accountId?: string;
  groupName?: string;
  groupId?: string;
  displayName?: string;
}

export interface ProjectRole {
  id: string;
  name: string;
  actors: RoleActor[];
}

export interface IssueTypeRef {
  id: string;
  name?: string;
}

export interface RequestTypeRef {
  id: string;
  name: string;
  issueTypeId: string;
}

/** A JSM organization associated with a desk: its members are customers of that desk too. */
export interface DeskOrganization {
  id: string;
  name: string;
  /** accountIds of every member, as Jira lists them (active or not). */
  memberIds: string[];
}

export interface ProjectSnapshot {
  id: string;
  key: string;
  name: string;
  style: ProjectStyle;
  serviceDeskId?: string;
  /** The project could not be read at all (deleted mid-run, 403…). */
  unavailable?: FetchError;
  /** Each project artifact below is absent when no check of the run needed it. */
  roles?: Fetched<ProjectRole[]>;
  /**
   * accountIds of the customers added to the desk one by one: JSM's customer listing
   * holds only these, not the members of the desk's organizations.
   */
  customers?: Fetched<string[]>;
  /** The organizations associated with the desk, each with its members (the desk's other customers). */
  organizations?: Fetched<DeskOrganization[]>;
  requestTypes?: Fetched<RequestTypeRef[]>;
  /** Issue types in scope (request types' issue types, narrowed by settings), with names where known. */
  issueTypes: IssueTypeRef[];
  /** issueTypeId → workflow name (company-managed: from the workflow scheme; team-managed: from POST /workflows by project + issue type). */
  workflowByIssueType?: Fetched<Record<string, string>>;
}

export interface ResolutionRef {
  id: string;
  name: string;
  /** Jira's default resolution (company-managed projects have one). */
  isDefault: boolean;
}

export interface ScreenFields {
  id: string;
  /** The screen's name, as admins know it; absent when it could not be read (the fields are what is judged). */
  name?: string;
  /** Field ids over every tab, e.g. "assignee", "resolution", "customfield_10010". */
  fieldIds: string[];
  fieldNames: Record<string, string>;
}

export interface SiteSnapshot {
  baseUrl: string;
  gatheredAt: string;
  serverInfo: Fetched<{ baseUrl?: string; serverTimeZone?: string; deploymentType?: string }>;
  /** Absent when no service account was configured; `value: null` when none matched. */
  serviceAccount?: Fetched<ServiceAccountInfo | null>;
  /** Present only when the service account's own token was given (CLI). */
  serviceAccountSelf?: Fetched<ServiceAccountSelf>;
  /** Keyed by the group name as configured. */
  endUserGroups: Record<string, Fetched<GroupMembers>>;
  /** The listing of service desks itself. */
  projectListing: Fetched<true>;
  projects: ProjectSnapshot[];
  /** Keyed by workflow name; each read once and shared by every project that uses it. */
  workflows: Record<string, Fetched<{ workflow: JiraWorkflow; statuses: JiraWorkflowStatus[] }>>;
  /** Keyed by screen id; each read once. Absent when no check that ran needs them. */
  screens?: Record<string, Fetched<ScreenFields>>;
  /** Field id → name for every field the reader may see (GET /field), read with the screens: names fields no screen shows yet. */
  fieldNames?: Fetched<Record<string, string>>;
  /** The site's resolutions; absent unless something that ran needs them (a fix choosing a Resolution to set). */
  resolutions?: Fetched<ResolutionRef[]>;
  /**
   * Groups the workflows' "Restrict issue transition" conditions admit, keyed by
   * groupId; each read once. Absent when no check that ran needs them.
   */
  workflowGroups?: Record<string, Fetched<GroupById>>;
  /**
   * Where each workflow is used, as Jira says (every project, not only the desks
   * read), keyed by workflow id; read before a fix is planned, for the workflows its
   * plan changes. Absent: nobody asked Jira, and a change's reach says so.
   */
  workflowUsages?: Record<string, Fetched<WorkflowUsage>>;
}

/** The projects using one workflow and, in each, the issue types that run it. */
export interface WorkflowUsage {
  projects: { id: string; key?: string; name?: string; issueTypeIds: string[]; issueTypeNames?: Record<string, string> }[];
}
