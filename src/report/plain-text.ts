/**
 * The e-mail's plain-text body: what changed since the last run, then the same
 * table as the terminal, without colour.
 */
import type { Report, ReportDiff } from '../engine/types';
import { stripControlChars } from './escape';
import { renderReportText } from './text';

export function renderDiffText(diff: ReportDiff): string {
  const groups: [string, string[]][] = [
    ['Newly failing', diff.newlyFailing],
    ['Newly not decidable (error)', diff.newlyErroring],
    ['Fixed', diff.fixed],
    ['Still failing', diff.stillFailing],
  ];
  const lines = groups
    .filter(([, items]) => items.length > 0)
    .map(([label, items]) => `  ${label} (${items.length}): ${items.map((i) => stripControlChars(i)).join(', ')}`);
  return ['What changed since the last run', ...(lines.length ? lines : ['  Nothing changed.'])].join('\n') + '\n';
}

export function renderReportPlainText(report: Report, options: { diff?: ReportDiff | null } = {}): string {
  const text = renderReportText(report, { color: false });
  return options.diff ? `${renderDiffText(options.diff)}\n${text}` : text;
}
