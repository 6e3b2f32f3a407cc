/**
 * Once every job of a run has reported, the run becomes one site history entry
 * (score, gate, failing checks) for the trend and the "what changed" diff. Runs where
 * every project failed add nothing: there is no new result to compare.
 * This is also the hook for the scheduled e-mail report: a run whose header says
 * reason 'scheduled' has just produced the report to send.
 */
import type { RunProgress } from '../../shared/resolver-api';
import type { AppDeps } from '../deps';
import { loadDecoratedReport } from '../storage/load-report';
import { appendSiteHistory } from '../storage/history-repo';

export async function finaliseRunIfComplete(deps: AppDeps, progress: RunProgress): Promise<boolean> {
  if (progress.state === 'running' || progress.projectsDone - progress.failed.length === 0) return false;
  const report = await loadDecoratedReport(deps.storage, deps.now());
  if (!report) return false;
  await appendSiteHistory(deps.storage, { ...report, generatedAt: progress.finishedAt ?? report.generatedAt }, progress.runId);
  return true;
}
