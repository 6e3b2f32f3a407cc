/**
 * The contract between the Custom UI and the Forge resolvers, shared by both sides
 * (gitlab-for-compass style): one envelope, one map of resolver name → payload → data.
 * The UI calls `invoke<K>(name, payload)` through typed wrappers; the backend
 * registers exactly these names. Everything here is JSON.
 */
import type {
  Acknowledgement,
  Attestation,
  CheckResult,
  EngineSettings,
  ProjectReport,
  Report,
  Score,
} from './report-model';
import type { ChangeReach, ChangeResult, ChangeTarget, FixBlocker, FixMeta } from './fix-model';
import type { ParityImportSummary, ParityView } from './parity-model';

export type ErrorType =
  | 'UNAUTHORISED' // caller lacks the permission this resolver needs
  | 'VALIDATION' // payload or settings invalid; message says which field
  | 'CONFLICT' // settings changed by someone else since they were read
  | 'NOT_FOUND'
  | 'JIRA' // Jira refused or failed; message carries Jira's reason
  | 'INTERNAL';

export interface ResolverError {
  message: string;
  errorType: ErrorType;
  /** For VALIDATION: the settings field the message is about. */
  field?: string;
}

export type Envelope<T> = { success: true; data: T } | { success: false; errors: ResolverError[] };

export type ReportSchedule = 'off' | 'daily' | 'weekly';
export type Weekday = 'MON' | 'TUE' | 'WED' | 'THU' | 'FRI' | 'SAT' | 'SUN';

export interface AppSettings extends EngineSettings {
  schedule: ReportSchedule;
  weekday: Weekday;
  /** 'always' e-mails every scheduled run; 'changes' only when something changed. */
  sendWhen: 'always' | 'changes';
  recipients: { users: string[]; groups: string[] };
  /** Issue whose notify endpoint carries the e-mail; empty: the app creates one in reportProjectKey. */
  reportIssueKey?: string;
  reportProjectKey?: string;
}

export interface VersionedSettings {
  settings: AppSettings;
  /** Increases on every save; a save naming an older version is refused (CONFLICT). */
  version: number;
  updatedAt?: string;
  updatedBy?: string;
  /** The saver's display name when Jira gave it. */
  updatedByName?: string;
  /** accountId → display name for the service account and recipient users, read from Jira for the admin page. */
  accountNames?: Record<string, string>;
}

/** A save's answer: the stored settings and, when there is a report issue and recipients, who Jira would e-mail about it. */
export interface SavedSettings extends VersionedSettings {
  recipientReach?: RecipientReach;
}

export interface CallerContext {
  accountId: string;
  /** Where the UI is mounted. */
  surface: 'admin' | 'project';
  projectKey?: string;
  isSiteAdmin: boolean;
  siteBaseUrl: string;
}

export interface RunProgress {
  runId: string;
  startedAt: string;
  finishedAt?: string;
  projectsTotal: number;
  projectsDone: number;
  /** Keys still queued or running. */
  pending: string[];
  /** Names of pending desks, where the run's listing knew them (a desk never checked before has no stored name). */
  pendingNames?: Record<string, string>;
  failed: { key: string; message: string }[];
  /** Pending keys whose job is waiting for Jira's rate limit, and until when (ISO time). */
  waiting?: { key: string; message: string; until: string }[];
  state: 'running' | 'done' | 'failed';
}

export interface OverviewData {
  /** Null before the first run. */
  report: Report | null;
  progress: RunProgress | null;
  settingsConfigured: boolean;
  /** The fixes this caller may run (for every failing desk at once from the overview). */
  fixes?: FixInfo[];
}

export interface ProjectViewData {
  project: ProjectReport | null;
  /** Site checks, shown at the top of the project view. */
  siteChecks: CheckResult[];
  progress: RunProgress | null;
  generatedAt: string | null;
  /** The fixes this caller may run, from the registry (src/fixes/registry.ts); a check's card offers those that resolve it. */
  fixes?: FixInfo[];
  /** For a caller who is not a Jira administrator: the fixes only one may run, so a card can say who can fix it. */
  fixesForOthers?: FixInfo[];
}

