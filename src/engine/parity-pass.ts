/**
 * PARITY-CONFIG judges two desks, so it runs after every desk of the run is judged:
 * each production desk of a pair is compared with its counterpart — a desk of this
 * site judged in the same run, or a desk of the report imported in Settings. Pure:
 * it answers the outcomes, the judge turns them into results.
 */
import type { ProjectSnapshot, SiteSnapshot } from '../gather/snapshot';
import { PARITY_CHECK_ID, parityDeskOf, type ParityReportInput } from '../requirements/parity/parity-desk';
import { evaluateParity, pairOf, type ParityCheckInput } from '../requirements/parity/parity-config';
import type { CheckOutcome } from '../requirements/check';
import type { CheckResult, EngineSettings, ProjectReport } from '../shared/report-model';
import type { ParityDesk } from '../shared/parity-model';

export interface ParityPassInput {
  snapshot: SiteSnapshot;
  settings: EngineSettings;
  siteChecks: CheckResult[];
  projects: ProjectReport[];
  /** The desks of the report imported as this site's non-production side. */
  imported?: readonly ParityDesk[];
}

function counterpartFor(input: ParityPassInput, report: ParityReportInput, projectKey: string): Pick<ParityCheckInput, 'counterpart' | 'counterpartNote'> {
  const pair = pairOf(input.settings.parityPairs, projectKey)!;
  if (pair.source === 'imported') {
    if (!input.imported) return { counterpart: null, counterpartNote: 'no non-production report is imported (Settings › Non-production parity)' };
    const desk = input.imported.find((d) => d.key === pair.nonProduction);
    return desk ? { counterpart: desk } : { counterpart: null, counterpartNote: `the imported report has no desk ${pair.nonProduction}` };
  }
  const desk = parityDeskOf(report, pair.nonProduction);
  return desk ? { counterpart: desk } : { counterpart: null, counterpartNote: `${pair.nonProduction} was not checked in this run (is it a service desk the app can see?)` };
}

/** PARITY-CONFIG's outcome for every paired production desk of the run, by project key. */
export function parityOutcomes(input: ParityPassInput): Map<string, CheckOutcome> {
  const out = new Map<string, CheckOutcome>();
  const pairs = input.settings.parityPairs ?? [];
  if (pairs.length === 0) return out;
  const report: ParityReportInput = { generatedAt: input.snapshot.gatheredAt, site: { baseUrl: input.snapshot.baseUrl }, checks: input.siteChecks, projects: input.projects };
  for (const project of input.projects) {
    const pair = pairOf(pairs, project.key);
    const snapshotProject: ProjectSnapshot | undefined = input.snapshot.projects.find((p) => p.key === project.key);
    if (!pair || !snapshotProject || snapshotProject.unavailable || !project.checks.some((c) => c.id === PARITY_CHECK_ID)) continue;
    const parity: ParityCheckInput = { pair, own: parityDeskOf(report, project.key)!, ...counterpartFor(input, report, project.key) };
    try {
      out.set(project.key, evaluateParity({ snapshot: input.snapshot, settings: input.settings, project: snapshotProject }, parity));
    } catch (e) {
      out.set(project.key, { verdict: 'undecided', summary: `The check ${PARITY_CHECK_ID} could not decide: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  return out;
}
