/** Reading the stored state: context, overview, one project, progress; and starting a re-check. */
import { FIXES, fixMetas } from '../../fixes/registry';
import type { FixInfo } from '../../shared/resolver-api';
import type { Caller } from '../authz/authorise';
import { ResolverFailure } from '../errors';
import { startReadinessRun } from '../run/start-run';
import { loadDecisions, loadDecoratedProject, loadOverviewReport } from '../storage/load-report';
import { siteChecksView } from '../storage/apply-decisions';
import { loadSite } from '../storage/report-repo';
import { loadProgress } from '../storage/progress-repo';
import { settingsConfigured } from '../storage/settings-repo';
import type { Handler } from './handler';
import { asObject, projectKeyOf, projectKeysOf } from './payload';
import { overviewReport } from './overview-report';

/** The registry's fixes this caller may run: those needing a Jira administrator only for one. */
export function fixesFor(caller: Caller): FixInfo[] {
  return fixMetas(FIXES.filter((f) => f.meta.permission !== 'site-admin' || caller.siteAdmin));
}

/** The registry's fixes this caller may not run (only a Jira administrator may): the card names them and who can. */
export function fixesForOthers(caller: Caller): FixInfo[] {
  return caller.siteAdmin ? [] : fixMetas(FIXES.filter((f) => f.meta.permission === 'site-admin'));
}

export const getContext: Handler<'getContext'> = async (deps, caller) => ({
  accountId: caller.accountId,
  surface: caller.surface,
  ...(caller.limitedToProject ? { projectKey: caller.limitedToProject } : {}),
  isSiteAdmin: caller.siteAdmin,
  siteBaseUrl: deps.jiraAsApp().baseUrl,
});

/** Answers from storage only, without evidence (overview-report.ts), so the dashboard opens at once however large the site. */
export const getOverview: Handler<'getOverview'> = async (deps, caller) => {
  const now = deps.now();
  const [report, progress, configured] = await Promise.all([
    loadOverviewReport(deps.storage, now),
    loadProgress(deps.storage, now),
    settingsConfigured(deps.storage),
  ]);
  return { report: report && overviewReport(report), progress, settingsConfigured: configured, fixes: fixesFor(caller) };
};

export const getProjectView: Handler<'getProjectView'> = async (deps, caller, payload) => {
  const projectKey = caller.limitedToProject ?? projectKeyOf(asObject(payload).projectKey);
  const now = deps.now();
  const [view, progress] = await Promise.all([loadDecoratedProject(deps.storage, projectKey, now), loadProgress(deps.storage, now)]);
  const others = fixesForOthers(caller);
  return { ...view, progress, fixes: fixesFor(caller), ...(others.length ? { fixesForOthers: others } : {}) };
};

/** The site checks as the desk page shows them (decisions overlaid, evidence kept), without reading any desk. */
export const getSiteView: Handler<'getSiteView'> = async (deps, caller) => {
  const now = deps.now();
  const [site, decisions, progress] = await Promise.all([loadSite(deps.storage), loadDecisions(deps.storage), loadProgress(deps.storage, now)]);
  return { siteChecks: site ? siteChecksView(site, decisions, now) : [], progress, generatedAt: site?.generatedAt ?? null, fixes: fixesFor(caller) };
};

export const getProgress: Handler<'getProgress'> = async (deps) => loadProgress(deps.storage, deps.now());

export const startRecheck: Handler<'startRecheck'> = async (deps, caller, payload) => {
  const requested = projectKeysOf(asObject(payload).projectKeys);
  const projectKeys = caller.limitedToProject ? [caller.limitedToProject] : requested;
  if (projectKeys.length > 500) throw ResolverFailure.of('VALIDATION', 'At most 500 projects per re-check.', 'projectKeys');
  return startReadinessRun(deps, { projectKeys, reason: 'recheck' });
};