/** The site checks on a page of their own (service account, Moveworks app and connector), evidence and all. */
export interface SiteViewData {
  /** Empty before the first run stored the site checks. */
  siteChecks: CheckResult[];
  progress: RunProgress | null;
  generatedAt: string | null;
  /** The fixes this caller may run; a site check's card offers those that resolve it. */
  fixes?: FixInfo[];
}

/** A fix as the UI offers it: its meta from the registry, never its plan or apply. */
export type FixInfo = FixMeta;

/** A planned change without its payload: what the confirm dialog lists. */
export interface ChangePreview {
  id: string;
  summary: string;
  target: ChangeTarget;
  reach: ChangeReach;
  items: number;
}

/** What a fix would do now, planned from Jira as it reads for the caller; nothing is changed yet. */
export interface FixPreview {
  fix: FixInfo;
  /** The one desk previewed; absent for every failing desk at once (or a site fix). */
  projectKey?: string;
  /** The desks in scope. */
  desks: string[];
  /** "Add 12 users to HR's customers" (the dialog adds who does it). */
  summary?: string;
  /** The changes, the first PREVIEW_CHANGES_SHOWN of them. */
  changes: ChangePreview[];
  changesTotal: number;
  itemsTotal: number;
  blockers: FixBlocker[];
  /** Desks not read in time for the preview: they are planned when the fix runs. */
  notPreviewed: string[];
  /** Applying runs in the background (many desks or items); the page shows its progress. */
  background: boolean;
}

/** One change a fix made or Jira refused, as it was recorded: which Jira object, with what result. */
export interface ChangeRecord {
  changeId: string;
  at: string;
  summary: string;
  target: ChangeTarget;
  /** The keys of the projects the change reaches. */
  projects: string[];
  result: ChangeResult;
}

export interface FixRunProgress {
  changesDone: number;
  changesTotal: number;
  itemsDone: number;
  itemsFailed: number;
  itemsTotal: number;
  desksDone: number;
  desksTotal: number;
}

/** One run of a fix: who, when, on what, how far, and what Jira answered to each change. */
export interface FixRunView {
  runId: string;
  fixId: string;
  title: string;
  projectKey?: string;
  desks: string[];
  by: string;
  byName?: string;
  startedAt: string;
  finishedAt?: string;
  state: 'running' | 'done' | 'failed';
  /** Running in the background: poll getFixRun. */
  background: boolean;
  progress: FixRunProgress;
  /** "12 added, 0 failed". */
  summary: string;
  /** The recorded changes, the first CHANGES_SHOWN of them; `changesRecorded` counts all. */
  changes: ChangeRecord[];
  changesRecorded: number;
  blockers: FixBlocker[];
  /** Why the run stopped or failed, when it did. */
  message?: string;
  /** The checks the fix resolves, re-run after it for the desks it changed (decorated, as the page shows them). */
  rechecked: { projectKey: string | null; checks: CheckResult[] }[];
}

/** The values of the Moveworks Setup connector: what to type, never the token itself. */
export interface ConnectorValues {
  connectionName: string;
  baseUrl: string;
  authenticationType: string;
  username: string | null;
  /** Where the password comes from: the service account's API token, which the app never holds. */
  passwordHint: string;
  accountIdSetting: string;
}

export interface ExportFile {
  filename: string;
  mimeType: string;
  content: string;
}

export interface HistoryEntry {
  runId: string;
  at: string;
  ready: boolean | null;
  score: Score;
  failing: string[];
  erroring: string[];
}

export type { ReportDiff } from './report-model';
import type { ReportDiff } from './report-model';

/** A person the report e-mail is (or is not) addressed to. */
export interface RecipientRef {
  accountId: string;
  displayName?: string;
  /** The configured group they belong to, when they are a recipient through it. */
  group?: string;
}

/**
 * Who Jira will e-mail about the report issue. Jira answers `notify` with 204 and
 * silently leaves out anyone who cannot see the issue, so the app checks first.
 */
export interface RecipientReach {
  issueKey: string;
  /** The report issue's project. */
  projectKey?: string;
  /** True when the report issue is in a service desk, where only its agents see it. */
  serviceDesk?: boolean;
  /** People Jira e-mails: they can see the report issue. */
  reached: RecipientRef[];
  /** People Jira leaves out, each with why. */
  dropped: (RecipientRef & { reason: string })[];
  /** What the app could not check (Jira refused, too many members…): those people may or may not get the e-mail. */
  unchecked?: string[];
}

