/**
 * A report built from the desks' summaries keeps no words for the checks that need
 * nothing done (overview-index.ts). The e-mail names each change since the last run
 * with its title and summary, a check fixed since then included, so those few checks
 * are read from their desks' whole reports, one desk at a time, keeping only them.
 */
import type { Report } from '../../shared/report-model';
import { splitCheckKey } from '../../shared/readiness-summary';
import type { KeyValueStore } from '../deps';
import { projectView, type Decisions } from './apply-decisions';
import { loadProject } from './report-repo';

/** `keys` as the diff names checks (`HR:CUST-COVERAGE`, `site:SA-EXISTS`); site checks are always whole. */
export async function withWholeChecks(store: KeyValueStore, report: Report, keys: readonly string[], decisions: Decisions, now: Date): Promise<Report> {
  const wanted = new Map<string, Set<string>>();
  for (const key of keys) {
    const { scope, checkId } = splitCheckKey(key);
    const project = report.projects.find((p) => p.key === scope);
    const check = project?.checks.find((c) => c.id === checkId);
    // A summary drops the title with the rest of a check's words; a whole check always has one.
    if (!check || check.title) continue;
    if (!wanted.has(scope)) wanted.set(scope, new Set());
    wanted.get(scope)!.add(checkId);
  }
  if (wanted.size === 0) return report;
  const projects = [...report.projects];
  for (const [projectKey, ids] of wanted) {
    const stored = await loadProject(store, projectKey);
    if (!stored) continue;
    const whole = new Map(projectView(stored, decisions, now).checks.filter((c) => ids.has(c.id)).map((c) => [c.id, c]));
    const i = projects.findIndex((p) => p.key === projectKey);
    projects[i] = { ...projects[i]!, checks: projects[i]!.checks.map((c) => whole.get(c.id) ?? c) };
  }
  return { ...report, projects };
}
