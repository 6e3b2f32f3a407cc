/**
 * Judge a snapshot: run every check of the catalogue through the check runner
 * (src/requirements/run-check.ts, which enforces what each check requires), turn verdicts into
 * statuses, apply attestations and acknowledgements, score and gate each project
 * and the site. No I/O happens here.
 */
import { PROJECT_CHECKS, SITE_CHECKS } from '../requirements/catalogue';
import type { Check, CheckOutcome } from '../requirements/check';
import { runCheck } from '../requirements/run-check';
import type { ProjectSnapshot, SiteSnapshot } from '../gather/snapshot';
import { applyDecisions } from './decisions';
import { readinessOf } from '../shared/readiness-summary';
import { statusFor } from './status';
import { parityOutcomes } from './parity-pass';
import { parityConfig } from '../requirements/parity/parity-config';
import type { ParityDesk } from '../shared/parity-model';
import type { CheckResult, EngineSettings, ProjectReport, Report, RunStats, ServiceAccountSummary } from '../shared/report-model';

export interface JudgeOptions {
  now?: Date;
  stats?: RunStats;
  /** Limit to these check ids (e.g. re-running the checks a fix affected). */
  onlyChecks?: readonly string[];
  /** The desks of the report imported as the site's non-production side (PARITY-CONFIG pairs with source 'imported'). */
  parityImported?: readonly ParityDesk[];
  /** Report only these desks; the others were read to be compared with them (a desk's non-production counterpart). */
  keepProjects?: readonly string[];
}

/** A check that throws must not look like a pass: it becomes `error` with the reason. */
function safeEvaluate(check: Check, run: () => CheckOutcome): CheckOutcome {
  try {
    return run();
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { verdict: 'undecided', summary: `The check ${check.meta.id} could not decide: ${reason}` };
  }
}

export function toResult(
  check: Check,
  outcome: CheckOutcome,
  settings: EngineSettings,
  scopeKey: string,
  now: Date,
): CheckResult {
  const severity = outcome.severity ?? check.meta.severity;
  const raw: CheckResult = {
    id: check.meta.id,
    group: check.meta.group,
    status: statusFor(outcome.verdict, severity),
    severity,
    title: outcome.verdict === 'violated' ? check.meta.failureTitle : check.meta.title,
    summary: outcome.summary,
    remediation: outcome.remediation ?? [],
  };
  if (outcome.evidence !== undefined) raw.evidence = outcome.evidence;
  if (outcome.dependsOn) raw.dependsOn = outcome.dependsOn;
  return applyDecisions(raw, scopeKey, settings, now);
}

/** A desk's report from its results: the gate and score are the desk's own checks'. */
export function projectReportOf(base: Omit<ProjectReport, 'checks' | 'ready' | 'score'>, checks: CheckResult[]): ProjectReport {
  return { ...base, ...readinessOf(checks), checks };
}

/** What a report is assembled from, whether freshly judged or read back from storage. */
export interface ReportParts {
  generatedAt: string;
  baseUrl: string;
  serviceAccount: ServiceAccountSummary | null;
  siteChecks: CheckResult[];
  projects: ProjectReport[];
  projectListingError?: unknown;
  stats?: RunStats;
}

/** Site gate and score over the site checks and every desk; the listing of desks itself failing leaves the gate undecided. */
export function buildReport(parts: ReportParts): Report {
  const listingFailed = parts.projectListingError !== undefined;
  const report: Report = {
    schemaVersion: 1,
    generatedAt: parts.generatedAt,
    site: { baseUrl: parts.baseUrl },
    serviceAccount: parts.serviceAccount,
    ...readinessOf([...parts.siteChecks, ...parts.projects.flatMap((p) => p.checks)], { listingFailed }),
    checks: parts.siteChecks,
    projects: parts.projects,
  };
  if (listingFailed) report.projectListingError = parts.projectListingError;
  if (parts.stats) report.stats = parts.stats;
  return report;
}

export function judgeProject(
  snapshot: SiteSnapshot,
  settings: EngineSettings,
  project: ProjectSnapshot,
  options: JudgeOptions = {},
): ProjectReport {
  const now = options.now ?? new Date();
  const checks = PROJECT_CHECKS.filter((c) => !options.onlyChecks || options.onlyChecks.includes(c.meta.id)).map((check) => {
    // The runner turns an unreadable project or artifact into `error` with the check's remediation.
    const outcome = safeEvaluate(check, () => runCheck(check, { snapshot, settings, project }));
    return toResult(check, outcome, settings, project.key, now);
  });
  return projectReportOf(
    {
      key: project.key,
      id: project.id,
      name: project.name,
      style: project.style,
      ...(project.serviceDeskId ? { serviceDeskId: project.serviceDeskId } : {}),
      checkedAt: snapshot.gatheredAt,
    },
    checks,
  );
}

export function judgeSite(snapshot: SiteSnapshot, settings: EngineSettings, options: JudgeOptions = {}): CheckResult[] {
  const now = options.now ?? new Date();
  return SITE_CHECKS.filter((c) => !options.onlyChecks || options.onlyChecks.includes(c.meta.id)).map((check) =>
    toResult(check, safeEvaluate(check, () => runCheck(check, { snapshot, settings })), settings, 'site', now),
  );
}

function serviceAccountSummary(snapshot: SiteSnapshot): ServiceAccountSummary | null {
  const sa = snapshot.serviceAccount;
  if (!sa || !sa.ok || !sa.value) return null;
  return { accountId: sa.value.accountId, displayName: sa.value.displayName, emailAddress: sa.value.emailAddress ?? null };
}

export function assembleReport(
  snapshot: SiteSnapshot,
  siteChecks: CheckResult[],
  projects: ProjectReport[],
  options: JudgeOptions = {},
): Report {
  return buildReport({
    generatedAt: (options.now ?? new Date()).toISOString(),
    baseUrl: snapshot.baseUrl,
    serviceAccount: serviceAccountSummary(snapshot),
    siteChecks,
    projects,
    ...(snapshot.projectListing.ok ? {} : { projectListingError: snapshot.projectListing.error }),
    ...(options.stats ? { stats: options.stats } : {}),
  });
}

/** PARITY-CONFIG compares two judged desks: decided here, once every desk of the run has its results. */
function withParity(snapshot: SiteSnapshot, settings: EngineSettings, siteChecks: CheckResult[], projects: ProjectReport[], options: JudgeOptions): ProjectReport[] {
  const outcomes = parityOutcomes({ snapshot, settings, siteChecks, projects, ...(options.parityImported ? { imported: options.parityImported } : {}) });
  if (outcomes.size === 0) return projects;
  const now = options.now ?? new Date();
  return projects.map((project) => {
    const outcome = outcomes.get(project.key);
    if (!outcome) return project;
    const checks = project.checks.map((c) => (c.id === parityConfig.meta.id ? toResult(parityConfig, outcome, settings, project.key, now) : c));
    const { checks: _checks, ready: _ready, score: _score, ...base } = project;
    return projectReportOf(base, checks);
  });
}

export function judge(snapshot: SiteSnapshot, settings: EngineSettings, options: JudgeOptions = {}): Report {
  const siteChecks = judgeSite(snapshot, settings, options);
  const judged = snapshot.projects.map((p) => judgeProject(snapshot, settings, p, options));
  const projects = withParity(snapshot, settings, siteChecks, judged, options);
  const kept = options.keepProjects ? projects.filter((p) => options.keepProjects!.includes(p.key)) : projects;
  return assembleReport(snapshot, siteChecks, kept, options);
}
