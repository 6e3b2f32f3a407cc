/**
 * The queue consumer's work for a fix run: advance it (fix-runs/advance.ts) within
 * this invocation's time, and when it is not done yet, push itself again to go on
 * where it stopped. Never throws for the fix's own failures (they are recorded on the
 * run), so the queue does not repeat a run that would fail the same way.
 */
import type { AppDeps, FixJob } from '../deps';
import { advanceFixRun } from '../fix-runs/advance';
import { needsUserConsent } from '../../jira/needs-consent';
import { loadFixRun, saveFixRun } from '../storage/fix-run-repo';
import { migrateStorage } from '../storage/migrate';

/** Forge gives a consumer 900 s (manifest timeoutSeconds); the run stops starting work well before. */
export const FIX_JOB_BUDGET_MS = 780_000;

export async function processFixJob(deps: AppDeps, job: FixJob, budgetMs = FIX_JOB_BUDGET_MS): Promise<void> {
  await migrateStorage(deps.storage, deps.log);
  let run;
  try {
    run = await advanceFixRun(deps, job.fixRunId, { deadlineMs: deps.now().getTime() + budgetMs });
  } catch (error) {
    // No one is there to allow access in a background job: the run says so and stops.
    if (!needsUserConsent(error)) throw error;
    const stopped = await loadFixRun(deps.storage, job.fixRunId);
    if (stopped) {
      Object.assign(stopped, { state: 'failed', finishedAt: deps.now().toISOString(), updatedAt: deps.now().toISOString(), message: 'Jira asked the person who applied the fix to allow the app access; open the app, allow access, and apply the fix again.' });
      await saveFixRun(deps.storage, stopped);
    }
    return;
  }
  if (run.state === 'running') {
    if (deps.queue.pushFix) await deps.queue.pushFix({ fixRunId: run.runId });
    else deps.log.warn('A fix run needs another job, but this queue cannot take one; it resumes when applied again', { runId: run.runId });
  }
}
