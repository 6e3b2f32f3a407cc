/**
 * Once every job of a run has reported, the run becomes one site history entry
 * (score, gate, failing checks) for the trend and the "what changed" diff, and a
 * scheduled run sends its report e-mail. Runs where every project failed add
 * nothing: there is no new result to compare or send.
 *
 * The finish reads each desk's summary (no evidence, a few KiB), never every desk's
 * whole report: at 1,000 desks those are tens of MiB, more than the invocation's
 * memory. The summaries keep every status, severity and fingerprint, so the history
 * entry, the diff and the e-mail's gate are the whole report's; the e-mail reads whole
 * only the few checks it names that the summaries keep no words for.
 *
 * Two jobs finishing at the same moment may both get here: the history append is
 * idempotent per run, and the e-mail goes out from the one finish that claims the
 * run's mail (createIfAbsent, kvs's compare-and-set): at most once per run, since
 * Jira's notify is not idempotent. The report is stored before any of this, so a
 * failed or skipped send loses nothing.
 */
import { MAX_CHANGE_ITEMS } from '../../report/email-content';
import type { RunProgress } from '../../shared/resolver-api';
import type { AppDeps } from '../deps';
import { dropRunSite } from '../run/run-site';
import { assembleStoredReport } from '../storage/apply-decisions';
import { findDelivery } from '../storage/delivery-repo';
import { KEYS } from '../storage/keys';
import { appendSiteHistory, lastDiff } from '../storage/history-repo';
import { loadDecisions } from '../storage/load-report';
import { currentRun, loadProgress } from '../storage/progress-repo';
import { listSummaries, writeOverviewIndex } from '../storage/overview-index';
import { loadSite, type StoredProjectReport } from '../storage/report-repo';
import { withWholeChecks } from '../storage/whole-checks';
import { sendReport } from './send-report';

/** The last desk of the run has reported: drop what its jobs shared, then finish it. */
export async function finishRun(deps: AppDeps, runId: string): Promise<boolean> {
  const progress = await loadProgress(deps.storage, deps.now());
  if (!progress || progress.runId !== runId || progress.state === 'running') return false;
  await dropRunSite(deps, runId).catch((e) => deps.log.warn('Could not drop what the run’s jobs shared', { runId, reason: e instanceof Error ? e.message : String(e) }));
  return finaliseRunIfComplete(deps, progress);
}

export async function finaliseRunIfComplete(deps: AppDeps, progress: RunProgress): Promise<boolean> {
  if (progress.state === 'running' || progress.projectsDone - progress.failed.length === 0) return false;
  const now = deps.now();
  const [site, projects, decisions] = await Promise.all([loadSite(deps.storage), listSummaries<StoredProjectReport>(deps.storage), loadDecisions(deps.storage)]);
  if (!site) return false;
  const report = assembleStoredReport(site, projects, decisions, now);
  const finished = { ...report, generatedAt: progress.finishedAt ?? report.generatedAt };
  await appendSiteHistory(deps.storage, finished, progress.runId);
  // Every stored desk has a summary: the overview reads those instead of the whole reports.
  await writeOverviewIndex(deps.storage, progress.runId, projects.map((p) => p.key));
  const header = await currentRun(deps.storage);
  if (header?.runId === progress.runId && header.reason === 'scheduled' && !(await findDelivery(deps.storage, progress.runId))) {
    if (await deps.storage.createIfAbsent(KEYS.mailClaim(progress.runId), { at: now.toISOString() })) {
      const diff = await lastDiff(deps.storage);
      // The checks the e-mail names one by one (each section is cut at the same length the e-mail lists).
      const changed = diff ? [diff.newlyFailing, diff.fixed, diff.newlyErroring, diff.stillFailing].flatMap((keys) => keys.slice(0, MAX_CHANGE_ITEMS)) : [];
      await sendReport(deps, progress.runId, await withWholeChecks(deps.storage, finished, changed, decisions, now));
    }
  }
  return true;
}
