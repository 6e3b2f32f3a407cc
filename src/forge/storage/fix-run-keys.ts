/**
 * Storage keys of fix runs (the app's own changes to Jira), beside KEYS and under the
 * same format version. Everything of one run lives under its prefix, so dropping a
 * run from the bounded index drops it all.
 */
import { createHash } from 'node:crypto';
import { STORAGE_FORMAT_VERSION } from './keys';

const V = `v${STORAGE_FORMAT_VERSION}`;
/** What kvs accepts in a key (kvs-limits.ts), without the whitespace it also allows. */
const SAFE = /^[a-zA-Z0-9:._\-#]{1,200}$/;

export const FIX_KEYS = {
  /** The fix runs kept, newest last, bounded: History's "Changes made by the app" reads them. */
  index: `${V}:fixruns`,
  prefix: (runId: string) => `${V}:fixrun:${runId}:`,
  /** Who ran which fix on what, its state and per-batch progress. */
  run: (runId: string) => `${V}:fixrun:${runId}:run`,
  /** One chunk of a batch's stored plan (changes with payloads), under kvs's value limit. */
  planChunk: (runId: string, batch: number, chunk: number) => `${V}:fixrun:${runId}:plan:${batch}:${chunk}`,
  resultPrefix: (runId: string) => `${V}:fixrun:${runId}:result:`,
  /** One change's result, keyed by its change id, so a resumed run skips it. */
  result: (runId: string, changeId: string) => `${V}:fixrun:${runId}:result:${keySafe(changeId)}`,
  /** The unfinished run of one fix over one scope: a second click resumes it instead of starting another. */
  active: (fixId: string, scope: string) => `${V}:fixrun-active:${keySafe(fixId)}:${keySafe(scope)}`,
} as const;

/** A change id as a kvs key part: as it is when kvs accepts it, else a digest (the value keeps the id). */
export function keySafe(id: string): string {
  return SAFE.test(id) ? id : `h.${createHash('sha256').update(id).digest('hex').slice(0, 40)}`;
}
