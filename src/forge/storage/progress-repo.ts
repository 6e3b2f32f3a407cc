/**
 * Run progress. The run's header is one entry; each project job writes its own
 * outcome entry, so concurrent queue consumers never overwrite each other's
 * progress (kvs has no atomic increment on plain keys). Progress is assembled on read.
 */
import type { RunProgress } from '../../shared/resolver-api';
import type { KeyValueStore } from '../deps';
import { KEYS } from './keys';

/**
 * A run not heard from in this long (no desk reported, no wait or follow-up noted) has
 * its pending desks reported as failed, so a run cannot look "running" forever. It
 * counts from the run's last sign of life, not its start: a 1,000-desk run, or a desk
 * read across several jobs, can take longer than this and still be well.
 */
export const STALE_AFTER_MS = 30 * 60 * 1000;

export interface RunHeader {
  runId: string;
  startedAt: string;
  projectKeys: string[];
  /**
   * The desks' names where the run's listing knew them, so a desk never checked before
   * shows its name while it waits; absent when the run took its keys from settings.
   */
  projectNames?: Record<string, string>;
  reason: 'recheck' | 'scheduled' | 'fix';
}

/**
 * Characters of names the run's header keeps: the header is one kvs value (240 KiB at
 * most) beside every key, so a site of thousands of desks keeps the first names and
 * shows the rest by key.
 */
export const PROJECT_NAMES_BUDGET = 100_000;

