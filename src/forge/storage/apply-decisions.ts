/**
 * Overlays the admin's current decisions on stored raw results, the same way the
 * engine's judge does (engine/judge.ts toResult): an attested manual check passes;
 * an acknowledgement attaches to a non-passing check while it has not expired and
 * the evidence it was given for is unchanged. Scores and gates are recomputed.
 */
import type { Acknowledgement, Attestation, CheckResult, ProjectReport, Report } from '../../engine/types';
import { gate, score } from '../../engine/score';
import { findCheck } from '../../requirements/catalogue';
import type { StoredCheck, StoredProjectReport, StoredSiteReport } from './report-repo';

export interface Decisions {
  attestations: Record<string, Attestation>;
  acknowledgements: Record<string, Acknowledgement>;
}

export function acknowledgementActive(ack: Acknowledgement, now: Date): boolean {
  return !ack.expiresAt || Date.parse(ack.expiresAt) > now.getTime();
}

export function applyDecisions(check: StoredCheck, scope: string, decisions: Decisions, now: Date): CheckResult {
  const { evidenceHash, ...result } = check;
  const out: CheckResult = { ...result };
  const attestation = decisions.attestations[check.id];
  if (out.status === 'manual' && attestation) {
    out.status = 'pass';
    out.summary = `Attested by ${attestation.byName ?? attestation.by} on ${attestation.at.slice(0, 10)}${attestation.note ? `: ${attestation.note}` : ''}`;
    out.title = findCheck(check.id)?.meta.title ?? out.title;
    out.attestation = attestation;
  }
  const ack = decisions.acknowledgements[`${scope}:${check.id}`];
  if (ack && out.status !== 'pass' && acknowledgementActive(ack, now) && ack.evidenceHash === evidenceHash) {
    out.acknowledgement = ack;
  }
  return out;
}

export function projectView(stored: StoredProjectReport, decisions: Decisions, now: Date): ProjectReport {
  const { runId: _r, checks: storedChecks, ...rest } = stored;
  const checks = storedChecks.map((c) => applyDecisions(c, stored.key, decisions, now));
  return { ...rest, checks, ready: gate(checks), score: score(checks) };
}

export function siteChecksView(site: StoredSiteReport, decisions: Decisions, now: Date): CheckResult[] {
  return site.checks.map((c) => applyDecisions(c, 'site', decisions, now));
}

/** The whole report as the UI, exports and e-mail see it. */
export function assembleStoredReport(site: StoredSiteReport, projects: StoredProjectReport[], decisions: Decisions, now: Date): Report {
  const siteChecks = siteChecksView(site, decisions, now);
  const projectReports = projects.map((p) => projectView(p, decisions, now));
  const all = [...siteChecks, ...projectReports.flatMap((p) => p.checks)];
  let ready = gate(all);
  if (ready === true && site.projectListingError !== undefined) ready = null;
  const generatedAt = [site.generatedAt, ...projects.map((p) => p.checkedAt ?? '')].filter(Boolean).sort().pop() ?? site.generatedAt;
  const report: Report = {
    schemaVersion: 1,
    generatedAt,
    site: { baseUrl: site.baseUrl },
    serviceAccount: site.serviceAccount,
    ready,
    score: score(all),
    checks: siteChecks,
    projects: projectReports,
  };
  if (site.stats) report.stats = site.stats;
  return report;
}
