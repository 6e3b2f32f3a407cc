/**
 * The latest report, stored split per project so each kvs value stays small:
 * one entry for the site part (site checks, service account) and one per project.
 * Stored results are the engine's raw judgement (no attestations or
 * acknowledgements applied) plus the fingerprint of their full evidence, taken
 * before the evidence lists were capped; decisions are overlaid on read
 * (apply-decisions.ts), so attesting or acknowledging shows at once, without a re-run.
 */
import type { CheckResult, ProjectReport, Report, RunStats, ServiceAccountSummary } from '../../shared/report-model';
import { evidenceHash } from '../../engine/evidence-hash';
import type { KeyValueStore } from '../deps';
import { KEYS } from './keys';
import { capLists, fitToBudget } from './trim-evidence';
import { loadSummaries, summaryOf, type OverviewIndex } from './overview-index';

export type StoredCheck = CheckResult & { evidenceHash: string };

export interface StoredProjectReport extends Omit<ProjectReport, 'checks'> {
  runId: string;
  checks: StoredCheck[];
}

export interface StoredSiteReport {
  runId: string;
  generatedAt: string;
  baseUrl: string;
  serviceAccount: ServiceAccountSummary | null;
  checks: StoredCheck[];
  stats?: RunStats;
  projectListingError?: unknown;
}

function toStored(check: CheckResult, maxItems: number): StoredCheck {
  const { attestation: _a, acknowledgement: _k, ...raw } = check;
  const stored: StoredCheck = { ...raw, evidenceHash: evidenceHash(check.evidence) };
  if (check.evidence !== undefined) stored.evidence = capLists(check.evidence, maxItems);
  return stored;
}

function withoutEvidence(check: StoredCheck): StoredCheck {
  const { evidence: _e, ...rest } = check;
  return { ...rest, evidence: { omitted: 'The evidence was too large to store; run the CLI for the full list.' } };
}

export function storableProject(project: ProjectReport, runId: string): StoredProjectReport {
  const build = (cap: number): StoredProjectReport => ({ ...project, runId, checks: project.checks.map((c) => toStored(c, cap)) });
  return fitToBudget(build, () => {
    const smallest = build(0);
    return { ...smallest, checks: smallest.checks.map(withoutEvidence) };
  });
}

export function storableSite(report: Report, runId: string): StoredSiteReport {
  const build = (cap: number): StoredSiteReport => {
    const site: StoredSiteReport = {
      runId,
      generatedAt: report.generatedAt,
      baseUrl: report.site.baseUrl,
      serviceAccount: report.serviceAccount,
      checks: report.checks.map((c) => toStored(c, cap)),
    };
    if (report.stats) site.stats = report.stats;
    if (report.projectListingError !== undefined) site.projectListingError = report.projectListingError;
    return site;
  };
  return fitToBudget(build, () => {
    const smallest = build(0);
    return { ...smallest, checks: smallest.checks.map(withoutEvidence) };
  });
}

/**
 * Stores the site part and every project of one run's report, and returns the projects
 * as stored: a job builds its desk's history entry from them instead of reading back
 * the value it just wrote (up to 240 KiB, 24 kvs read units, once per desk per run).
 */
export async function storeReport(store: KeyValueStore, report: Report, runId: string): Promise<StoredProjectReport[]> {
  await store.set(KEYS.siteReport, storableSite(report, runId));
  const stored = report.projects.map((project) => storableProject(project, runId));
  for (const project of stored) await storeProject(store, project);
  return stored;
}

/** A desk's whole report, then its summary for the overview (overview-index.ts). */
async function storeProject(store: KeyValueStore, project: StoredProjectReport): Promise<void> {
  await store.set(KEYS.projectReport(project.key), project);
  await store.set(KEYS.projectSummary(project.key), summaryOf(project));
}

/**
 * Replaces some checks of a stored project (a fix's follow-up re-check, which read
 * only what those checks need); the rest of the project's results stay as they were.
 * Returns false when the project has no stored report to update.
 */
export async function replaceProjectChecks(store: KeyValueStore, projectKey: string, checks: CheckResult[]): Promise<boolean> {
  const stored = await loadProject(store, projectKey);
  if (!stored) return false;
  const fresh = new Map(checks.map((c) => [c.id, c]));
  const build = (cap: number): StoredProjectReport => ({
    ...stored,
    checks: stored.checks.map((c) => (fresh.has(c.id) ? toStored(fresh.get(c.id)!, cap) : c)),
  });
  await storeProject(store, fitToBudget(build, () => build(0)));
  return true;
}

/** The site part's counterpart of replaceProjectChecks (a site fix's follow-up re-check). */
export async function replaceSiteChecks(store: KeyValueStore, checks: CheckResult[]): Promise<boolean> {
  const stored = await loadSite(store);
  if (!stored) return false;
  const fresh = new Map(checks.map((c) => [c.id, c]));
  const build = (cap: number): StoredSiteReport => ({
    ...stored,
    checks: stored.checks.map((c) => (fresh.has(c.id) ? toStored(fresh.get(c.id)!, cap) : c)),
  });
  await store.set(KEYS.siteReport, fitToBudget(build, () => build(0)));
  return true;
}

export async function loadSite(store: KeyValueStore): Promise<StoredSiteReport | undefined> {
  return store.get<StoredSiteReport>(KEYS.siteReport);
}

export async function loadProject(store: KeyValueStore, projectKey: string): Promise<StoredProjectReport | undefined> {
  return store.get<StoredProjectReport>(KEYS.projectReport(projectKey));
}

export async function loadProjects(store: KeyValueStore): Promise<StoredProjectReport[]> {
  const entries = await store.list<StoredProjectReport>(KEYS.projectReportPrefix);
  return entries.map((e) => e.value).sort((a, b) => a.key.localeCompare(b.key));
}

/** The desks as the overview reads them: summaries where the overview index vouches for them (overview-index.ts). */
export async function loadProjectsForOverview(store: KeyValueStore): Promise<StoredProjectReport[]> {
  return loadSummaries(store, () => loadProjects(store), (key) => loadProject(store, key));
}

/**
 * Drops reports of projects that left the scope, so the overview shows only desks in
 * scope. The stored desks are found by their summaries (every stored desk has one once
 * the storage is migrated) and the overview index, never by reading every whole report.
 */
export async function pruneProjects(store: KeyValueStore, keepKeys: readonly string[]): Promise<string[]> {
  const keep = new Set(keepKeys);
  const summaries = await store.list<StoredProjectReport>(KEYS.projectSummaryPrefix);
  const indexed = (await store.get<OverviewIndex>(KEYS.overviewIndex))?.keys ?? [];
  const stored = new Set([...summaries.map((e) => e.key.slice(KEYS.projectSummaryPrefix.length)), ...indexed]);
  const dropped: string[] = [];
  for (const key of [...stored].sort()) {
    if (keep.has(key)) continue;
    await store.delete(KEYS.projectReport(key));
    await store.delete(KEYS.projectSummary(key));
    dropped.push(key);
  }
  return dropped;
}
