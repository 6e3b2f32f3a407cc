/**
 * Moves a fix run on from where it stands, until it is done or its time is up:
 * batch by batch (up to DESKS_PER_BATCH desks read together), plan once and store
 * the plan, apply the changes as the user who asked (recording each result the
 * moment Jira answered), then re-check what the fix resolves for those desks.
 * Every step is recorded before the next begins, so whoever picks the run up next
 * (the same resolver call, a queued job, a second click) continues exactly there:
 * a planned batch is not read from Jira again, an applied change is not sent again.
 */
import type { GroupMembers, SiteSnapshot } from '../../gather/snapshot';
import type { Fetched } from '../../shared/fetched';
import { findFix } from '../../fixes/registry';
import { runFix } from '../../fixes/runner';
import { planWithUsages } from '../../fixes/plan-with-usages';
import { readWorkflowUsages } from '../../gather/workflow-usages';
import { JiraClient } from '../../jira/jira-client';
import { needsUserConsent } from '../../jira/needs-consent';
import type { AppDeps } from '../deps';
import { kvsFixResults, loadBatchPlan, loadFixRun, saveFixRun, storeBatchPlan, type FixBatch, type FixRunRecord } from '../storage/fix-run-repo';
import { getSettings } from '../storage/settings-repo';
import { watchConsent } from './consent-watch';
import { gatherForFix, planInput } from './gather-for-fix';
import { RECHECKED_KEPT, recheckResolved } from './recheck';

/** Progress is written at most this often while changes are applied (and at every batch's end). */
const PROGRESS_EVERY_MS = 2000;
/** A step is not started with less time than this left: reading a batch or re-checking it takes a while. */
const STEP_MARGIN_MS = 3000;

export interface AdvanceOptions {
  /** When this invocation must be done (ms since the epoch). */
  deadlineMs: number;
}

const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 500);

/** Sums the batches' counts into the run's progress. */
function tally(run: FixRunRecord, counts: Map<number, { changesDone: number; itemsDone: number; itemsFailed: number }>): void {
  const planned = run.batches.filter((b) => b.planned);
  run.progress = {
    changesDone: [...counts.values()].reduce((n, c) => n + c.changesDone, 0),
    changesTotal: planned.reduce((n, b) => n + b.planned!.changes, 0),
    itemsDone: [...counts.values()].reduce((n, c) => n + c.itemsDone, 0),
    itemsFailed: [...counts.values()].reduce((n, c) => n + c.itemsFailed, 0),
    itemsTotal: planned.reduce((n, b) => n + b.planned!.items, 0),
    desksDone: run.batches.filter((b) => b.applied).reduce((n, b) => n + b.desks.length, 0),
    desksTotal: run.desks.length,
  };
}

