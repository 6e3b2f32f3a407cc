/**
 * Fix runs in kvs: the run (who, which fix, on what, per-batch state), each batch's
 * plan in chunks under kvs's value limit, and one value per change's result keyed by
 * the change id, written the moment Jira answered. A resumed run reads the plan it
 * stored and the results it recorded, so it neither re-reads Jira for a batch it
 * planned nor sends a change twice. Runs are kept in a bounded index, like history:
 * the oldest run beyond the bound is dropped with everything under its prefix.
 */
import type { CheckResult } from '../../shared/report-model';
import type { FixPlanInput, PlannedChange } from '../../fixes/fix';
import type { ChangeResult, FixBlocker } from '../../shared/fix-model';
import type { FixResultStore } from '../../fixes/runner';
import type { ChangeRecord, FixRunProgress } from '../../shared/resolver-api';
import type { KeyValueStore } from '../deps';
import { FIX_KEYS } from './fix-run-keys';

/** Fix runs kept for History; older ones are dropped. */
export const FIX_RUNS_KEPT = 25;
/** Well under kvs's 240 KiB per value, with room for the wrapper. */
export const PLAN_CHUNK_MAX_BYTES = 190 * 1024;

export interface FixBatch {
  /** The desks planned together (read in one gather); empty for a site fix. */
  desks: string[];
  /** Set once planned: the plan is stored in `chunks` values and never read from Jira again. */
  planned?: { chunks: number; changes: number; items: number; blockers: FixBlocker[]; summary?: string };
  applied?: boolean;
  rechecked?: boolean;
}

export interface FixRunRecord {
  runId: string;
  fixId: string;
  /** The one desk asked for; absent for every failing desk (or a site fix). */
  projectKey?: string;
  /** Key of the active-run marker: the desk, 'all' or 'site'. */
  scope: string;
  desks: string[];
  by: string;
  byName?: string;
  caller: FixPlanInput['caller'];
  startedAt: string;
  updatedAt: string;
  finishedAt?: string;
  state: 'running' | 'done' | 'failed';
  background: boolean;
  batches: FixBatch[];
  progress: FixRunProgress;
  message?: string;
  /** The re-checked checks of the first desks, as the page shows them. */
  rechecked: { projectKey: string | null; checks: CheckResult[] }[];
}

export async function createFixRun(store: KeyValueStore, run: FixRunRecord): Promise<void> {
  await store.set(FIX_KEYS.run(run.runId), run);
  await store.set(FIX_KEYS.active(run.fixId, run.scope), run.runId);
  const index = (await store.get<string[]>(FIX_KEYS.index)) ?? [];
  const next = [...index.filter((id) => id !== run.runId), run.runId];
  const dropped = next.slice(0, Math.max(0, next.length - FIX_RUNS_KEPT));
  await store.set(FIX_KEYS.index, next.slice(dropped.length));
  for (const runId of dropped) await dropFixRun(store, runId);
}

async function dropFixRun(store: KeyValueStore, runId: string): Promise<void> {
  for (const entry of await store.list(FIX_KEYS.prefix(runId))) await store.delete(entry.key);
}

export function loadFixRun(store: KeyValueStore, runId: string): Promise<FixRunRecord | undefined> {
  return store.get<FixRunRecord>(FIX_KEYS.run(runId));
}

export async function saveFixRun(store: KeyValueStore, run: FixRunRecord): Promise<void> {
  await store.set(FIX_KEYS.run(run.runId), run);
  if (run.state !== 'running') {
    const active = await store.get<string>(FIX_KEYS.active(run.fixId, run.scope));
    if (active === run.runId) await store.delete(FIX_KEYS.active(run.fixId, run.scope));
  }
}

/** The unfinished run of this fix over this scope, if any. */
export async function activeFixRun(store: KeyValueStore, fixId: string, scope: string): Promise<FixRunRecord | undefined> {
  const runId = await store.get<string>(FIX_KEYS.active(fixId, scope));
  const run = runId ? await loadFixRun(store, runId) : undefined;
  return run?.state === 'running' ? run : undefined;
}

/** Newest first. */
export async function listFixRuns(store: KeyValueStore): Promise<FixRunRecord[]> {
  const index = (await store.get<string[]>(FIX_KEYS.index)) ?? [];
  const runs = await Promise.all([...index].reverse().map((id) => loadFixRun(store, id)));
  return runs.filter((r): r is FixRunRecord => r !== undefined);
}

/** Pure: changes split in order into chunks whose JSON stays under `maxBytes`. */
export function chunkChanges(changes: readonly PlannedChange[], maxBytes = PLAN_CHUNK_MAX_BYTES): PlannedChange[][] {
  const chunks: PlannedChange[][] = [];
  let current: PlannedChange[] = [];
  let size = 2;
  for (const change of changes) {
    const bytes = Buffer.byteLength(JSON.stringify(change), 'utf8') + 1;
    if (current.length > 0 && size + bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 2;
    }
    current.push(change);
    size += bytes;
  }
  if (current.length > 0 || chunks.length === 0) chunks.push(current);
  return chunks;
}

/** Stores a batch's planned changes; answers how many chunks they took. */
export async function storeBatchPlan(store: KeyValueStore, runId: string, batch: number, changes: readonly PlannedChange[], maxBytes = PLAN_CHUNK_MAX_BYTES): Promise<number> {
  const chunks = chunkChanges(changes, maxBytes);
  for (const [i, chunk] of chunks.entries()) await store.set(FIX_KEYS.planChunk(runId, batch, i), chunk);
  return chunks.length;
}

export async function loadBatchPlan(store: KeyValueStore, runId: string, batch: number, chunks: number): Promise<PlannedChange[]> {
  const changes: PlannedChange[] = [];
  for (let i = 0; i < chunks; i += 1) {
    const chunk = await store.get<PlannedChange[]>(FIX_KEYS.planChunk(runId, batch, i));
    if (!Array.isArray(chunk)) throw new Error(`Part ${i + 1} of the stored plan of this fix is missing; apply the fix again to plan afresh.`);
    changes.push(...chunk);
  }
  return changes;
}

/** Every recorded change of a run, oldest first. */
export async function listChangeRecords(store: KeyValueStore, runId: string): Promise<ChangeRecord[]> {
  const entries = await store.list<ChangeRecord>(FIX_KEYS.resultPrefix(runId));
  return entries.map((e) => e.value).sort((a, b) => a.at.localeCompare(b.at));
}

/** The runner's results store over kvs: one value per change, keyed by its id. */
export function kvsFixResults(store: KeyValueStore, runId: string): FixResultStore {
  return {
    async recorded() {
      const records = await listChangeRecords(store, runId);
      return new Map(records.map((r) => [r.changeId, r.result]));
    },
    async save(change: PlannedChange, result: ChangeResult, at: Date) {
      const record: ChangeRecord = {
        changeId: change.id,
        at: at.toISOString(),
        summary: change.summary,
        target: change.target,
        projects: change.reach.projects.map((p) => p.key),
        result,
      };
      await store.set(FIX_KEYS.result(runId, change.id), record);
    },
  };
}
