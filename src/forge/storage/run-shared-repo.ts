/**
 * Run-shared artifacts in kvs: what one job of a run read from Jira for the run's
 * other jobs (the end-user groups, the server, the service account, the desks'
 * listing, workflows, screens…), so each is read once per run, not once per job.
 *
 * An artifact holds named entries. Each entry's JSON is split into chunks kept
 * under kvs's value limit (240 KiB), stored under the entry's own key (the name
 * base64url-encoded: names hold characters kvs keys may not), the first chunk
 * saying how many there are and how long the whole is; so a job fetches only the
 * entries it needs. The manifest is written last: a job that finds it finds every
 * entry it lists, and an entry absent from a complete artifact was not shared (it
 * failed, or nobody read it), so the job reads it itself. Only whole entries are
 * taken: a missing chunk or a length that does not add up leaves the entry out.
 * Everything sits under the run's prefix and is dropped when the run ends.
 */
import { createHash } from 'node:crypto';
import type { KeyValueStore } from '../deps';
import { KEYS } from './keys';

/** Well under kvs's 240 KiB per value, with room for the chunk's own wrapper. */
export const SHARED_CHUNK_MAX_BYTES = 190 * 1024;

export interface RunSharedManifest {
  /** Set once the run ended and the entries were dropped: a job arriving late reads for itself. */
  dropped?: true;
  /** Every entry stored, with its chunk count (what a drop deletes). */
  entries: { name: string; chunks: number }[];
}

interface Chunk {
  /** On the first chunk only: how many chunks and characters the entry's JSON has. */
  chunks?: number;
  length?: number;
  part: string;
}

/** The characters JSON.stringify writes for one UTF-16 code unit, as UTF-8 bytes. */
function encodedBytes(code: number): number {
  if (code === 0x22 || code === 0x5c) return 2;
  if (code < 0x20) return code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d ? 2 : 6;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  return 3;
}

/**
 * Pure: `json` cut into pieces whose stored form (a JSON string inside the chunk's
 * wrapper) stays within `maxBytes`. Surrogate pairs are never split, so every piece
 * is valid text on its own and the pieces join back to `json` exactly.
 */
export function splitForKvs(json: string, maxBytes = SHARED_CHUNK_MAX_BYTES): string[] {
  // '{"chunks":…,"length":…,"part":""}' at most.
  const budget = maxBytes - 64;
  if (budget < 16) throw new RangeError(`A chunk of ${maxBytes} bytes cannot hold any text.`);
  const pieces: string[] = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < json.length; i += 1) {
    const code = json.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < json.length && (json.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    // A pair is 4 bytes in UTF-8; a lone surrogate is written as \uXXXX.
    const size = pair ? 4 : code >= 0xd800 && code <= 0xdfff ? 6 : encodedBytes(code);
    if (bytes + size > budget && i > start) {
      pieces.push(json.slice(start, i));
      start = i;
      bytes = 0;
    }
    bytes += size;
    if (pair) i += 1;
  }
  pieces.push(json.slice(start));
  return pieces;
}

/** Longest encoded name kept as it is; a longer one is hashed so the key stays within kvs's 500 characters. */
const MAX_ENCODED_NAME = 300;

/** Pure: the part of an entry's key after the artifact's prefix; base64url keeps any name within kvs's key characters. */
export function entryKeyName(name: string): string {
  const encoded = Buffer.from(name, 'utf8').toString('base64url');
  return encoded.length <= MAX_ENCODED_NAME ? encoded : `h.${createHash('sha256').update(name, 'utf8').digest('hex')}`;
}

/** Stores every entry (chunks first, manifest last). A value that is undefined is not stored. */
export async function storeRunShared(store: KeyValueStore, runId: string, artifact: string, entries: ReadonlyMap<string, unknown>, maxBytes = SHARED_CHUNK_MAX_BYTES): Promise<RunSharedManifest> {
  const manifest: RunSharedManifest = { entries: [] };
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    const json = JSON.stringify(value);
    const pieces = splitForKvs(json, maxBytes);
    const key = entryKeyName(name);
    for (const [c, part] of pieces.entries()) {
      const chunk: Chunk = c === 0 ? { chunks: pieces.length, length: json.length, part } : { part };
      await store.set<Chunk>(KEYS.runSharedChunk(runId, artifact, key, c), chunk);
    }
    manifest.entries.push({ name, chunks: pieces.length });
  }
  // The manifest lists every entry name; past a few thousand entries it is chunked like one.
  await storeManifest(store, runId, artifact, manifest, maxBytes);
  return manifest;
}

