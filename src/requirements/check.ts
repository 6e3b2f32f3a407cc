/**
 * The shape of one readiness check (Lighthouse audit / ESLint rule style):
 * static meta, the artifacts it needs, and a pure `evaluate`. A check never
 * fetches; it judges the snapshot, run by run-check.ts. It returns a verdict; the engine turns the
 * verdict and severity into the public status (required → fail, else warn).
 */
import type {
  CheckScope,
  EngineSettings,
  RemediationStep,
  RequirementGroup,
  Severity,
} from '../shared/report-model';
import type { ArtifactKind } from '../gather/artifact-kind';
import type { ProjectSnapshot, SiteSnapshot } from '../gather/snapshot';

export interface CheckMeta {
  id: string;
  /** Shown when the check holds, e.g. "Service account exists". */
  title: string;
  /** Shown when it does not, e.g. "Service account is missing". */
  failureTitle: string;
  /** One paragraph for an admin: what it checks and why Moveworks needs it. */
  description: string;
  /** The default severity; `evaluate` may raise or lower it per result (e.g. WF-ANY-TO-RESOLVED by skills). */
  severity: Severity;
  group: RequirementGroup;
  scope: CheckScope;
  /** Decided by an admin's attestation, not by Jira's APIs. */
  manual?: boolean;
  /** Atlassian or Moveworks documentation. */
  docsUrl: string;
}

/**
 * - holds: the requirement is met → `pass`
 * - violated: it is not → `fail` (required) or `warn` (recommended / optional)
 * - undecided: could not be decided (Jira error, hidden data) → `error`, `reason` says why
 * - manual: needs an admin's attestation → `manual` (the engine turns an attested one into `pass`)
 * - not_applicable: does not apply here, `summary` says why
 */
export type Verdict = 'holds' | 'violated' | 'undecided' | 'manual' | 'not_applicable';

export interface CheckOutcome {
  verdict: Verdict;
  /** Overrides meta.severity for this result. */
  severity?: Severity;
  /** One line for an admin. For `undecided` it names the reason. */
  summary: string;
  evidence?: unknown;
  remediation?: RemediationStep[];
  /** For `undecided` because another check's input is missing: that check's id. */
  dependsOn?: string;
}

export interface SiteCheckInput {
  snapshot: SiteSnapshot;
  settings: EngineSettings;
}

export interface ProjectCheckInput extends SiteCheckInput {
  project: ProjectSnapshot;
}

/**
 * What a check reads (Lighthouse's `requiredArtifacts`). The check runner
 * (run-check.ts) evaluates a check only once every artifact it `requires` was read
 * for the project being judged: a failed one becomes `error` naming what could not
 * be read, a missing one (not gathered) an `error` naming the fault; the check never
 * sees either. `optional` lists those of `requires` the check reads when they are
 * there and judges missing or failed itself (e.g. the service account's own token,
 * given only to the CLI; a refused token is SA-API-TOKEN's finding, not a failure).
 */
interface CheckArtifacts {
  requires: readonly ArtifactKind[];
  optional?: readonly ArtifactKind[];
}

export interface SiteCheck extends CheckArtifacts {
  meta: CheckMeta & { scope: 'site' };
  evaluate(input: SiteCheckInput): CheckOutcome;
}

export interface ProjectCheck extends CheckArtifacts {
  meta: CheckMeta & { scope: 'project' };
  evaluate(input: ProjectCheckInput): CheckOutcome;
}

export type Check = SiteCheck | ProjectCheck;
