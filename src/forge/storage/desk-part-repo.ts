/**
 * The parts of a desk too large for one job (consumer/desk-continuation.ts). A job
 * that stops its desk's customer paging keeps what it read as a run-shared
 * artifact of its own, `part:{KEY}:{n}` (run-shared-repo.ts: every entry chunked
 * under 190 KiB, the manifest written last): the account ids it read, in batches,
 * so no one JSON text holds a million ids; a cursor saying where the paging stands
 * and which earlier parts hold the rest of the ids; and, in the first part, what
 * the job read of the desk itself (its roles among it). The job that finishes the
 * desk loads them back and drops them. Everything is under the run's prefix, so a
 * run's start drops whatever an earlier run left.
 *
 * Parts are added, not rewritten: each holds only its own job's ids, so a desk
 * read in three jobs writes each id once.
 */
import type { KnownDesk } from '../../gather/known-artifacts';
import type { CustomerCursor } from '../../gather/project-details';
import type { RunStats } from '../../shared/report-model';
import type { KeyValueStore } from '../deps';
import { dropRunShared, loadRunSharedEntry, loadRunSharedManifest, storeRunShared } from './run-shared-repo';

/** Ids per stored batch: about 180 KiB of JSON at Jira's 43-character ids, one chunk each. */
export const ID_BATCH_SIZE = 4_000;

const CURSOR = 'cursor';
const DESK = 'desk';
const idBatch = (i: number): string => `ids:${i}`;

/** One part whose ids the desk's reading holds. */
export interface PartIds {
  part: number;
  /** Batches of ids it stored, and ids in all. */
  batches: number;
  ids: number;
}

/** Where a desk's reading stands after a part, as the next job needs it. */
export interface DeskPartCursor {
  serviceDeskId: string;
  /** The next customer page. */
  next: CustomerCursor;
  /** Every part whose ids belong to this reading, oldest first (this one last). */
  parts: PartIds[];
  /** The part that keeps what was read of the desk itself (its `desk` entry), when one does. */
  deskPart?: number;
  /** Calls of every job of the desk so far: the finished report counts the desk's whole reading. */
  stats: RunStats;
}

/** Pure: the artifact a desk's part is kept under (project keys are kvs-safe). */
export function deskPartArtifact(projectKey: string, part: number): string {
  return `part:${projectKey.toUpperCase()}:${part}`;
}

/** Pure: `ids` cut into batches of at most `size`, in order. */
export function idBatches(ids: readonly string[], size = ID_BATCH_SIZE): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}

const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;

/** Pure: a stored cursor as this app wrote it, or undefined (kvs data is checked, never trusted). */
export function cursorOf(raw: unknown): DeskPartCursor | undefined {
  const c = raw as Partial<DeskPartCursor> | undefined;
  if (!c || typeof c !== 'object' || typeof c.serviceDeskId !== 'string' || !c.serviceDeskId) return undefined;
  if (!c.next || !isCount(c.next.start) || !isCount(c.next.pages)) return undefined;
  if (!Array.isArray(c.parts) || c.parts.length === 0 || !c.parts.every((p) => p && isCount(p.part) && isCount(p.batches) && isCount(p.ids))) return undefined;
  if (c.deskPart !== undefined && !c.parts.some((p) => p.part === c.deskPart)) return undefined;
  const stats = c.stats;
  if (!stats || typeof stats.callsByEndpoint !== 'object' || !isCount(stats.totalCalls) || !isCount(stats.retries) || typeof stats.durationMs !== 'number') return undefined;
  return c as DeskPartCursor;
}

/**
 * Pure: why the parts a cursor names cannot be read back, from their manifests'
 * entry names (undefined: a manifest missing or dropped); undefined when they can.
 */
