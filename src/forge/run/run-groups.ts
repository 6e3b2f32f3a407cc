/**
 * End-user groups once per run, not once per job. The first job of a run claims
 * the read (kvs createIfAbsent), reads every group and stores the ones read in
 * full; the run's other jobs wait for that and take them from storage. Whatever
 * goes wrong here (the reader died, storage failed, the wait ran out, a chunk is
 * missing) the job gets fewer groups and reads the rest itself: correctness
 * first, the saving second. A group Jira failed on is never stored, so each job
 * reads it and reports its own error, never a pass.
 *
 * Jobs of the same run that share a process (the preview's in-process queue, a
 * reused Forge container) wait on the reading job's promise instead of polling.
 */
import { readEndUserGroups } from '../../engine/run-readiness';
import { normaliseGroupNames } from '../../shared/group-names';
import type { GroupMembers } from '../../gather/snapshot';
import type { Fetched } from '../../shared/fetched';
import type { AppDeps, KeyValueStore } from '../deps';
import { KEYS } from '../storage/keys';
import { loadRunGroups, loadRunGroupsManifest, storeRunGroups, type RunGroupsManifest } from '../storage/run-groups-repo';

export interface RunGroupsWait {
  /** How long a job waits for the reading job, from that job's claim (default 240 s, of a consumer's 900 s). */
  maxWaitMs?: number;
  /** Between looks at storage while waiting (default 2 s). */
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** When the job must be done with Jira (ms since the epoch): reading the groups gives up on a longer rate-limit wait. */
  jiraDeadlineMs?: number;
}

export const DEFAULT_GROUP_WAIT_MS = 240_000;
export const DEFAULT_GROUP_POLL_MS = 2_000;

interface Claim {
  at: string;
}

/** Reads in progress in this process, per store and run. */
const readsInProcess = new WeakMap<KeyValueStore, Map<string, Promise<Record<string, Fetched<GroupMembers>>>>>();

function inProcess(store: KeyValueStore): Map<string, Promise<Record<string, Fetched<GroupMembers>>>> {
  let reads = readsInProcess.get(store);
  if (!reads) readsInProcess.set(store, (reads = new Map()));
  return reads;
}

/** The run is over: let go of what this process read for it. */
export function forgetRunGroupsInProcess(store: KeyValueStore, runId: string): void {
  readsInProcess.get(store)?.delete(runId);
}

/** Only whole groups among `names` are shared; a failed one is read again by the job. */
function wholeOnly(groups: Record<string, Fetched<GroupMembers>>, names: readonly string[]): Record<string, Fetched<GroupMembers>> {
  return Object.fromEntries(names.flatMap((name) => (groups[name]?.ok ? [[name, groups[name]!] as const] : [])));
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function asRecord(groups: readonly GroupMembers[]): Record<string, Fetched<GroupMembers>> {
  return Object.fromEntries(groups.map((g) => [g.name, { ok: true, value: g } as const]));
}

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}

/**
 * The run's end-user groups for one job: those this job may use without reading
 * them (pass them to runReadiness as `endUserGroups`); any group not in the answer
 * is read by the job itself.
 */
export async function endUserGroupsForRun(
  deps: AppDeps,
  runId: string,
  configured: readonly string[],
  wait: RunGroupsWait = {},
): Promise<Record<string, Fetched<GroupMembers>>> {
  const names = normaliseGroupNames(configured);
  if (names.length === 0) return {};
  try {
    const stored = await loadRunGroupsManifest(deps.storage, runId);
    if (stored) return fromManifest(deps, runId, stored, names);
    const reads = inProcess(deps.storage);
    if (await deps.storage.createIfAbsent<Claim>(KEYS.runGroupsClaim(runId), { at: deps.now().toISOString() })) {
      const read = readForRun(deps, runId, names, wait.jiraDeadlineMs);
      // Kept until the run ends (one run per store at a time), so a later job here never waits on storage the reader could not write.
      reads.clear();
      reads.set(runId, read);
      return await read;
    }
    const here = reads.get(runId);
    if (here) return wholeOnly(await here, names);
    return await waitForReader(deps, runId, names, wait);
  } catch (error) {
    deps.log.warn('End-user groups of the run unavailable from storage; the job reads them itself', { runId, reason: reasonOf(error) });
    return {};
  }
}

async function fromManifest(deps: AppDeps, runId: string, manifest: RunGroupsManifest, names: string[]): Promise<Record<string, Fetched<GroupMembers>>> {
  if (manifest.dropped) return {};
  return asRecord(await loadRunGroups(deps.storage, runId, manifest, names));
}

/** The claiming job: read every group, store the whole ones, and use all it read (failures included). */
async function readForRun(deps: AppDeps, runId: string, names: string[], jiraDeadlineMs?: number): Promise<Record<string, Fetched<GroupMembers>>> {
  // Whatever happens, the manifest tells the waiting jobs to stop waiting; with nothing in it, they read for themselves.
  const shareNothing = (): Promise<void> => deps.storage.set<RunGroupsManifest>(KEYS.runGroupsManifest(runId), { groups: [] }).catch(() => undefined);
  let read: Awaited<ReturnType<typeof readEndUserGroups>>;
  try {
    read = await readEndUserGroups({ transport: deps.jiraAsApp(), names, logger: deps.log, ...(jiraDeadlineMs !== undefined ? { clientOptions: { deadlineMs: jiraDeadlineMs } } : {}) });
  } catch (error) {
    await shareNothing();
    throw error;
  }
  const whole = Object.values(wholeOnly(read.groups, names)).map((g) => (g as { ok: true; value: GroupMembers }).value);
  try {
    await storeRunGroups(deps.storage, runId, whole);
  } catch (error) {
    deps.log.warn('Could not store the end-user groups for the run', { runId, reason: reasonOf(error) });
    await shareNothing();
  }
  deps.log.info('End-user groups read once for the run', { runId, groups: names.length, stored: whole.length, calls: read.stats.totalCalls });
  return read.groups;
}

/** Another job is reading the groups: wait for its manifest, but not beyond its claim's age limit. */
async function waitForReader(deps: AppDeps, runId: string, names: string[], wait: RunGroupsWait): Promise<Record<string, Fetched<GroupMembers>>> {
  const maxWaitMs = wait.maxWaitMs ?? DEFAULT_GROUP_WAIT_MS;
  const pollMs = wait.pollMs ?? DEFAULT_GROUP_POLL_MS;
  const sleep = wait.sleep ?? defaultSleep;
  const claim = await deps.storage.get<Claim>(KEYS.runGroupsClaim(runId));
  const deadline = (claim ? Date.parse(claim.at) : deps.now().getTime()) + maxWaitMs;
  // Bounded by count too, so a clock that stands still (tests, a broken clock) cannot wait for ever.
  for (let polls = Math.ceil(maxWaitMs / pollMs); polls > 0 && deps.now().getTime() < deadline; polls -= 1) {
    await sleep(pollMs);
    const manifest = await loadRunGroupsManifest(deps.storage, runId);
    if (manifest) return fromManifest(deps, runId, manifest, names);
  }
  deps.log.warn('Gave up waiting for the run’s end-user groups; the job reads them itself', { runId });
  return {};
}