/** Advances the run; answers it as stored afterwards (state 'running' when time ran out first). */
export async function advanceFixRun(deps: AppDeps, runId: string, options: AdvanceOptions): Promise<FixRunRecord> {
  const run = await loadFixRun(deps.storage, runId);
  if (!run) throw new Error(`There is no fix run ${runId}.`);
  if (run.state !== 'running') return run;
  const save = async () => {
    run.updatedAt = deps.now().toISOString();
    await saveFixRun(deps.storage, run);
  };
  const fix = findFix(run.fixId);
  if (!fix) {
    run.state = 'failed';
    run.message = `This version of the app has no fix "${run.fixId}".`;
    await save();
    return run;
  }
  const timeLeft = () => options.deadlineMs - deps.now().getTime();
  const timeUp = () => timeLeft() < STEP_MARGIN_MS;
  // Writes as the user who asked for the fix, reads too: the plan is what they can see and change.
  const consent = watchConsent(deps.jiraAsUser(run.by));
  const client = new JiraClient(consent.transport, { logger: deps.log, deadlineMs: options.deadlineMs });
  const results = kvsFixResults(deps.storage, run.runId);
  const counts = new Map<number, { changesDone: number; itemsDone: number; itemsFailed: number }>();
  const done = await results.recorded();
  let knownGroups: Readonly<Record<string, Fetched<GroupMembers>>> | undefined;
  // What each batch's plan read in this invocation: its re-check reads again only what the fix changed.
  const plannedFrom = new Map<number, SiteSnapshot>();

  try {
    const { settings } = await getSettings(deps.storage);
    for (const [index, batch] of run.batches.entries()) {
      if (!batch.planned) {
        if (timeUp()) return await pause(run, save);
        const snapshot = await gatherForFix(client, fix, settings, batch.desks, { now: deps.now, ...(knownGroups ? { knownGroups } : {}) });
        // A plan read without the user's consent would be all "could not be read": let Forge ask instead.
        consent.rethrow();
        knownGroups = snapshot.endUserGroups;
        plannedFrom.set(index, snapshot);
        const plan = await planWithUsages(fix, planInput(fix, snapshot, settings, batch.desks, run.caller), (ids) => readWorkflowUsages(client, ids));
        consent.rethrow();
        const chunks = await storeBatchPlan(deps.storage, run.runId, index, plan.changes);
        batch.planned = {
          chunks,
          changes: plan.changes.length,
          items: plan.changes.reduce((n, c) => n + c.items, 0),
          blockers: plan.blockers,
          ...(plan.summary ? { summary: plan.summary } : {}),
        };
        tally(run, counts);
        await save();
      }
      if (!batch.applied) {
        const changes = await loadBatchPlan(deps.storage, run.runId, index, batch.planned.chunks);
        let lastSave = deps.now().getTime();
        const outcome = await runFix({
          fix,
          changes,
          client,
          results,
          now: deps.now,
          shouldStop: timeUp,
          onProgress: async (p) => {
            counts.set(index, p);
            tally(run, counts);
            if (deps.now().getTime() - lastSave >= PROGRESS_EVERY_MS) {
              lastSave = deps.now().getTime();
              await save();
            }
          },
        });
        countBatch(counts, index, outcome.results);
        if (!outcome.finished) {
          tally(run, counts);
          return await pause(run, save, outcome.stoppedBecause);
        }
        batch.applied = true;
        tally(run, counts);
        await save();
      } else if (batch.planned) {
        countBatch(counts, index, (await loadBatchPlan(deps.storage, run.runId, index, batch.planned.chunks)).map((c) => done.get(c.id)).filter((r) => r !== undefined));
      }
      if (!batch.rechecked) {
        if (timeUp()) return await pause(run, save);
        const rechecked = await recheckBatch(deps, fix, batch, timeLeft() - STEP_MARGIN_MS, plannedFrom.get(index));
        plannedFrom.delete(index);
        if (rechecked === 'timeout') return await pause(run, save);
        run.rechecked = [...run.rechecked, ...rechecked].slice(0, RECHECKED_KEPT);
        batch.rechecked = true;
        await save();
      }
    }
    tally(run, counts);
    run.state = 'done';
    run.finishedAt = deps.now().toISOString();
    delete run.message;
    await save();
    deps.log.info('Fix run finished', { runId: run.runId, fixId: run.fixId, by: run.by, changes: run.progress.changesDone, itemsDone: run.progress.itemsDone, itemsFailed: run.progress.itemsFailed });
    return run;
  } catch (error) {
    if (needsUserConsent(error)) throw error;
    run.state = 'failed';
    run.message = `The fix stopped: ${reasonOf(error)}`;
    run.finishedAt = deps.now().toISOString();
    await save();
    deps.log.error('Fix run failed', { runId: run.runId, fixId: run.fixId, reason: run.message });
    return run;
  }
}

function countBatch(counts: Map<number, { changesDone: number; itemsDone: number; itemsFailed: number }>, index: number, results: readonly { itemsDone?: number; itemsFailed?: number; outcome: string }[]): void {
  let itemsDone = 0;
  let itemsFailed = 0;
  for (const r of results) {
    itemsDone += r.itemsDone ?? (r.outcome === 'applied' ? 1 : 0);
    itemsFailed += r.itemsFailed ?? (r.outcome === 'refused' || r.outcome === 'failed' ? 1 : 0);
  }
  counts.set(index, { changesDone: results.length, itemsDone, itemsFailed });
}

async function pause(run: FixRunRecord, save: () => Promise<void>, why?: string): Promise<FixRunRecord> {
  run.message = why ?? 'The time for this step ran out; the fix continues in the background where it stopped.';
  await save();
  return run;
}

/** Re-checks a batch's desks; a batch that changed nothing needs no re-check. */
async function recheckBatch(deps: AppDeps, fix: Parameters<typeof recheckResolved>[1], batch: FixBatch, timeLeftMs: number, planned?: SiteSnapshot) {
  if (!batch.planned || batch.planned.changes === 0) return [];
  return recheckResolved(deps, fix, batch.desks, timeLeftMs, planned);
}
