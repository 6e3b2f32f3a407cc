/**
 * The subject line: the gate, the score and what changed, e.g.
 * "Moveworks readiness: Not ready (71.4%) — 2 newly failing". One line whatever the
 * site name holds (a newline in a subject is a header injection attempt).
 */
import type { ReportDiff, Score } from '../shared/report-model';
import { stripControlChars } from '../report/escape';
import { formatPercent } from '../shared/readiness-summary';
import { gateWords } from '../report/email-content';

/** Longest site name kept in the subject; the body carries it whole. */
export const SUBJECT_SITE_NAME_MAX = 60;

function plural(n: number, one: string, many = one): string {
  return `${n} ${n === 1 ? one : many}`;
}

function oneLine(value: string, max: number): string {
  const line = stripControlChars(value).replace(/[\s\u2028\u2029]+/g, ' ').trim();
  const chars = Array.from(line); // by code point, so an emoji is never cut in half
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : line;
}

export function changeWords(diff: ReportDiff | null): string | null {
  if (!diff) return null;
  const parts = [
    diff.newlyFailing.length ? plural(diff.newlyFailing.length, 'newly failing') : '',
    diff.fixed.length ? plural(diff.fixed.length, 'fixed') : '',
    diff.newlyErroring.length ? plural(diff.newlyErroring.length, 'newly erroring') : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no changes';
}

export function composeSubject(ready: boolean | null, score: Score, diff: ReportDiff | null, siteName?: string): string {
  const site = siteName ? oneLine(siteName, SUBJECT_SITE_NAME_MAX) : '';
  const head = site ? `Moveworks readiness for ${site}` : 'Moveworks readiness';
  const changes = changeWords(diff);
  // Without a score (no required check applies) the gate alone says it; "Unknown (Unknown)" would say nothing.
  const percent = score.percent === null ? '' : ` (${formatPercent(score.percent)})`;
  return `${head}: ${gateWords(ready)}${percent}${changes ? ` — ${changes}` : ''}`;
}
