/**
 * The report imported in Settings as this site's non-production side (a sandbox
 * site's export). Only what parity needs is kept (src/requirements/parity/parity-desk.ts:
 * per desk its check statuses and its workflows' statuses, bot transitions and Resolve
 * screen fields), and even that may outgrow one kvs value on a large site, so it is
 * stored in chunks under kvs's 240 KiB limit. Chunks are written under a fresh import
 * id and the pointer last: a reader sees the old import or the whole new one, never a
 * mix, and an import that fails half-way leaves the previous one in place.
 */
import { randomUUID } from 'node:crypto';
import type { KeyValueStore } from '../deps';
import type { ParitySource } from '../../shared/parity-model';
import { STORAGE_FORMAT_VERSION } from './keys';

const V = `v${STORAGE_FORMAT_VERSION}`;

export const PARITY_IMPORT_KEYS = {
  /** Which import is current, and in how many chunks. Written last. */
  pointer: `${V}:parity-import`,
  chunk: (importId: string, n: number) => `${V}:parity-import:${importId}:${n}`,
} as const;

/** Well under kvs's 240 KiB per value, with room for the JSON wrapper. */
export const PARITY_CHUNK_CHARS = 180 * 1024;

interface Pointer {
  importId: string;
  chunks: number;
}

interface Chunk {
  text: string;
}

/** Pure: `text` in pieces of at most `maxBytes` UTF-8 bytes, never splitting a character. */
export function chunkText(text: string, maxBytes = PARITY_CHUNK_CHARS): string[] {
  const chunks: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of text) {
    // JSON-escaping a chunk may grow it: count the escaped size.
    const bytes = Buffer.byteLength(JSON.stringify(ch), 'utf8') - 2;
    if (size + bytes > maxBytes && current !== '') {
      chunks.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += bytes;
  }
  chunks.push(current);
  return chunks;
}

export async function storeParityImport(store: KeyValueStore, source: ParitySource, maxBytes = PARITY_CHUNK_CHARS): Promise<void> {
  const previous = await store.get<Pointer>(PARITY_IMPORT_KEYS.pointer);
  const importId = randomUUID();
  const chunks = chunkText(JSON.stringify(source), maxBytes);
  for (const [n, text] of chunks.entries()) await store.set<Chunk>(PARITY_IMPORT_KEYS.chunk(importId, n), { text });
  await store.set<Pointer>(PARITY_IMPORT_KEYS.pointer, { importId, chunks: chunks.length });
  if (previous) await dropChunks(store, previous);
}

export async function loadParityImport(store: KeyValueStore): Promise<ParitySource | null> {
  const pointer = await store.get<Pointer>(PARITY_IMPORT_KEYS.pointer);
  if (!pointer) return null;
  const parts: string[] = [];
  for (let n = 0; n < pointer.chunks; n++) {
    const chunk = await store.get<Chunk>(PARITY_IMPORT_KEYS.chunk(pointer.importId, n));
    if (!chunk) return null;
    parts.push(chunk.text);
  }
  try {
    return JSON.parse(parts.join('')) as ParitySource;
  } catch {
    return null;
  }
}

export async function clearParityImport(store: KeyValueStore): Promise<void> {
  const pointer = await store.get<Pointer>(PARITY_IMPORT_KEYS.pointer);
  if (!pointer) return;
  await store.delete(PARITY_IMPORT_KEYS.pointer);
  await dropChunks(store, pointer);
}

async function dropChunks(store: KeyValueStore, pointer: Pointer): Promise<void> {
  for (let n = 0; n < pointer.chunks; n++) await store.delete(PARITY_IMPORT_KEYS.chunk(pointer.importId, n));
}
