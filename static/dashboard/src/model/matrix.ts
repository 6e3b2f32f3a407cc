/**
 * The overview matrix: one row per service desk, one column per requirement group,
 * each cell the worst status of that group's checks. Each result carries its group
 * (the engine fills it from the check's meta; the server fills it for reports stored
 * before), so the UI needs no copy of the catalogue and no reading of check ids.
 */
import type { CheckResult, CheckStatus, ProjectReport, Report, RequirementGroup } from '../../../../src/shared/report-model';
import { STATUS_ORDER } from '../../../../src/shared/report-model';
import { deskSummary } from '../../../../src/shared/readiness-summary';

export const GROUPS: readonly RequirementGroup[] = ['service-account', 'moveworks', 'customers', 'workflows'];

/** Worst status first (fail > error > warn > manual > pass > n/a); undefined when there is none. */
export function worstOf(checks: readonly CheckResult[]): CheckStatus | undefined {
  let worst: CheckStatus | undefined;
  for (const c of checks) {
    if (worst === undefined || STATUS_ORDER.indexOf(c.status) < STATUS_ORDER.indexOf(worst)) worst = c.status;
  }
  return worst;
}

export interface MatrixRow {
  key: string;
  name: string;
  ready: boolean | null;
  percent: number | null;
  cells: Record<RequirementGroup, CheckStatus | undefined>;
}

function cellsFor(checks: readonly CheckResult[]): Record<RequirementGroup, CheckStatus | undefined> {
  const cells = {} as Record<RequirementGroup, CheckStatus | undefined>;
  for (const g of GROUPS) cells[g] = worstOf(checks.filter((c) => c.group === g));
  return cells;
}

/** The site's own row: the site-scope checks (service account, Moveworks app and connector). */
export function siteCells(report: Report): Record<RequirementGroup, CheckStatus | undefined> {
  return cellsFor(report.checks);
}

/**
 * One row per desk from that desk's own checks, matching its gate (the engine's
 * project gate does not fold in the site checks; the site row shows those).
 */
export function buildMatrix(report: Report): MatrixRow[] {
  return report.projects.map((p: ProjectReport) => {
    const desk = deskSummary(p);
    return { key: p.key, name: p.name, ready: desk.ready, percent: desk.score.percent, cells: cellsFor(p.checks) };
  });
}
