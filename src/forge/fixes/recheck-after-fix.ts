/**
 * After a one-click fix, re-runs the affected checks for that one project as the app
 * (reading only the artifacts they need) and stores their results into the project's
 * report (and the newest History rows), so the admin sees the check turn green at once. When the run
 * does not finish within the time left in the request, a queued job for the project
 * takes over (outside any run's progress) and the caller is told.
 */
import type { CheckResult } from '../../shared/report-model';
import type { AppDeps } from '../deps';
import { READINESS_JOB_CONCURRENCY } from '../run/job-pacing';
import { runChecks } from '../run/readiness-runner';
import { getSettings } from '../storage/settings-repo';
import { replaceProjectChecks } from '../storage/report-repo';
import { findCheck } from '../../requirements/catalogue';
import { loadDecoratedProject } from '../storage/load-report';
import { refreshHistoryAfterChange } from '../storage/refresh-history';

export async function recheckAfterFix(
  deps: AppDeps,
  projectKey: string,
  checkIds: readonly string[],
  timeLeftMs: number,
): Promise<{ rechecked: CheckResult[]; recheckQueued: boolean }> {
  const { settings } = await getSettings(deps.storage);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), Math.max(0, timeLeftMs));
  });
  try {
    // Read only what the affected checks need (no workflows or screens): the fix answers within the request.
    const requires = [...new Set(checkIds.flatMap((id) => findCheck(id)?.requires ?? []))];
    const outcome = await Promise.race([
      runChecks({ transport: deps.jiraAsApp(), settings, projectKeys: [projectKey], log: deps.log, now: deps.now, requires }),
      timeout,
    ]);
    if (outcome === 'timeout') throw new Error('The re-check did not finish in time.');
    const project = outcome.projects.find((p) => p.key === projectKey);
    if (!project) throw new Error(`Jira did not return project ${projectKey}.`);
    const affected = project.checks.filter((c) => checkIds.includes(c.id));
    if (!(await replaceProjectChecks(deps.storage, projectKey, affected))) {
      throw new Error(`There is no stored report of ${projectKey} to update.`);
    }
    // The fix changed the stored report, not a run: the newest History rows and the diff follow it.
    await refreshHistoryAfterChange(deps.storage, deps.now(), [projectKey]);
    const view = await loadDecoratedProject(deps.storage, projectKey, deps.now());
    return { rechecked: (view.project?.checks ?? []).filter((c) => checkIds.includes(c.id)), recheckQueued: false };
  } catch (e) {
    deps.log.warn('Re-check after fix did not finish in the request; queued', { projectKey, reason: e instanceof Error ? e.message : String(e) });
    // Outside the run's progress: a run in flight keeps its own progress; this job only refreshes the project.
    try {
      await deps.queue.push([{ runId: `fix-${deps.now().toISOString()}`, projectKey, reason: 'fix' }], { concurrency: READINESS_JOB_CONCURRENCY });
      return { rechecked: [], recheckQueued: true };
    } catch {
      return { rechecked: [], recheckQueued: false };
    }
  } finally {
    if (timer) clearTimeout(timer);
  }
}
