/**
 * Starts a readiness run: decides the projects in scope, stores the run's progress,
 * and enqueues one job per project (within Forge's events per minute; the rest are
 * handed on and pushed a minute later); the work happens in the queue consumer. Answers
 * at once. A click while a run is still going returns that run instead of starting
 * a second one; projects asked for that the run has already finished join it again.
 */
import { randomUUID } from 'node:crypto';
import { JiraClient } from '../../jira/jira-client';
import type { RunProgress } from '../../shared/resolver-api';
import type { AppDeps, ProjectJob } from '../deps';
import { ResolverFailure } from '../errors';
import { listServiceDesks } from '../jira/service-desks';
import { pushJobs } from './push-jobs';
import { getSettings } from '../storage/settings-repo';
import { loadProjects, pruneProjects } from '../storage/report-repo';
import { currentRun, loadProgress, namesToKeep, startRun } from '../storage/progress-repo';
import { KEYS } from '../storage/keys';
import { loadDeskSizes, longestChainsFirst } from '../storage/desk-size-repo';
import { storeRunDeskIds } from './run-site';

export interface StartRunOptions {
  /** Explicit projects (a project page, or a fix's follow-up); empty: the whole scope. */
  projectKeys?: string[];
  reason: ProjectJob['reason'];
  /** Spread scheduled jobs: each job gets a random delay in [0, maxDelaySeconds). */
  maxDelaySeconds?: number;
  random?: () => number;
  /** Time the whole-site desk listing may take (a re-check starts inside a resolver's 25 s). */
  listingWithinMs?: number;
}

/** Leaves a resolver that starts a run time to store its progress and queue its jobs. */
export const SCOPE_LISTING_MS = 12_000;

/**
 * The projects in scope: settings first, else every service desk, else the last
 * report's desks. Only a listing that reached its last page is authoritative (may
 * prune); a failed or unfinished one falls back to the stored reports, pruning nothing.
 */
async function scopeKeys(deps: AppDeps, listingWithinMs: number): Promise<{ keys: string[]; authoritative: boolean; deskIds?: Record<string, string>; deskNames?: Record<string, string> }> {
  const { settings } = await getSettings(deps.storage);
  if (settings.projectKeys.length > 0) return { keys: [...settings.projectKeys], authoritative: true };
  try {
    const desks = await listServiceDesks(new JiraClient(deps.jiraAsApp(), { logger: deps.log }), { withinMs: listingWithinMs });
    return {
      keys: desks.map((d) => d.key),
      authoritative: true,
      deskIds: Object.fromEntries(desks.map((d) => [d.key, d.id])),
      deskNames: Object.fromEntries(desks.map((d) => [d.key, d.name])),
    };
  } catch (e) {
    deps.log.warn('Could not list service desks; using the last report', { reason: e instanceof Error ? e.message : String(e) });
    const stored = await loadProjects(deps.storage);
    if (stored.length === 0) {
      throw ResolverFailure.of('JIRA', `The app could not list this site's service desks: ${e instanceof Error ? e.message : String(e)}`);
    }
    return { keys: stored.map((p) => p.key), authoritative: false };
  }
}

/**
 * A project asked for while a run is going joins that run (its earlier outcome in
 * the run is cleared), so the run's progress, history entry and e-mail stay whole.
 */
async function joinRunningRun(deps: AppDeps, runId: string, keys: string[], reason: ProjectJob['reason']): Promise<RunProgress> {
  const header = (await currentRun(deps.storage))!;
  await deps.storage.set(KEYS.progress, { ...header, projectKeys: [...header.projectKeys, ...keys.filter((k) => !header.projectKeys.includes(k))] });
  for (const key of keys) await deps.storage.delete(KEYS.jobOutcome(runId, key));
  await pushJobs(deps, { runId, reason, projectKeys: keys });
  return (await loadProgress(deps.storage, deps.now()))!;
}

export async function startReadinessRun(deps: AppDeps, options: StartRunOptions): Promise<RunProgress> {
  const now = deps.now();
  const running = await loadProgress(deps.storage, now);
  if (running?.state === 'running') {
    const wanted = options.projectKeys ?? [];
    const notPending = [...new Set(wanted)].filter((k) => !running.pending.includes(k));
    if (notPending.length === 0) return running;
    return joinRunningRun(deps, running.runId, notPending, options.reason);
  }

  let keys: string[];
  let deskIds: Record<string, string> = {};
  let deskNames: Record<string, string> = {};
  if (options.projectKeys && options.projectKeys.length > 0) keys = [...new Set(options.projectKeys)];
  else {
    const scope = await scopeKeys(deps, options.listingWithinMs ?? SCOPE_LISTING_MS);
    keys = scope.keys;
    deskIds = scope.deskIds ?? {};
    deskNames = scope.deskNames ?? {};
    if (scope.authoritative) await pruneProjects(deps.storage, keys);
  }

  // The longest customer chains first: started last, one would end the run alone.
  keys = longestChainsFirst(keys, await loadDeskSizes(deps.storage).catch(() => new Map<string, number>()));

  const runId = `${now.toISOString()}-${randomUUID().slice(0, 8)}`;
  const projectNames = namesToKeep(keys, deskNames);
  await startRun(deps.storage, { runId, startedAt: now.toISOString(), projectKeys: keys, ...(projectNames ? { projectNames } : {}), reason: options.reason });
  if (keys.length === 0) return (await loadProgress(deps.storage, now))!;
  // Each job starts its desk's customer paging at once; a job without its id lists its desk first.
  await storeRunDeskIds(deps, runId, deskIds).catch((e: unknown) => deps.log.warn('Could not store the desks’ ids for the run', { runId, reason: e instanceof Error ? e.message : String(e) }));

  // The shared concurrency key paces the jobs against Jira; pushJobs keeps the pushes within
  // Forge's events per minute, handing what does not fit on to a later invocation.
  await pushJobs(
    deps,
    { runId, reason: options.reason, projectKeys: keys, ...(options.maxDelaySeconds && options.maxDelaySeconds > 0 ? { maxDelaySeconds: options.maxDelaySeconds } : {}) },
    options.random ? { random: options.random } : {},
  );
  return (await loadProgress(deps.storage, deps.now()))!;
}
