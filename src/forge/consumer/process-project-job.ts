/**
 * The queue consumer's work: `processProjectJob(deps, job)` checks one service desk
 * as the app (engine runReadiness with projectKeys = [job.projectKey]), stores that
 * project's report and the site checks, and records the job's outcome in the run's
 * progress. A job that fails records why and leaves the previous report untouched;
 * it never throws, so the queue does not retry a run that would fail the same way.
 * When the last job of the current run finishes, the run is added to the history.
 *
 * Used by src/index.ts (Forge @forge/events consumer) and by the local preview's
 * in-process queue.
 */
import type { AppDeps, ProjectJob } from '../deps';
import { runChecks } from '../run/readiness-runner';
import { knownForJob, runDeskId } from '../run/run-site';
import type { RunSharedWait } from '../run/run-shared';
import { getSettings } from '../storage/settings-repo';
import { migrateStorage } from '../storage/migrate';
import { storeReport } from '../storage/report-repo';
import { recordDeskSize } from '../storage/desk-size-repo';
import { DESK_CUSTOMERS } from '../../gather/project-details';
import { loadParityImport } from '../storage/parity-import-repo';
import { appendProjectHistory } from '../storage/history-repo';
import { loadDecisions } from '../storage/load-report';
import { projectView } from '../storage/apply-decisions';
import { refreshHistoryAfterChange } from '../storage/refresh-history';
import { currentRun, recordJobWait, recordOutcomeAndCount } from '../storage/progress-repo';
import { rateLimitWaitProgress } from '../../gather/progress';
import type { RateLimitWait } from '../../jira/rate-gate';
import { jobJiraDeadlineMs } from './job-deadline';
import { finishRun } from './finalise-run';
import { openDeskContinuation, type CustomerPagingOptions, type DeskContinuation } from './desk-continuation';
import type { SiteSnapshot } from '../../gather/snapshot';

export interface JobResult {
  projectKey: string;
  /** 'continued': the desk is too large for one job; a follow-up job reads on and records its outcome. */
  state: 'done' | 'failed' | 'continued';
  message?: string;
}

/** A reason for the progress view: the error's own sentence, bounded, never a stack. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message || 'The check failed for an unknown reason.').slice(0, 300);
}

export interface ProcessJobOptions {
  /** How a job waits for what the run's desks share, read by another job (tests shorten it). */
  sharedWait?: RunSharedWait;
  /** When the job stops paging its desk's customers and hands the rest on (tests shorten it). */
  customerPaging?: CustomerPagingOptions;
}

