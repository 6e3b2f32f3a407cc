/**
 * applyFix's work: a new fix run for the fix and scope (or the caller's own
 * unfinished one, resumed), advanced within the resolver's time, and handed to the
 * queue when it needs longer (many desks, many users): the page then polls
 * getFixRun for progress. The plan is always made here, on the server, from Jira as
 * it reads now; nothing the page sends is applied.
 */
import type { Fix } from '../../fixes/fix';
import type { Caller } from '../authz/authorise';
import type { AppDeps } from '../deps';
import { displayNameOf } from '../jira/display-name';
import { activeFixRun, createFixRun, loadFixRun, saveFixRun, type FixRunRecord } from '../storage/fix-run-repo';
import { advanceFixRun } from './advance';
import { batchesOf, planCaller } from './gather-for-fix';
import { desksInScope, scopeKey } from './desks-in-scope';

/** A run not moved on for this long has lost its job (Forge ends a consumer at 900 s): it may be resumed. */
export const STALE_AFTER_MS = 16 * 60_000;

export interface StartOptions {
  /** When the resolver must have answered (ms since the epoch), less a margin. */
  deadlineMs: number;
}

export async function startFixRun(deps: AppDeps, caller: Caller, fix: Fix, projectKey: string | undefined, options: StartOptions): Promise<FixRunRecord> {
  const scope = scopeKey(fix, projectKey);
  const now = deps.now();
  const existing = await activeFixRun(deps.storage, fix.meta.id, scope);
  if (existing) {
    const stale = now.getTime() - Date.parse(existing.updatedAt) > STALE_AFTER_MS;
    if (!stale && existing.background) return existing;
    if (existing.by === caller.accountId) return continueRun(deps, existing.runId, options);
    existing.state = 'failed';
    existing.message = 'Stopped: its job ended before the fix was done, and someone else applied the fix again.';
    existing.finishedAt = now.toISOString();
    await saveFixRun(deps.storage, existing);
  }

  const desks = await desksInScope(deps.storage, fix, projectKey, now);
  const batches = fix.meta.scope === 'site' ? [[]] : batchesOf(desks);
  const byName = await displayNameOf(deps, caller.accountId);
  const run: FixRunRecord = {
    runId: `fix-${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    fixId: fix.meta.id,
    ...(projectKey ? { projectKey } : {}),
    scope,
    desks,
    by: caller.accountId,
    ...(byName ? { byName } : {}),
    caller: planCaller(caller, desks),
    startedAt: now.toISOString(),
    updatedAt: now.toISOString(),
    state: 'running',
    background: false,
    batches: batches.map((d) => ({ desks: d })),
    progress: { changesDone: 0, changesTotal: 0, itemsDone: 0, itemsFailed: 0, itemsTotal: 0, desksDone: 0, desksTotal: desks.length },
    rechecked: [],
  };
  if (fix.meta.scope === 'desk' && desks.length === 0) {
    run.state = 'done';
    run.finishedAt = run.startedAt;
    run.message = `No desk fails ${fix.meta.resolves.join(', ')}: there is nothing to fix.`;
  }
  deps.log.info('Fix run started', { runId: run.runId, fixId: run.fixId, by: run.by, desks: desks.length });
  await createFixRun(deps.storage, run);
  if (run.state !== 'running') return run;
  // Many desks are worked on batch by batch in the background from the start.
  if (batches.length > 1) return toBackground(deps, run);
  return continueRun(deps, run.runId, options);
}

async function continueRun(deps: AppDeps, runId: string, options: StartOptions): Promise<FixRunRecord> {
  const run = await advanceFixRun(deps, runId, { deadlineMs: options.deadlineMs });
  return run.state === 'running' ? toBackground(deps, run) : run;
}

/** Hands the run to the queue; without a queue that can take it, it stays paused for a second click. */
async function toBackground(deps: AppDeps, run: FixRunRecord): Promise<FixRunRecord> {
  const fresh = (await loadFixRun(deps.storage, run.runId)) ?? run;
  if (!deps.queue.pushFix) {
    fresh.message = 'The fix needs longer than one request; apply it again to continue where it stopped.';
    fresh.updatedAt = deps.now().toISOString();
    await saveFixRun(deps.storage, fresh);
    return fresh;
  }
  fresh.background = true;
  fresh.updatedAt = deps.now().toISOString();
  await saveFixRun(deps.storage, fresh);
  await deps.queue.pushFix({ fixRunId: fresh.runId });
  return fresh;
}
