/**
 * What the report e-mail says, before it is rendered as HTML or text: the gate,
 * what changed since the last run (with each check's title and summary, not just
 * its key), and what still blocks Moveworks per desk with the first step to fix it
 * and who can take it, as the Overview says.
 * Both renderers read this one model so the two bodies cannot disagree; the gate,
 * score and lists come from shared/readiness-summary.ts like every other surface's,
 * and every count it prints is the number of items it lists.
 */
import type { CheckResult, CheckStatus, ProjectReport, RemediationStep, Report, ReportDiff, Score, Severity } from '../shared/report-model';
import { headlineSummary, siteChecksSummary, siteSummary, splitCheckKey, type Readiness } from '../shared/readiness-summary';
import { ACTOR_NAMES, whoCanFix } from '../shared/next-steps';

/** Rows per change section, and blocking rows overall; the rest is counted and left to the app. */
export const MAX_CHANGE_ITEMS = 50;
export const MAX_BLOCKING_ITEMS = 150;

export interface EmailOptions {
  /** Shown in the subject and heading, e.g. "Acme". */
  siteName?: string;
  /** Where the app's admin page lives; only an http(s) URL becomes a link. */
  appUrl?: string;
}

export interface EmailItem {
  /** `${projectKey or 'site'}:${checkId}` */
  key: string;
  /** 'Site' or the desk: key and name. */
  scope: { key: string; name: string | null };
  checkId: string;
  title: string;
  status: CheckStatus | null;
  severity: Severity | null;
  summary: string | null;
  firstStep: RemediationStep | null;
  /** Who can do it, as the Overview says it ("Site admin"); null when the check is no longer in the report. */
  who: string | null;
  /** An admin accepted the gap for now; it still blocks the gate, so it is listed, with who and why. */
  acknowledged: { by: string; reason: string } | null;
}

export interface EmailSection {
  items: EmailItem[];
  /** Entries beyond the cap, counted but not listed. */
  more: number;
}

export interface BlockingGroup {
  scope: { key: string; name: string | null };
  items: EmailItem[];
}

export interface EmailContent {
  siteName: string | null;
  baseUrl: string;
  generatedAt: string;
  /** The headline: the whole site, or the desk of a one-desk report. */
  ready: boolean | null;
  score: Score;
  /** On a one-desk report: the site checks' own gate and score, shown beside the desk's. */
  siteChecks: Readiness | null;
  /** False when there was no earlier run to compare with. */
  compared: boolean;
  newlyFailing: EmailSection;
  fixed: EmailSection;
  newlyErroring: EmailSection;
  /** Failing at the last run and still failing; listed by name (their detail is under "what still blocks"). */
  stillFailing: EmailSection;
  blocking: BlockingGroup[];
  blockingMore: number;
  /** Every blocking check, listed or beyond the cap: the number the e-mail prints beside the list. */
  blockingTotal: number;
  appUrl: string | null;
}

interface Located {
  check: CheckResult | null;
  project: ProjectReport | null;
}

function locate(report: Report, scopeKey: string, checkId: string): Located {
  if (scopeKey === 'site') return { check: report.checks.find((c) => c.id === checkId) ?? null, project: null };
  const project = report.projects.find((p) => p.key === scopeKey) ?? null;
  return { check: project?.checks.find((c) => c.id === checkId) ?? null, project };
}

function item(scopeKey: string, check: CheckResult | null, checkId: string, project: ProjectReport | null): EmailItem {
  return {
    key: `${scopeKey}:${checkId}`,
    scope: { key: scopeKey, name: scopeKey === 'site' ? null : project?.name ?? null },
    checkId,
    title: check?.title || checkId,
    status: check?.status ?? null,
    severity: check?.severity ?? null,
    summary: check?.summary ?? null,
    firstStep: check?.remediation?.[0] ?? null,
    who: check ? ACTOR_NAMES[whoCanFix(check, project ?? undefined)] : null,
    acknowledged: check?.acknowledgement ? { by: check.acknowledgement.byName ?? check.acknowledgement.by, reason: check.acknowledgement.reason } : null,
  };
}

function section(report: Report, keys: readonly string[]): EmailSection {
  const items = keys.slice(0, MAX_CHANGE_ITEMS).map((key) => {
    const { scope, checkId } = splitCheckKey(key);
    const { check, project } = locate(report, scope, checkId);
    return item(scope, check, checkId, project);
  });
  return { items, more: Math.max(0, keys.length - MAX_CHANGE_ITEMS) };
}

/** The blocking checks of every scope the report holds, grouped site first, then per desk, capped overall. */
function blockingGroups(report: Report): { groups: BlockingGroup[]; more: number; total: number } {
  const blocking = siteSummary(report).blocking;
  const scopes = [{ key: 'site', name: null as string | null, project: null as ProjectReport | null }, ...report.projects.map((p) => ({ key: p.key, name: p.name, project: p }))];
  let room = MAX_BLOCKING_ITEMS;
  const groups: BlockingGroup[] = [];
  for (const scope of scopes) {
    const mine = blocking.filter((b) => b.scope === scope.key);
    const kept = mine.slice(0, Math.max(0, room));
    room -= kept.length;
    if (kept.length) groups.push({ scope: { key: scope.key, name: scope.name }, items: kept.map((b) => item(scope.key, b.check, b.check.id, scope.project)) });
  }
  const listed = groups.reduce((n, g) => n + g.items.length, 0);
  return { groups, more: blocking.length - listed, total: blocking.length };
}

/** `diff` is null when there was no previous run (or for a test send without one). */
export function buildEmailContent(report: Report, diff: ReportDiff | null, options: EmailOptions = {}): EmailContent {
  const none: ReportDiff = { newlyFailing: [], fixed: [], stillFailing: [], newlyErroring: [] };
  const d = diff ?? none;
  const { groups, more, total } = blockingGroups(report);
  const headline = headlineSummary(report);
  const siteChecks = report.scope ? siteChecksSummary(report) : null;
  return {
    siteName: options.siteName?.trim() ? options.siteName : null,
    baseUrl: report.site.baseUrl,
    generatedAt: report.generatedAt,
    ready: headline.ready,
    score: headline.score,
    siteChecks: siteChecks ? { ready: siteChecks.ready, score: siteChecks.score } : null,
    compared: diff !== null,
    newlyFailing: section(report, d.newlyFailing),
    fixed: section(report, d.fixed),
    newlyErroring: section(report, d.newlyErroring),
    stillFailing: section(report, d.stillFailing),
    blocking: groups,
    blockingMore: more,
    blockingTotal: total,
    appUrl: options.appUrl ?? null,
  };
}

/** 'Ready' / 'Not ready' / 'Unknown', the gate in words for a subject line. */
export function gateWords(ready: boolean | null): string {
  return ready === true ? 'Ready' : ready === false ? 'Not ready' : 'Unknown';
}

export function scopeWords(scope: { key: string; name: string | null }): string {
  return scope.key === 'site' ? 'Site' : scope.name ? `${scope.key} — ${scope.name}` : scope.key;
}

export function statusWords(status: CheckStatus | null): string {
  switch (status) {
    case 'fail':
      return 'Failing';
    case 'error':
      return 'Could not be checked';
    case 'manual':
      return 'Needs attestation';
    case 'warn':
      return 'Warning';
    case 'pass':
      return 'Passing';
    case 'not_applicable':
      return 'Not applicable';
    default:
      return 'No longer checked';
  }
}