export async function processProjectJob(deps: AppDeps, job: ProjectJob, options: ProcessJobOptions = {}): Promise<JobResult> {
  const startedAt = deps.now();
  // Forge ends the invocation at its time limit: a rate-limit wait beyond it is given up on, the checks become errors.
  const deadlineMs = jobJiraDeadlineMs(startedAt);
  const notes: Promise<void>[] = [];
  const onRateLimitWait = (wait: RateLimitWait): void => {
    const note = { message: rateLimitWaitProgress(wait).message, until: new Date(deps.now().getTime() + wait.waitMs).toISOString() };
    notes.push(recordJobWait(deps.storage, job.runId, job.projectKey, note).catch((e) => deps.log.warn('Could not store a rate-limit wait in the run’s progress', { projectKey: job.projectKey, reason: reasonOf(e) })));
  };
  let result: JobResult & { state: 'done' | 'failed' };
  // The run's shared read this job started or waits for; it is settled before the job ends.
  let shared: Promise<unknown> | undefined;
  // A desk too large for one job is read across several (desk-continuation.ts).
  let desk: DeskContinuation | undefined;
  try {
    await migrateStorage(deps.storage, deps.log);
    const { settings } = await getSettings(deps.storage);
    // The desk's customer paging, the run's longest chains, starts at once when the run's start listed its desk…
    desk = await openDeskContinuation(deps, job, { deskId: await runDeskId(deps, job.runId, job.projectKey), startedAt, ...options.customerPaging });
    const deskId = desk.deskId;
    // …while what the desks share is read once per run (by its first job) or waited for; whatever is not shared is read here.
    const known = desk.known(knownForJob(deps, job.runId, settings, { ...(options.sharedWait ? { wait: options.sharedWait } : {}), jiraDeadlineMs: deadlineMs, onRateLimitWait }));
    // Awaited by the gatherer; a failure is the job's, never unobserved.
    shared = known.catch(() => undefined);
    // A desk paired with a desk of an imported report is compared with it (PARITY-CONFIG).
    const imported = settings.parityPairs?.some((p) => p.source === 'imported' && p.production === job.projectKey) ? await loadParityImport(deps.storage) : null;
    let snapshot: SiteSnapshot | undefined;
    const checked = await runChecks({ transport: deps.jiraAsApp(), settings, projectKeys: [job.projectKey], log: deps.log, now: deps.now, known, ...(deskId ? { startCustomersOf: [deskId] } : {}), customerPager: desk.pager, onSnapshot: (s) => (snapshot = s), deadlineMs, onRateLimitWait, ...(imported ? { parityImported: imported.desks } : {}) });
    // The desk's customers not all read yet: a follow-up job reads on and records the desk's outcome.
    const report = await desk.settle(checked, snapshot);
    if (!report) {
      await shared;
      await Promise.all(notes);
      deps.log.info('Project job handed its desk on', { projectKey: job.projectKey, runId: job.runId, part: job.part ?? 1, ms: deps.now().getTime() - startedAt.getTime() });
      return { projectKey: job.projectKey, state: 'continued' };
    }
    if (!report.projects.some((p) => p.key === job.projectKey)) {
      throw new Error(`Jira did not return project ${job.projectKey}; it may have been deleted or is not a service desk.`);
    }
    const own = { ...report, projects: report.projects.filter((p) => p.key === job.projectKey) };
    const [stored] = await storeReport(deps.storage, own, job.runId);
    // The desk's customer chain, for the next run's order; a job that read no customers (a fix's re-check) leaves it.
    const customerPages = report.stats?.callsByEndpoint[`GET ${DESK_CUSTOMERS}`];
    if (customerPages) await recordDeskSize(deps.storage, job.projectKey, customerPages, deps.now()).catch(() => undefined);
    if (job.reason === 'fix') {
      // A fix's re-check belongs to no run: it updates the newest History rows instead of adding one.
      await refreshHistoryAfterChange(deps.storage, deps.now(), [job.projectKey]);
    } else {
      // The desk as every surface shows it: as stored, with the admin's decisions overlaid.
      const decorated = projectView(stored!, await loadDecisions(deps.storage), deps.now());
      await appendProjectHistory(deps.storage, { ...own, projects: [decorated] }, job.projectKey, job.runId);
    }
    result = { projectKey: job.projectKey, state: 'done' };
  } catch (error) {
    result = { projectKey: job.projectKey, state: 'failed', message: reasonOf(error) };
    deps.log.error('Readiness check of a project failed; previous report kept', { projectKey: job.projectKey, runId: job.runId, reason: result.message });
    await desk?.drop();
  }

  await shared;
  await Promise.all(notes);
  const run = await currentRun(deps.storage);
  if (run?.runId === job.runId) {
    const count = await recordOutcomeAndCount(deps.storage, run, job.projectKey, {
      state: result.state,
      at: deps.now().toISOString(),
      ...(result.message ? { message: result.message } : {}),
    });
    // A job delivered again (its invocation died, perhaps while finishing the run) looks again whether the run is complete.
    if (count.last || !count.counted) await finishRun(deps, job.runId);
  }
  deps.log.info('Project job finished', { projectKey: job.projectKey, runId: job.runId, state: result.state, ms: deps.now().getTime() - startedAt.getTime() });
  return result;
}