/** The names to keep in the run's header, in key order, within the budget. */
export function namesToKeep(keys: readonly string[], names: Record<string, string>, budget = PROJECT_NAMES_BUDGET): Record<string, string> | undefined {
  const kept: Record<string, string> = {};
  let used = 0;
  for (const key of keys) {
    const name = names[key];
    if (name === undefined || name === key) continue;
    used += key.length + name.length + 6;
    if (used > budget) break;
    kept[key] = name;
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

export interface JobOutcome {
  state: 'done' | 'failed';
  at: string;
  message?: string;
}

/** A job waiting for Jira's rate limit: what it waits for, and until when (ISO time). */
export interface JobWait {
  message: string;
  until: string;
}

export async function startRun(store: KeyValueStore, header: RunHeader): Promise<void> {
  // Outcomes of earlier runs are no longer shown; drop them so storage does not grow.
  for (const e of await store.list(KEYS.runPrefix)) await store.delete(e.key);
  // Every job reads the header; only the progress view needs the names (tens of KiB on a large site).
  const { projectNames, ...rest } = header;
  if (projectNames) await store.set(KEYS.runNames(header.runId), projectNames);
  await store.set(KEYS.progress, rest);
}

/** How far the run has come once a desk's outcome is recorded: `last` for the outcome that completed it. */
export interface OutcomeCount {
  /** False when this desk's outcome was already recorded (the job was delivered again): it counts once. */
  counted: boolean;
  last: boolean;
}

/**
 * Records a desk's outcome and says whether it completed the run. kvs has no atomic
 * counter, and listing every outcome after every job to find out grew with the square
 * of the desks (at 1,000 desks more kvs reads than Forge allows a minute). Instead a
 * desk's first outcome claims the next numbered slot with createIfAbsent, starting at a
 * hint of where the next free slot is; slots are claimed without gaps, so the outcome
 * that claims the slot of the run's last desk is the last. An outcome recorded again
 * (a job delivered twice) replaces the first and claims nothing. A desk that joins the
 * run again after it reported (its outcome cleared) claims a second slot, so `last`
 * can be said early; the finish then confirms with the run's progress first.
 */
export async function recordOutcomeAndCount(store: KeyValueStore, header: RunHeader, projectKey: string, outcome: JobOutcome): Promise<OutcomeCount> {
  const key = KEYS.jobOutcome(header.runId, projectKey);
  if (!(await store.createIfAbsent(key, outcome))) {
    await store.set(key, outcome);
    return { counted: false, last: false };
  }
  const slot = await claimFinishedSlot(store, header.runId, projectKey);
  return { counted: true, last: slot + 1 >= new Set(header.projectKeys).size };
}

/**
 * The next free slot. Every slot below a hint was claimed when the hint was written
 * (its writer claimed slot hint − 1 after finding every slot from its own hint up
 * taken), so starting there never skips a free slot; a hint written late is only
 * lower, which costs a few tries.
 */
async function claimFinishedSlot(store: KeyValueStore, runId: string, projectKey: string): Promise<number> {
  let slot = Math.max(0, (await store.get<number>(KEYS.runFinishedHint(runId))) ?? 0);
  while (!(await store.createIfAbsent(KEYS.runFinishedSlot(runId, slot), projectKey))) slot += 1;
  await store.set(KEYS.runFinishedHint(runId), slot + 1);
  return slot;
}

export async function recordJobWait(store: KeyValueStore, runId: string, projectKey: string, wait: JobWait): Promise<void> {
  await store.set(KEYS.jobWait(runId, projectKey), wait);
}

export async function currentRun(store: KeyValueStore): Promise<RunHeader | undefined> {
  return store.get<RunHeader>(KEYS.progress);
}

/** ISO time of the run's last sign of life: its start, a desk's outcome, or a wait or follow-up noted (until its end). */
function lastHeardOf(header: RunHeader, outcomes: Record<string, JobOutcome>, waits: Record<string, JobWait>): string {
  let last = header.startedAt;
  for (const o of Object.values(outcomes)) if (o.at > last) last = o.at;
  for (const w of Object.values(waits)) if (w.until > last) last = w.until;
  return last;
}

export function summariseProgress(header: RunHeader, outcomes: Record<string, JobOutcome>, now: Date, waits: Record<string, JobWait> = {}): RunProgress {
  const stale = now.getTime() - Date.parse(lastHeardOf(header, outcomes, waits)) > STALE_AFTER_MS;
  const pending: string[] = [];
  const failed: { key: string; message: string }[] = [];
  let done = 0;
  let lastAt = header.startedAt;
  for (const key of header.projectKeys) {
    const o = outcomes[key];
    if (!o) {
      if (stale) failed.push({ key, message: 'Nothing was heard from the run’s checks for 30 minutes; the previous result is kept.' });
      else pending.push(key);
      continue;
    }
    if (o.at > lastAt) lastAt = o.at;
    if (o.state === 'done') done += 1;
    else failed.push({ key, message: o.message ?? 'The check failed.' });
  }
  const finished = pending.length === 0;
  const progress: RunProgress = {
    runId: header.runId,
    startedAt: header.startedAt,
    projectsTotal: header.projectKeys.length,
    projectsDone: done + failed.length,
    pending,
    failed,
    state: !finished ? 'running' : failed.length > 0 && done === 0 ? 'failed' : 'done',
  };
  if (finished) progress.finishedAt = lastAt;
  // Only a wait still ahead says anything: a pending job past its wait is working again.
  const waiting = pending.flatMap((key) => (waits[key] && waits[key]!.until > now.toISOString() ? [{ key, ...waits[key]! }] : []));
  if (waiting.length > 0) progress.waiting = waiting;
  const names = header.projectNames ?? {};
  const pendingNames = Object.fromEntries(pending.flatMap((key) => (names[key] ? [[key, names[key]!]] : [])));
  if (Object.keys(pendingNames).length > 0) progress.pendingNames = pendingNames;
  return progress;
}

export async function loadProgress(store: KeyValueStore, now: Date): Promise<RunProgress | null> {
  const header = await currentRun(store);
  if (!header) return null;
  const entries = await store.list<JobOutcome>(KEYS.jobOutcomePrefix(header.runId));
  const prefix = KEYS.jobOutcomePrefix(header.runId);
  const outcomes = Object.fromEntries(entries.map((e) => [e.key.slice(prefix.length), e.value]));
  const waitPrefix = KEYS.jobWaitPrefix(header.runId);
  const waits = Object.fromEntries((await store.list<JobWait>(waitPrefix)).map((e) => [e.key.slice(waitPrefix.length), e.value]));
  const names = await store.get<Record<string, string>>(KEYS.runNames(header.runId));
  return summariseProgress(names ? { ...header, projectNames: names } : header, outcomes, now, waits);
}
