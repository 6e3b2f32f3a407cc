/**
 * Judge a snapshot: run every check of the catalogue (pure), turn verdicts into
 * statuses, apply attestations and acknowledgements, score and gate each project
 * and the site. No I/O happens here.
 */
import { PROJECT_CHECKS, SITE_CHECKS } from '../requirements/catalogue';
import type { Check, CheckOutcome } from '../requirements/check';
import type { ProjectSnapshot, SiteSnapshot } from '../gather/snapshot';
import { evidenceHash } from './evidence-hash';
import { gate, score } from './score';
import { statusFor } from './status';
import type { CheckResult, EngineSettings, ProjectReport, Report, RunStats, ServiceAccountSummary } from './types';

export interface JudgeOptions {
  now?: Date;
  stats?: RunStats;
  /** Limit to these check ids (e.g. re-running the checks a fix affected). */
  onlyChecks?: readonly string[];
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

function isActive(expiresAt: string | undefined, now: Date): boolean {
  return !expiresAt || Date.parse(expiresAt) > now.getTime();
}

export function toResult(
  check: Check,
  outcome: CheckOutcome,
  settings: EngineSettings,
  scopeKey: string,
  now: Date,
): CheckResult {
  const severity = outcome.severity ?? check.meta.severity;
  let status = statusFor(outcome.verdict, severity);
  let summary = outcome.summary;
  const result: CheckResult = {
    id: check.meta.id,
    status,
    severity,
    title: outcome.verdict === 'violated' ? check.meta.failureTitle : check.meta.title,
    summary,
    remediation: outcome.remediation ?? [],
  };
  if (outcome.evidence !== undefined) result.evidence = outcome.evidence;
  if (outcome.dependsOn) result.dependsOn = outcome.dependsOn;

  const attestation = settings.attestations[check.meta.id];
  if (status === 'manual' && attestation) {
    status = 'pass';
    summary = `Attested by ${attestation.byName ?? attestation.by} on ${attestation.at.slice(0, 10)}${attestation.note ? `: ${attestation.note}` : ''}`;
    result.status = status;
    result.summary = summary;
    result.title = check.meta.title;
    result.attestation = attestation;
  }

  const acknowledgement = settings.acknowledgements[`${scopeKey}:${check.meta.id}`];
  if (
    acknowledgement &&
    status !== 'pass' &&
    isActive(acknowledgement.expiresAt, now) &&
    acknowledgement.evidenceHash === evidenceHash(result.evidence)
  ) {
    result.acknowledgement = acknowledgement;
  }
  return result;
}

function unavailableOutcome(project: ProjectSnapshot): CheckOutcome {
  const e = project.unavailable!;
  return {
    verdict: 'undecided',
    summary: `Project ${project.key} could not be read: ${e.message}`,
    evidence: { error: e },
  };
}

export function judgeProject(
  snapshot: SiteSnapshot,
  settings: EngineSettings,
  project: ProjectSnapshot,
  options: JudgeOptions = {},
): ProjectReport {
  const now = options.now ?? new Date();
  const checks = PROJECT_CHECKS.filter((c) => !options.onlyChecks || options.onlyChecks.includes(c.meta.id)).map((check) => {
    const outcome = project.unavailable
      ? unavailableOutcome(project)
      : safeEvaluate(check, () => check.evaluate({ snapshot, settings, project }));
    return toResult(check, outcome, settings, project.key, now);
  });
  return {
    key: project.key,
    id: project.id,
    name: project.name,
    style: project.style,
    ...(project.serviceDeskId ? { serviceDeskId: project.serviceDeskId } : {}),
    ready: gate(checks),
    score: score(checks),
    checks,
    checkedAt: snapshot.gatheredAt,
  };
}

export function judgeSite(snapshot: SiteSnapshot, settings: EngineSettings, options: JudgeOptions = {}): CheckResult[] {
  const now = options.now ?? new Date();
  return SITE_CHECKS.filter((c) => !options.onlyChecks || options.onlyChecks.includes(c.meta.id)).map((check) =>
    toResult(check, safeEvaluate(check, () => check.evaluate({ snapshot, settings })), settings, 'site', now),
  );
}

function serviceAccountSummary(snapshot: SiteSnapshot): ServiceAccountSummary | null {
  const sa = snapshot.serviceAccount;
  if (!sa || !sa.ok || !sa.value) return null;
  return { accountId: sa.value.accountId, displayName: sa.value.displayName, emailAddress: sa.value.emailAddress ?? null };
}

/** Site gate over the site checks and every project; the listing of desks itself failing leaves it undecided. */
export function assembleReport(
  snapshot: SiteSnapshot,
  siteChecks: CheckResult[],
  projects: ProjectReport[],
  options: JudgeOptions = {},
): Report {
  const now = options.now ?? new Date();
  const all = [...siteChecks, ...projects.flatMap((p) => p.checks)];
  let ready = gate(all);
  if (ready === true && !snapshot.projectListing.ok) ready = null;
  const report: Report = {
    schemaVersion: 1,
    generatedAt: now.toISOString(),
    site: { baseUrl: snapshot.baseUrl },
    serviceAccount: serviceAccountSummary(snapshot),
    ready,
    score: score(all),
    checks: siteChecks,
    projects,
  };
  if (!snapshot.projectListing.ok) {
    (report as Report & { projectListingError?: unknown }).projectListingError = snapshot.projectListing.error;
  }
  if (options.stats) report.stats = options.stats;
  return report;
}

export function judge(snapshot: SiteSnapshot, settings: EngineSettings, options: JudgeOptions = {}): Report {
  const siteChecks = judgeSite(snapshot, settings, options);
  const projects = snapshot.projects.map((p) => judgeProject(snapshot, settings, p, options));
  return assembleReport(snapshot, siteChecks, projects, options);
}
