/**
 * The Parity page's data, from storage: for each pair, the comparison of the stored
 * reports (this run's desks, or the imported report's), computed with the same pure
 * comparison PARITY-CONFIG uses. A desk of this site read only to be compared (not in
 * scope itself) has no stored report: its production desk's PARITY-CONFIG evidence
 * then holds the comparison of the last run.
 */
import { compareDesks } from '../../requirements/parity/compare';
import { counterpartLabel } from '../../requirements/parity/parity-config';
import { PARITY_CHECK_ID, parityDeskOf } from '../../requirements/parity/parity-desk';
import type { ParityComparison, ParityPairView, ParitySource, ParityView } from '../../shared/parity-model';
import type { ParityPair, Report } from '../../shared/report-model';

function samePair(a: ParityPair, b: ParityPair): boolean {
  return a.production === b.production && a.nonProduction === b.nonProduction && (a.source ?? 'site') === (b.source ?? 'site');
}

/** The comparison PARITY-CONFIG recorded for this pair in the last run, if any. */
function recorded(report: Report, pair: ParityPair): ParityComparison | null {
  const check = report.projects.find((p) => p.key === pair.production)?.checks.find((c) => c.id === PARITY_CHECK_ID);
  const evidence = check?.evidence as { pair?: ParityPair; comparison?: ParityComparison } | undefined;
  return evidence?.pair && evidence.comparison && samePair(evidence.pair, pair) && Array.isArray(evidence.comparison.items) ? evidence.comparison : null;
}

export function pairView(pair: ParityPair, report: Report | null, imported: ParitySource | null): ParityPairView {
  if (!report) return { pair, comparison: null, note: 'No run has been stored yet: run the checks.' };
  const prod = parityDeskOf(report, pair.production);
  if (!prod) return { pair, comparison: null, note: `${pair.production} has no result yet: run the checks.` };
  if (pair.source === 'imported') {
    if (!imported) return { pair, comparison: null, note: 'No non-production report is imported: import one in Settings.' };
    const test = imported.desks.find((d) => d.key === pair.nonProduction);
    return test ? { pair, comparison: compareDesks(prod, test) } : { pair, comparison: null, note: `The imported report has no desk ${pair.nonProduction}.` };
  }
  const test = parityDeskOf(report, pair.nonProduction);
  if (test) return { pair, comparison: compareDesks(prod, test) };
  const last = recorded(report, pair);
  return last ? { pair, comparison: last } : { pair, comparison: null, note: `${counterpartLabel(pair)} has no result yet: run the checks.` };
}

/** Pairs a desk takes part in (either side), or every pair. */
export function pairsFor(pairs: readonly ParityPair[], projectKey?: string): ParityPair[] {
  if (!projectKey) return [...pairs];
  return pairs.filter((p) => p.production === projectKey || ((p.source ?? 'site') === 'site' && p.nonProduction === projectKey));
}

export function parityView(pairs: readonly ParityPair[], report: Report | null, imported: ParitySource | null, projectKey?: string): ParityView {
  return {
    pairs: pairsFor(pairs, projectKey).map((pair) => pairView(pair, report, imported)),
    imported: imported
      ? {
          baseUrl: imported.baseUrl,
          generatedAt: imported.generatedAt,
          importedAt: imported.importedAt,
          ...(imported.importedBy ? { importedBy: imported.importedBy } : {}),
          ...(imported.fileName ? { fileName: imported.fileName } : {}),
          desks: imported.desks.map((d) => ({ key: d.key, name: d.name })),
        }
      : null,
  };
}
