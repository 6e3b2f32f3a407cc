/**
 * The public vocabulary of a readiness run. These shapes are the JSON contract of
 * report.schema.json (schemaVersion 1): the CLI prints them, the app stores them,
 * the dashboard and the e-mail render them.
 */

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'manual' | 'error' | 'not_applicable';
export type Severity = 'required' | 'recommended' | 'optional';
export type CheckScope = 'site' | 'project';
export type RequirementGroup = 'service-account' | 'moveworks' | 'customers' | 'workflows';

/** Order used when several results fold into one: the worst wins. */
export const STATUS_ORDER: readonly CheckStatus[] = ['fail', 'error', 'warn', 'manual', 'pass', 'not_applicable'];

export interface RemediationStep {
  text: string;
  url?: string;
}

export interface Attestation {
  by: string; // accountId (app) or a free-text name (CLI config)
  byName?: string;
  at: string; // ISO date-time
  note?: string;
}

export interface Acknowledgement {
  by: string;
  byName?: string;
  at: string;
  reason: string;
  expiresAt?: string;
  /** Fingerprint of the evidence that was acknowledged; a different one lapses it. */
  evidenceHash: string;
}

export interface CheckResult {
  id: string;
  /** The requirement group the check belongs to, from its meta: surfaces file results by it, never by the id. */
  group: RequirementGroup;
  status: CheckStatus;
  severity: Severity;
  title: string;
  summary: string;
  evidence?: unknown;
  remediation: RemediationStep[];
  /** Set when the result is `error` because another check's input was missing. */
  dependsOn?: string;
  attestation?: Attestation;
  acknowledgement?: Acknowledgement;
}

export interface Score {
  percent: number | null;
  requiredPassed: number;
  requiredTotal: number;
  counts: Record<CheckStatus, number>;
}

export type ProjectStyle = 'company-managed' | 'team-managed';

export interface ProjectReport {
  key: string;
  id: string;
  name: string;
  style: ProjectStyle;
  serviceDeskId?: string;
  ready: boolean | null;
  score: Score;
  checks: CheckResult[];
  checkedAt?: string;
}

export interface ServiceAccountSummary {
  accountId: string;
  displayName: string;
  emailAddress: string | null;
}

export interface RunStats {
  /** Calls per endpoint template, e.g. "GET /rest/api/3/group/member". */
  callsByEndpoint: Record<string, number>;
  totalCalls: number;
  retries: number;
  durationMs: number;
}

export interface Report {
  schemaVersion: 1;
  generatedAt: string;
  site: { baseUrl: string };
  serviceAccount: ServiceAccountSummary | null;
  ready: boolean | null;
  score: Score;
  checks: CheckResult[];
  projects: ProjectReport[];
  stats?: RunStats;
  /**
   * Set when the report is narrowed to one desk (a desk's export): `ready` and
   * `score` are then that desk's own, as its page shows them.
   */
  scope?: { projectKey: string };
  /** On a one-desk report: the gate and score of the site checks alone, shown beside the desk's. */
  siteChecksReadiness?: { ready: boolean | null; score: Score };
  /** Jira's answer when the desks could not be listed; the site is then never "ready". */
  projectListingError?: unknown;
}

export type MoveworksSkill = 'software-access' | 'group-access' | 'ticket-interception';
export const ALL_SKILLS: readonly MoveworksSkill[] = ['software-access', 'group-access', 'ticket-interception'];

export type StatusBucket = 'new' | 'in_progress' | 'waiting' | 'resolved';

/** What the checks read. Everything has a safe default so a first run needs only the service account. */
export interface EngineSettings {
  /** E-mail or accountId of the Moveworks service account. */
  serviceAccount?: string;
  /** Groups whose active members must be customers of every desk in scope. */
  endUserGroups: string[];
  /** Project keys in scope; empty means every service desk. */
  projectKeys: string[];
  /** Per project key: issue type ids (or names) in scope; absent or empty means every request type's issue type. */
  issueTypesInScope: Record<string, string[]>;
  /** Enabled Moveworks skills; decides WF-ANY-TO-RESOLVED's severity. */
  skills: MoveworksSkill[];
  /** Status id (or exact status name) → bucket, overriding the category-based default. */
  statusBucketOverrides: Record<string, StatusBucket>;
  /** Check id → attestation of a manual check. */
  attestations: Record<string, Attestation>;
  /** `${projectKey or 'site'}:${checkId}` → acknowledgement. */
  acknowledgements: Record<string, Acknowledgement>;
  /** Production desks paired with the non-production desk Moveworks was tuned on (PARITY-CONFIG); none by default. */
  parityPairs?: ParityPair[];
}

/** A production desk and the non-production desk its Moveworks configuration was tuned on (src/shared/parity-model.ts). */
export interface ParityPair {
  /** The production desk's project key on this site. */
  production: string;
  /** The non-production desk's project key: on this site, or in the imported report. */
  nonProduction: string;
  /** Where the non-production desk is: this site (checked in the same run), or the report imported in Settings. Default 'site'. */
  source?: 'site' | 'imported';
}

export const DEFAULT_ENGINE_SETTINGS: EngineSettings = {
  endUserGroups: [],
  projectKeys: [],
  issueTypesInScope: {},
  skills: [...ALL_SKILLS],
  statusBucketOverrides: {},
  attestations: {},
  acknowledgements: {},
};

/** What changed between two runs; entries are `${projectKey or 'site'}:${checkId}`. */
export interface ReportDiff {
  newlyFailing: string[];
  fixed: string[];
  stillFailing: string[];
  newlyErroring: string[];
}
