/** The stored report with the admin's current decisions overlaid: what every reader shows. */
import type { ProjectReport, Report } from '../../shared/report-model';
import type { KeyValueStore } from '../deps';
import { assembleStoredReport, projectView, siteChecksView, type Decisions } from './apply-decisions';
import { listAcknowledgements, listAttestations } from './decisions-repo';
import { loadProject, loadProjects, loadProjectsForOverview, loadSite } from './report-repo';

export async function loadDecisions(store: KeyValueStore): Promise<Decisions> {
  const [attestations, acknowledgements] = await Promise.all([listAttestations(store), listAcknowledgements(store)]);
  return { attestations, acknowledgements };
}

/** The whole report, every desk with its evidence; null before the first run stored anything. */
export async function loadDecoratedReport(store: KeyValueStore, now: Date): Promise<Report | null> {
  const [site, projects, decisions] = await Promise.all([loadSite(store), loadProjects(store), loadDecisions(store)]);
  if (!site) return null;
  return assembleStoredReport(site, projects, decisions, now);
}

/** The report as the overview shows it: every desk from its summary (no evidence), decisions overlaid. */
export async function loadOverviewReport(store: KeyValueStore, now: Date): Promise<Report | null> {
  const [site, projects, decisions] = await Promise.all([loadSite(store), loadProjectsForOverview(store), loadDecisions(store)]);
  if (!site) return null;
  return assembleStoredReport(site, projects, decisions, now);
}

export async function loadDecoratedProject(
  store: KeyValueStore,
  projectKey: string,
  now: Date,
): Promise<{ project: ProjectReport | null; siteChecks: Report['checks']; generatedAt: string | null }> {
  const [site, project, decisions] = await Promise.all([loadSite(store), loadProject(store, projectKey), loadDecisions(store)]);
  return {
    project: project ? projectView(project, decisions, now) : null,
    siteChecks: site ? siteChecksView(site, decisions, now) : [],
    generatedAt: project?.checkedAt ?? site?.generatedAt ?? null,
  };
}
