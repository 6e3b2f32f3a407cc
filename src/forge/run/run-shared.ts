/**
 * Read once per run, not once per job: the first job of a run that asks for an
 * artifact claims the read (kvs createIfAbsent), reads it, keeps what it read in
 * full for itself and stores the shareable entries for the run (run-shared-repo.ts);
 * the run's other jobs wait for the manifest, bounded, and take the entries they
 * need. Whatever goes wrong here (the reader died or failed, storage failed, the
 * wait ran out, a chunk is missing) a job gets fewer entries and reads the rest
 * itself: correctness first, the saving second. What Jira refused is never an
 * entry, so each job reads it and reports its own error, never a pass.
 *
 * Jobs of the same run that share a process (the preview's in-process queue, a
 * reused Forge container) wait on the reading job's promise instead of polling.
 */
import type { AppDeps, KeyValueStore } from '../deps';
import { KEYS } from '../storage/keys';
import { loadRunSharedEntry, loadRunSharedManifest, storeRunShared, type RunSharedManifest } from '../storage/run-shared-repo';

export interface RunSharedWait {
  /** How long a job waits for the reading job, from that job's claim (default 240 s, of a consumer's 900 s). */
  maxWaitMs?: number;
  /** Between looks at storage while waiting (default 2 s). */
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_SHARED_WAIT_MS = 240_000;
export const DEFAULT_SHARED_POLL_MS = 2_000;

/** What the claiming job read: its whole result, and the entries other jobs may take (read in full only). */
export interface SharedRead<R> {
  result: R;
  entries: ReadonlyMap<string, unknown>;
}

/** Entries another job shared, fetched one by one as a job needs them. */
export interface SharedEntries {
  /** Names of every entry shared. */
  readonly names: ReadonlySet<string>;
  entry<T>(name: string): Promise<T | undefined>;
}

export type RunShared<R> =
  /** This job claimed and read the artifact: everything it read, failures included. */
  | { source: 'read'; result: R }
  /** Another job read it: the entries it shared. */
  | { source: 'shared'; entries: SharedEntries }
  /** Nothing shared (the reader failed, storage failed, the wait ran out, the run is over): read for yourself. */
  | { source: 'none' };

interface Claim {
  at: string;
}

/** Reads in progress in this process, per store, by run and artifact. */
const readsInProcess = new WeakMap<KeyValueStore, Map<string, Promise<SharedRead<unknown>>>>();

function inProcess(store: KeyValueStore): Map<string, Promise<SharedRead<unknown>>> {
  let reads = readsInProcess.get(store);
  if (!reads) readsInProcess.set(store, (reads = new Map()));
  return reads;
}

const readKey = (runId: string, artifact: string): string => `${runId}\n${artifact}`;

/** The run is over: let go of what this process read for it. */
export function forgetRunSharedInProcess(store: KeyValueStore, runId: string): void {
  const reads = readsInProcess.get(store);
  for (const key of [...(reads?.keys() ?? [])]) if (key.startsWith(`${runId}\n`)) reads!.delete(key);
  if (loadedInProcess.get(store)?.runId === runId) loadedInProcess.delete(store);
  if (manifestsInProcess.get(store)?.runId === runId) manifestsInProcess.delete(store);
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}

/**
 * Entries are read-only: the jobs of one container take the same values (a copy per
 * job of an enterprise site's end-user groups would cost a job's memory many times).
 */
function fromMemory(entries: ReadonlyMap<string, unknown>): SharedEntries {
  return { names: new Set(entries.keys()), entry: async <T>(name: string) => entries.get(name) as T | undefined };
}

/**
 * Entries this process has loaded from storage, for the current run only. kvs
 * meters reads by the 10 KB (4,000 a minute per installation), and a reused
 * container runs many jobs of one run: each entry is loaded once per process.
 */
const loadedInProcess = new WeakMap<KeyValueStore, { runId: string; artifacts: Map<string, Map<string, Promise<unknown>>> }>();

function loaded(store: KeyValueStore, runId: string, artifact: string): Map<string, Promise<unknown>> {
  let cache = loadedInProcess.get(store);
  // One run at a time per store: a new run's first look lets go of the last run's entries.
  if (cache?.runId !== runId) loadedInProcess.set(store, (cache = { runId, artifacts: new Map() }));
  let entries = cache.artifacts.get(artifact);
  if (!entries) cache.artifacts.set(artifact, (entries = new Map()));
  return entries;
}

/**
 * The artifact's manifest, kept by this process once it is complete: it does not
 * change for the rest of the run (it lists thousands of entries at enterprise size,
 * and every job of a reused container would read it again).
 */
const manifestsInProcess = new WeakMap<KeyValueStore, { runId: string; manifests: Map<string, RunSharedManifest> }>();

async function manifestOf(store: KeyValueStore, runId: string, artifact: string): Promise<RunSharedManifest | undefined> {
  let cache = manifestsInProcess.get(store);
  if (cache?.runId !== runId) manifestsInProcess.set(store, (cache = { runId, manifests: new Map() }));
  const kept = cache.manifests.get(artifact);
  if (kept) return kept;
  const manifest = await loadRunSharedManifest(store, runId, artifact);
  // A dropped one is not kept: the run is over.
  if (manifest && !manifest.dropped) cache.manifests.set(artifact, manifest);
  return manifest;
}

function fromStorage(store: KeyValueStore, runId: string, artifact: string, manifest: RunSharedManifest): SharedEntries {
  const names = new Set(manifest.entries.map((e) => e.name));
  const cache = loaded(store, runId, artifact);
  return {
    names,
    entry: async <T>(name: string) => {
      if (!names.has(name)) return undefined;
      let value = cache.get(name);
      if (!value) {
        value = loadRunSharedEntry<T>(store, runId, artifact, name);
        cache.set(name, value);
        // A failed load is tried again by the next job, not remembered.
        value.catch(() => cache.delete(name));
      }
      return (await value) as T | undefined;
    },
  };
}

/**
 * An artifact stored for the run without a claim (written before any job runs, e.g.
 * by the run's start): its entries, or undefined when there is none.
 */
export async function storedForRun(store: KeyValueStore, runId: string, artifact: string): Promise<SharedEntries | undefined> {
  const manifest = await manifestOf(store, runId, artifact);
  return manifest && !manifest.dropped ? fromStorage(store, runId, artifact, manifest) : undefined;
}

/**
 * The run's `artifact` for one job: read by this job (it claimed it), taken from
 * the job that did, or nothing (read for yourself).
 */
export async function runSharedArtifact<R>(deps: AppDeps, runId: string, artifact: string, read: () => Promise<SharedRead<R>>, wait: RunSharedWait = {}): Promise<RunShared<R>> {
  let claimed = false;
  try {
    const stored = await manifestOf(deps.storage, runId, artifact);
    if (stored) return stored.dropped ? { source: 'none' } : { source: 'shared', entries: fromStorage(deps.storage, runId, artifact, stored) };
    const reads = inProcess(deps.storage);
    const key = readKey(runId, artifact);
    claimed = await deps.storage.createIfAbsent<Claim>(KEYS.runSharedClaim(runId, artifact), { at: deps.now().toISOString() });
    if (claimed) {
      const reading = readAndShare(deps, runId, artifact, read);
      // Kept until the run ends (one run per store at a time), so a later job here never waits on storage the reader could not write.
      for (const k of [...reads.keys()]) if (!k.startsWith(`${runId}\n`)) reads.delete(k);
      reads.set(key, reading as Promise<SharedRead<unknown>>);
      return { source: 'read', result: (await reading).result };
    }
    const here = reads.get(key);
    if (here) return { source: 'shared', entries: fromMemory((await here).entries) };
    return await waitForReader(deps, runId, artifact, wait);
  } catch (error) {
    // The claiming job's own read failing is its own error: it must not pass for "nothing shared".
    if (claimed) throw error;
    deps.log.warn('A run-shared artifact is unavailable from storage; the job reads it itself', { runId, artifact, reason: reasonOf(error) });
    return { source: 'none' };
  }
}

/** The claiming job: read, store the shareable entries, and keep everything it read. */
async function readAndShare<R>(deps: AppDeps, runId: string, artifact: string, read: () => Promise<SharedRead<R>>): Promise<SharedRead<R>> {
  // Whatever happens, the manifest tells the waiting jobs to stop waiting; with nothing in it, they read for themselves.
  const shareNothing = (): Promise<void> => deps.storage.set<RunSharedManifest>(KEYS.runSharedManifest(runId, artifact), { entries: [] }).catch(() => undefined);
  let value: SharedRead<R>;
  try {
    value = await read();
  } catch (error) {
    await shareNothing();
    throw error;
  }
  try {
    await storeRunShared(deps.storage, runId, artifact, value.entries);
  } catch (error) {
    deps.log.warn('Could not store a run-shared artifact; the other jobs read it themselves', { runId, artifact, reason: reasonOf(error) });
    await shareNothing();
    return { result: value.result, entries: new Map() };
  }
  return value;
}

/** Another job is reading: wait for its manifest, but not beyond its claim's age limit. */
async function waitForReader<R>(deps: AppDeps, runId: string, artifact: string, wait: RunSharedWait): Promise<RunShared<R>> {
  const maxWaitMs = wait.maxWaitMs ?? DEFAULT_SHARED_WAIT_MS;
  const pollMs = wait.pollMs ?? DEFAULT_SHARED_POLL_MS;
  const sleep = wait.sleep ?? defaultSleep;
  const claim = await deps.storage.get<Claim>(KEYS.runSharedClaim(runId, artifact));
  const deadline = (claim ? Date.parse(claim.at) : deps.now().getTime()) + maxWaitMs;
  // Bounded by count too, so a clock that stands still (tests, a broken clock) cannot wait for ever.
  for (let polls = Math.ceil(maxWaitMs / pollMs); polls > 0 && deps.now().getTime() < deadline; polls -= 1) {
    await sleep(pollMs);
    const manifest = await loadRunSharedManifest(deps.storage, runId, artifact);
    if (manifest) return manifest.dropped ? { source: 'none' } : { source: 'shared', entries: fromStorage(deps.storage, runId, artifact, manifest) };
  }
  deps.log.warn('Gave up waiting for a run-shared artifact; the job reads it itself', { runId, artifact });
  return { source: 'none' };
}