const MANIFEST_ENTRY = '\u0000manifest';

async function storeManifest(store: KeyValueStore, runId: string, artifact: string, manifest: RunSharedManifest, maxBytes: number): Promise<void> {
  const json = JSON.stringify(manifest);
  if (Buffer.byteLength(json, 'utf8') + 64 <= maxBytes) {
    await store.set(KEYS.runSharedManifest(runId, artifact), manifest);
    return;
  }
  const pieces = splitForKvs(json, maxBytes);
  const key = entryKeyName(MANIFEST_ENTRY);
  for (const [c, part] of pieces.entries()) {
    await store.set<Chunk>(KEYS.runSharedChunk(runId, artifact, key, c), c === 0 ? { chunks: pieces.length, length: json.length, part } : { part });
  }
  await store.set(KEYS.runSharedManifest(runId, artifact), { chunked: pieces.length });
}

/** The artifact's manifest once stored (undefined while it is being read, or never claimed). */
export async function loadRunSharedManifest(store: KeyValueStore, runId: string, artifact: string): Promise<RunSharedManifest | undefined> {
  const raw = await store.get<RunSharedManifest | { chunked: number }>(KEYS.runSharedManifest(runId, artifact));
  if (!raw) return undefined;
  if ('chunked' in raw) {
    const json = await loadEntryJson(store, runId, artifact, MANIFEST_ENTRY);
    // A manifest that cannot be read back shares nothing: every job reads for itself.
    return json === undefined ? { entries: [] } : (JSON.parse(json) as RunSharedManifest);
  }
  return raw;
}

async function loadEntryJson(store: KeyValueStore, runId: string, artifact: string, name: string): Promise<string | undefined> {
  const key = entryKeyName(name);
  const first = await store.get<Chunk>(KEYS.runSharedChunk(runId, artifact, key, 0));
  if (!first || typeof first.part !== 'string' || typeof first.chunks !== 'number' || typeof first.length !== 'number') return undefined;
  const parts = [first.part];
  for (let c = 1; c < first.chunks; c += 1) {
    const chunk = await store.get<Chunk>(KEYS.runSharedChunk(runId, artifact, key, c));
    if (!chunk || typeof chunk.part !== 'string') return undefined;
    parts.push(chunk.part);
  }
  const json = parts.join('');
  return json.length === first.length ? json : undefined;
}

/** One stored entry, whole, or undefined (never stored, or not whole any more). */
export async function loadRunSharedEntry<T>(store: KeyValueStore, runId: string, artifact: string, name: string): Promise<T | undefined> {
  const json = await loadEntryJson(store, runId, artifact, name);
  if (json === undefined) return undefined;
  try {
    return JSON.parse(json) as T;
  } catch {
    return undefined;
  }
}

/** Drops the artifact's entries and leaves a manifest saying so (its claim stays, so no late job stores it again). */
export async function dropRunShared(store: KeyValueStore, runId: string, artifact: string): Promise<void> {
  const manifest = await loadRunSharedManifest(store, runId, artifact);
  if (!manifest || manifest.dropped) return;
  const chunked = await store.get<{ chunked?: number }>(KEYS.runSharedManifest(runId, artifact));
  await store.set<RunSharedManifest>(KEYS.runSharedManifest(runId, artifact), { dropped: true, entries: [] });
  for (const entry of manifest.entries) {
    const key = entryKeyName(entry.name);
    for (let c = 0; c < entry.chunks; c += 1) await store.delete(KEYS.runSharedChunk(runId, artifact, key, c));
  }
  if (chunked?.chunked) {
    const key = entryKeyName(MANIFEST_ENTRY);
    for (let c = 0; c < chunked.chunked; c += 1) await store.delete(KEYS.runSharedChunk(runId, artifact, key, c));
  }
}