export function missingFromParts(cursor: DeskPartCursor, entryNames: ReadonlyMap<number, ReadonlySet<string> | undefined>): string | undefined {
  for (const { part, batches } of cursor.parts) {
    const names = entryNames.get(part);
    if (!names) return `part ${part} is not in storage`;
    for (let i = 0; i < batches; i += 1) if (!names.has(idBatch(i))) return `part ${part} lacks its ids batch ${i}`;
    if (cursor.deskPart === part && !names.has(DESK)) return `part ${part} lacks what was read of the desk`;
  }
  return undefined;
}

export interface DeskPart {
  cursor: DeskPartCursor;
  /** This part's own ids. */
  ids: readonly string[];
  /** What was read of the desk itself, kept in the reading's first part that has it. */
  desk?: KnownDesk;
}

/** Stores one part: its id batches and desk first, its cursor, then the manifest (run-shared-repo writes it last). */
export async function storeDeskPart(store: KeyValueStore, runId: string, projectKey: string, part: number, value: DeskPart): Promise<void> {
  const entries = new Map<string, unknown>();
  idBatches(value.ids).forEach((batch, i) => entries.set(idBatch(i), batch));
  if (value.desk) entries.set(DESK, value.desk);
  entries.set(CURSOR, value.cursor);
  await storeRunShared(store, runId, deskPartArtifact(projectKey, part), entries);
}

export interface LoadedDeskPart {
  cursor: DeskPartCursor;
  desk?: KnownDesk;
}

/** What a follow-up job reads on from: part `part`'s cursor, its reading's desk, and why not when they cannot be read back. */
export async function loadDeskPart(store: KeyValueStore, runId: string, projectKey: string, part: number): Promise<LoadedDeskPart | { missing: string }> {
  const cursor = cursorOf(await loadRunSharedEntry(store, runId, deskPartArtifact(projectKey, part), CURSOR));
  if (!cursor) return { missing: `part ${part} has no readable cursor` };
  if (cursor.parts[cursor.parts.length - 1]?.part !== part) return { missing: `part ${part}'s cursor names other parts` };
  const names = new Map<number, ReadonlySet<string> | undefined>();
  for (const { part: p } of cursor.parts) {
    const manifest = await loadRunSharedManifest(store, runId, deskPartArtifact(projectKey, p));
    names.set(p, manifest && !manifest.dropped ? new Set(manifest.entries.map((e) => e.name)) : undefined);
  }
  const missing = missingFromParts(cursor, names);
  if (missing) return { missing };
  if (cursor.deskPart === undefined) return { cursor };
  const desk = await loadRunSharedEntry<KnownDesk>(store, runId, deskPartArtifact(projectKey, cursor.deskPart), DESK);
  if (!desk?.listed?.id) return { missing: `part ${cursor.deskPart}'s desk cannot be read` };
  return { cursor, desk };
}

/**
 * Every id the cursor's parts hold, oldest first, each passed through `intern` as
 * it is read; undefined when any batch cannot be read back whole.
 */
export async function loadDeskPartIds(store: KeyValueStore, runId: string, projectKey: string, cursor: DeskPartCursor, intern: (id: string) => string = (id) => id): Promise<string[] | undefined> {
  const ids: string[] = [];
  for (const { part, batches, ids: count } of cursor.parts) {
    const before = ids.length;
    for (let i = 0; i < batches; i += 1) {
      const batch = await loadRunSharedEntry<unknown>(store, runId, deskPartArtifact(projectKey, part), idBatch(i));
      if (!Array.isArray(batch) || !batch.every((id) => typeof id === 'string')) return undefined;
      for (const id of batch as string[]) ids.push(intern(id));
    }
    if (ids.length - before !== count) return undefined;
  }
  return ids;
}

/** Drops parts 1..`upTo` of the desk's reading in this run (those never stored are skipped). */
export async function dropDeskParts(store: KeyValueStore, runId: string, projectKey: string, upTo: number): Promise<void> {
  for (let part = 1; part <= upTo; part += 1) await dropRunShared(store, runId, deskPartArtifact(projectKey, part));
}
