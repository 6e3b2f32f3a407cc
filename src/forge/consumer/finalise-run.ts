/**
 * Once every job of a run has reported, the run becomes one site history entry
 * (score, gate, failing checks) for the trend and the "what changed" diff, and a
 * scheduled run sends its report e-mail. Runs where every project failed add
 * nothing: there is no new result to compare or send.
 *
 * Two jobs finishing at the same moment may both get here: the history append is
 * idempotent per run, and the e-mail goes out from the one finish that claims the
 * run's mail (createIfAbsent, kvs's compare-and-set): at most once per run, since
 * Jira's notify is not idempotent. The report is stored before any of this, so a
 * failed or skipped send loses nothing.
 */
import type { RunProgress } from '../../shared/resolver-api';
import type { AppDeps } from '../deps';
import { findDelivery } from '../storage/delivery-repo';
import { KEYS } from '../storage/keys';
import { appendSiteHistory } from '../storage/history-repo';
import { loadStoredAndDecorated } from '../storage/load-report';
import { currentRun } from '../storage/progress-repo';
import { writeOverviewIndex } from '../storage/overview-index';
import { sendReport } from './send-report';

export async function finaliseRunIfComplete(deps: AppDeps, progress: RunProgress): Promise<boolean> {
  if (progress.state === 'running' || progress.projectsDone - progress.failed.length === 0) return false;
  const stored = await loadStoredAndDecorated(deps.storage, deps.now());
  if (!stored) return false;
  const { report, projects } = stored;
  const finished = { ...report, generatedAt: progress.finishedAt ?? report.generatedAt };
  await appendSiteHistory(deps.storage, finished, progress.runId);
  // Every stored desk now has a summary: the overview may read those instead of the whole reports.
  await writeOverviewIndex(deps.storage, progress.runId, projects);
  const header = await currentRun(deps.storage);
  if (header?.runId === progress.runId && header.reason === 'scheduled' && !(await findDelivery(deps.storage, progress.runId))) {
    if (await deps.storage.createIfAbsent(KEYS.mailClaim(progress.runId), { at: deps.now().toISOString() })) await sendReport(deps, progress.runId, finished);
  }
  return true;
}
