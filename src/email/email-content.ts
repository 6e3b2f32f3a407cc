/**
 * What the report e-mail says, before it is rendered as HTML or text: the gate,
 * what changed since the last run (with each check's title and summary, not just
 * its key), and what still blocks Moveworks per desk with the first step to fix it.
 * Both renderers read this one model so the two bodies cannot disagree.
 */
import type { CheckResult, CheckStatus, ProjectReport, RemediationStep, Report, ReportDiff, Score, Severity } from '../engine/types';

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
  ready: boolean | null;
  score: Score;
  /** False when there was no earlier run to compare with. */
  compared: boolean;
  newlyFailing: EmailSection;
  fixed: EmailSection;
  newlyErroring: EmailSection;
  /** How many failed before and still fail; listed under "what still blocks", so only counted here. */
  stillFailing: number;
  blocking: BlockingGroup[];
  blockingMore: number;
  appUrl: string | null;
}

interface Located {
  check: CheckResult | null;
  project: ProjectReport | null;
}

function splitKey(key: string): { scopeKey: string; checkId: string } {
  const at = key.indexOf(':');
  return at < 0 ? { scopeKey: 'site', checkId: key } : { scopeKey: key.slice(0, at), checkId: key.slice(at + 1) };
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
    acknowledged: check?.acknowledgement ? { by: check.acknowledgement.byName ?? check.acknowledgement.by, reason: check.acknowledgement.reason } : null,
  };
}

function section(report: Report, keys: readonly string[]): EmailSection {
  const items = keys.slice(0, MAX_CHANGE_ITEMS).map((key) => {
    const { scopeKey, checkId } = splitKey(key);
    const { check, project } = locate(report, scopeKey, checkId);
    return item(scopeKey, check, checkId, project);
  });
  return { items, more: Math.max(0, keys.length - MAX_CHANGE_ITEMS) };
}

/** A required check that keeps the gate shut: failing, undecided, or manual and not attested. */
export function isBlocking(check: CheckResult): boolean {
  return check.severity === 'required' && (check.status === 'fail' || check.status === 'error' || check.status === 'manual');
}

function blockingGroups(report: Report): { groups: BlockingGroup[]; more: number } {
  const all: BlockingGroup[] = [
    { scope: { key: 'site', name: null }, items: report.checks.filter(isBlocking).map((c) => item('site', c, c.id, null)) },
    ...report.projects.map((p) => ({ scope: { key: p.key, name: p.name }, items: p.checks.filter(isBlocking).map((c) => item(p.key, c, c.id, p)) })),
  ].filter((g) => g.items.length > 0);
  let room = MAX_BLOCKING_ITEMS;
  let more = 0;
  const groups: BlockingGroup[] = [];
  for (const g of all) {
    const kept = g.items.slice(0, Math.max(0, room));
    more += g.items.length - kept.length;
    room -= kept.length;
    if (kept.length) groups.push({ scope: g.scope, items: kept });
  }
  return { groups, more };
}

/** `diff` is null when there was no previous run (or for a test send without one). */
export function buildEmailContent(report: Report, diff: ReportDiff | null, options: EmailOptions = {}): EmailContent {
  const none: ReportDiff = { newlyFailing: [], fixed: [], stillFailing: [], newlyErroring: [] };
  const d = diff ?? none;
  const { groups, more } = blockingGroups(report);
  return {
    siteName: options.siteName?.trim() ? options.siteName : null,
    baseUrl: report.site.baseUrl,
    generatedAt: report.generatedAt,
    ready: report.ready,
    score: report.score,
    compared: diff !== null,
    newlyFailing: section(report, d.newlyFailing),
    fixed: section(report, d.fixed),
    newlyErroring: section(report, d.newlyErroring),
    stillFailing: d.stillFailing.length,
    blocking: groups,
    blockingMore: more,
    appUrl: options.appUrl ?? null,
  };
}

/** 'Ready' / 'Not ready' / 'Unknown', the gate in words for a subject line. */
export function gateWords(ready: boolean | null): string {
  return ready === true ? 'Ready' : ready === false ? 'Not ready' : 'Unknown';
}

export function percentWords(score: Score): string {
  return score.percent === null ? 'no score' : `${Math.round(score.percent)}%`;
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