export interface DeliveryRecord {
  runId: string;
  at: string;
  outcome: 'sent' | 'failed' | 'skipped';
  /** Jira's error or the reason it was skipped. */
  message?: string;
  issueKey?: string;
  recipients?: { users: string[]; groups: string[] };
  subject?: string;
  /** Who Jira e-mails and who it leaves out; absent when the send stopped before the check. */
  reach?: RecipientReach;
}

export interface UserOption {
  accountId: string;
  displayName: string;
  emailAddress?: string;
}

export interface GroupOption {
  name: string;
  groupId?: string;
}

export interface ServiceDeskOption {
  key: string;
  name: string;
  id: string;
}

/** What Settings offers for one desk, as Jira has it: its request types' issue types and its workflows' statuses. */
export interface DeskOptions {
  projectKey: string;
  /** Each issue type behind a request type, with the request types that create it. */
  issueTypes: { id: string; name: string; requestTypes: string[] }[];
  /** Each status the desk's workflows use, with its category and those workflows. */
  statuses: { id: string; name: string; category?: string; workflows: string[] }[];
  /** Some workflow could not be read, so statuses may be missing. */
  statusesIncomplete?: true;
}

/** Resolver name → [payload, data]. */
export interface ResolverApi {
  getContext: [Record<string, never>, CallerContext];
  getOverview: [Record<string, never>, OverviewData];
  getProjectView: [{ projectKey: string }, ProjectViewData];
  /** The site checks alone, for the admin page's site page. */
  getSiteView: [Record<string, never>, SiteViewData];
  startRecheck: [{ projectKeys?: string[] }, RunProgress];
  getProgress: [Record<string, never>, RunProgress | null];
  getSettings: [Record<string, never>, VersionedSettings];
  saveSettings: [{ settings: AppSettings; version: number }, SavedSettings];
  attest: [{ checkId: string; note?: string }, Attestation];
  revokeAttestation: [{ checkId: string }, { checkId: string }];
  acknowledge: [{ projectKey?: string; checkId: string; reason: string; expiresAt?: string }, Acknowledgement];
  removeAcknowledgement: [{ projectKey?: string; checkId: string }, { checkId: string }];
  /** Plans a fix for one desk (projectKey) or every desk failing its checks (none); changes nothing. */
  previewFix: [{ fixId: string; projectKey?: string }, FixPreview];
  /** Re-plans on the server (never a plan from the page), applies as the caller, re-checks what it resolves. */
  applyFix: [{ fixId: string; projectKey?: string }, FixRunView];
  getFixRun: [{ runId: string }, FixRunView];
  getConnectorValues: [Record<string, never>, ConnectorValues];
  exportReport: [{ format: 'json' | 'csv' | 'html' | 'handoff'; projectKey?: string }, ExportFile];
  getHistory: [{ projectKey?: string }, { entries: HistoryEntry[]; deliveries: DeliveryRecord[]; lastDiff: ReportDiff | null; changes?: FixRunView[] }];
  sendTestReport: [Record<string, never>, DeliveryRecord];
  searchUsers: [{ query: string }, UserOption[]];
  searchGroups: [{ query: string }, GroupOption[]];
  listServiceDesks: [Record<string, never>, ServiceDeskOption[]];
  /** Settings' pickers for one desk: its issue types and statuses, read from Jira as the caller. */
  getDeskOptions: [{ projectKey: string }, DeskOptions];
  /** The Parity page: each pair (of the one desk, on its project page) with its comparison. */
  getParity: [{ projectKey?: string }, ParityView];
  /** Another site's JSON report as this site's non-production side; refused whole when it is not a report. */
  importParityReport: [{ text: string; fileName?: string }, ParityImportSummary];
  clearParityReport: [Record<string, never>, { cleared: true }];
}

export type ResolverName = keyof ResolverApi;
export type PayloadOf<K extends ResolverName> = ResolverApi[K][0];
export type DataOf<K extends ResolverName> = ResolverApi[K][1];
