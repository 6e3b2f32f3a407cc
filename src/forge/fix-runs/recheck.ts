/**
 * After a fix changed Jira, re-runs the checks it resolves and every other check
 * judged on what it changed (a new global transition changes what
 * WF-BOT-TRANSITIONS-RESTRICTED and the Resolve-screen checks see), for the desks it
 * worked on, as the app and reading only what those checks need, and stores their
 * results into the stored report (and the newest History rows), so no card is left
 * judged on the old workflow and the page shows the resolved ones turn green at once. Bounded by the time left: a re-check that does not finish
 * answers 'timeout' and the fix run does it later.
 */
import type { CheckResult } from '../../shared/report-model';
import { knownExcept } from '../../gather/known-artifacts';
import type { SiteSnapshot } from '../../gather/snapshot';
import type { Fix } from '../../fixes/fix';
import type { Check } from '../../requirements/check';
import { CATALOGUE, findCheck } from '../../requirements/catalogue';
import { PARITY_CHECK_ID } from '../../requirements/parity/parity-desk';
import type { AppDeps } from '../deps';
import { runChecks } from '../run/readiness-runner';
import { loadDecoratedProject } from '../storage/load-report';
import { refreshHistoryAfterChange } from '../storage/refresh-history';
import { replaceProjectChecks, replaceSiteChecks } from '../storage/report-repo';
import { getSettings } from '../storage/settings-repo';

/** Desks whose re-checked cards a run keeps for the page; the others are in the stored report. */
export const RECHECKED_KEPT = 10;

export type Rechecked = { projectKey: string | null; checks: CheckResult[] }[];

/**
 * `planned` is what the fix's plan read for these desks in this invocation: when the
 * fix says what it `changes`, only that is read again (one desk's customers, one
 * role, the workflows), the rest is taken from it; without it, all is read again.
 */
export async function recheckResolved(deps: AppDeps, fix: Fix, desks: readonly string[], timeLeftMs: number, planned?: SiteSnapshot): Promise<Rechecked | 'timeout'> {
  const checkIds = fix.meta.resolves;
  const checks = checksToRecheck(fix);
  const siteIds = checks.filter((c) => c.meta.scope === 'site').map((c) => c.meta.id);
  const projectIds = checks.filter((c) => c.meta.scope === 'project').map((c) => c.meta.id);
  const requires = [...new Set(checks.flatMap((c) => c.requires))];
  const { settings } = await getSettings(deps.storage);

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(0, timeLeftMs));
  });
  try {
    const report = await Promise.race([
      runChecks({ transport: deps.jiraAsApp(), settings, projectKeys: [...desks], log: deps.log, now: deps.now, requires, ...(planned && fix.changes ? { known: knownExcept(planned, fix.changes) } : {}) }),
      timeout,
    ]);
    if (report === 'timeout') return 'timeout';
    if (siteIds.length > 0) await replaceSiteChecks(deps.storage, report.checks.filter((c) => siteIds.includes(c.id)));
    const changed: string[] = [];
    for (const project of report.projects) {
      if (!desks.includes(project.key) || projectIds.length === 0) continue;
      if (await replaceProjectChecks(deps.storage, project.key, project.checks.filter((c) => projectIds.includes(c.id)))) changed.push(project.key);
    }
    // The fix changed the stored report, not a run: the newest History rows and the diff follow it.
    await refreshHistoryAfterChange(deps.storage, deps.now(), changed);
    const shown: Rechecked = [];
    for (const key of changed.slice(0, RECHECKED_KEPT)) {
      const view = await loadDecoratedProject(deps.storage, key, deps.now());
      shown.push({ projectKey: key, checks: [...view.siteChecks, ...(view.project?.checks ?? [])].filter((c) => checkIds.includes(c.id)) });
    }
    if (changed.length === 0 && siteIds.length > 0) {
      const view = await loadDecoratedProject(deps.storage, '', deps.now());
      shown.push({ projectKey: null, checks: view.siteChecks.filter((c) => siteIds.includes(c.id)) });
    }
    return shown;
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/**
 * Pure: the checks a fix's re-check runs: those it resolves, then every check whose
 * `requires` names an artifact the fix `changes`, in catalogue order. A fix that does
 * not say what it changes re-checks only what it resolves.
 */
export function checksToRecheck(fix: Fix): Check[] {
  const resolved = fix.meta.resolves.map((id) => findCheck(id)).filter((c) => c !== undefined);
  const changed = fix.changes ?? [];
  // PARITY-CONFIG compares a desk with its pair (or an imported report), which a
  // re-check of the fix's desks alone does not read: the next run judges it.
  const judgedOnChange = CATALOGUE.filter((c) => c.meta.id !== PARITY_CHECK_ID && !fix.meta.resolves.includes(c.meta.id) && c.requires.some((kind) => changed.includes(kind)));
  return [...resolved, ...judgedOnChange];
}
