/**
 * Applies a plan's changes one by one through one JiraClient, as whoever the client
 * acts as, recording each result as soon as Jira answered. Nothing here knows Forge:
 * the resolvers and the queue consumer pass a kvs-backed results store, the CLI can
 * pass its own.
 *
 * Resumable: a change whose result is already recorded is skipped, so a run that
 * stopped (time ran out, the process died) continues where it was without redoing
 * or re-reading anything. A change Jira refused is recorded in Jira's words; later
 * changes to the same Jira object are not sent (they would meet the same refusal)
 * and are recorded as refused with the same words.
 */
import { JiraError } from '../jira/jira-error';
import type { JiraClient } from '../jira/jira-client';
import type { Fix, PlannedChange } from './fix';
import type { ChangeResult } from '../shared/fix-model';
import { writeFailure } from './jira-words';

export interface FixResultStore {
  /** Results already recorded for this run, by change id. */
  recorded(): Promise<ReadonlyMap<string, ChangeResult>>;
  /** Records one result; called once per change, right after Jira answered. */
  save(change: PlannedChange, result: ChangeResult, at: Date): Promise<void>;
}

export interface FixProgress {
  changesDone: number;
  changesTotal: number;
  itemsDone: number;
  itemsFailed: number;
  itemsTotal: number;
  /** The change just recorded. */
  last?: ChangeResult;
}

export interface RunFixOptions {
  fix: Fix;
  changes: readonly PlannedChange[];
  client: JiraClient;
  results: FixResultStore;
  onProgress?: (progress: FixProgress) => void | Promise<void>;
  /** Asked before each change: true stops here; what is left stays for a resumed run. */
  shouldStop?: () => boolean;
  now?: () => Date;
}

export interface RunFixOutcome {
  /** Every change's result in plan order, those recorded earlier included; changes not reached are absent. */
  results: ChangeResult[];
  finished: boolean;
  /** Changes not applied yet (the run stopped). */
  remaining: number;
  /** Why it stopped early, when it did. */
  stoppedBecause?: string;
}

const targetKey = (c: PlannedChange) => `${c.target.kind}:${c.target.id}`;

/** Items a result counts as done / failed; a change without per-item counts is one item. */
export function itemCounts(result: ChangeResult): { done: number; failed: number } {
  const done = result.itemsDone ?? (result.outcome === 'applied' ? 1 : 0);
  const failed = result.itemsFailed ?? (result.outcome === 'refused' || result.outcome === 'failed' ? 1 : 0);
  return { done, failed };
}

export async function runFix(options: RunFixOptions): Promise<RunFixOutcome> {
  const { fix, changes, client, results } = options;
  const now = options.now ?? (() => new Date());
  const recorded = new Map(await results.recorded());
  const refusedTargets = new Map<string, string>();
  const progress: FixProgress = {
    changesDone: 0,
    changesTotal: changes.length,
    itemsDone: 0,
    itemsFailed: 0,
    itemsTotal: changes.reduce((n, c) => n + c.items, 0),
  };
  const count = (result: ChangeResult) => {
    const { done, failed } = itemCounts(result);
    progress.changesDone += 1;
    progress.itemsDone += done;
    progress.itemsFailed += failed;
  };
  const ordered: ChangeResult[] = [];
  for (const change of changes) {
    const earlier = recorded.get(change.id);
    if (earlier) {
      ordered.push(earlier);
      count(earlier);
      if (earlier.outcome === 'refused' && !earlier.itemsDone) refusedTargets.set(targetKey(change), earlier.message);
    }
  }

  for (const [index, change] of changes.entries()) {
    if (recorded.has(change.id)) continue;
    if (options.shouldStop?.()) {
      return { results: ordered, finished: false, remaining: changes.length - progress.changesDone, stoppedBecause: 'The time for this step ran out; the rest continues where it stopped.' };
    }
    let result: ChangeResult;
    const refusal = refusedTargets.get(targetKey(change));
    if (refusal !== undefined) {
      result = { changeId: change.id, outcome: 'refused', message: `Not sent: Jira refused an earlier change to ${change.target.name}: ${refusal}`, itemsDone: 0, itemsFailed: change.items };
    } else {
      try {
        result = await fix.apply(change, client);
      } catch (error) {
        // Rate limited for longer than this run may wait: stop, so a resumed run sends it later.
        if (error instanceof JiraError && error.kind === 'rate_limited') {
          return { results: ordered, finished: false, remaining: changes.length - progress.changesDone, stoppedBecause: error.message };
        }
        const failure = writeFailure(error);
        result = { changeId: change.id, outcome: failure.outcome, message: failure.message, itemsDone: 0, itemsFailed: change.items };
      }
    }
    if (result.outcome === 'refused' && !result.itemsDone) refusedTargets.set(targetKey(change), result.message);
    await results.save(change, result, now());
    recorded.set(change.id, result);
    ordered.splice(insertionPoint(ordered, changes, index), 0, result);
    count(result);
    progress.last = result;
    await options.onProgress?.({ ...progress });
  }
  return { results: ordered, finished: true, remaining: 0 };
}

/** Keeps `ordered` in plan order when earlier-recorded results sit among new ones. */
function insertionPoint(ordered: ChangeResult[], changes: readonly PlannedChange[], index: number): number {
  const position = new Map(changes.map((c, i) => [c.id, i]));
  const at = ordered.findIndex((r) => (position.get(r.changeId) ?? -1) > index);
  return at < 0 ? ordered.length : at;
}

/** "12 added, 0 failed" over a run's results, with the fix's own verb. */
export function summariseResults(fix: Pick<Fix, 'meta'>, results: readonly ChangeResult[]): { done: number; failed: number; unchanged: number; line: string } {
  let done = 0;
  let failed = 0;
  let unchanged = 0;
  for (const r of results) {
    const counts = itemCounts(r);
    done += counts.done;
    failed += counts.failed;
    if (r.outcome === 'unchanged') unchanged += 1;
  }
  const verb = fix.meta.itemVerb ?? 'changed';
  return { done, failed, unchanged, line: `${done} ${verb}, ${failed} failed${unchanged ? `, ${unchanged} already so` : ''}` };
}
