/**
 * What the desks of a Forge run share, read once per run instead of once per job:
 * the server, the service account, the end-user groups, every desk's listing,
 * request types and organizations (an organization serving several desks is read
 * once), the workflow schemes, the workflows, the screens and the groups workflow
 * conditions name. The run's first job claims the read and reads it for every desk
 * of the run, in the same calls a whole-site run makes (schemes 100 projects a
 * call, workflows 50 names a call); the others take what they need of it. Each job
 * still reads its own desk's roles and customers.
 *
 * Whatever is not shared (a failure, a desk that joined the run later, storage that
 * failed) the job reads itself, so the saving never costs a check its truth.
 */
import { gatherSnapshot } from '../../gather/gather-snapshot';
import { knownFromEntries, shareableOf, snapshotEntries, type KnownArtifacts } from '../../gather/known-artifacts';
import type { ArtifactKind } from '../../gather/artifact-kind';
import { JiraClient } from '../../jira/jira-client';
import type { RateLimitWait } from '../../jira/rate-gate';
import type { AppSettings } from '../../shared/resolver-api';
import type { AppDeps } from '../deps';
import { currentRun } from '../storage/progress-repo';
import { dropRunShared, storeRunShared } from '../storage/run-shared-repo';
import { engineSettingsFor } from './readiness-runner';
import { forgetRunSharedInProcess, runSharedArtifact, storedForRun, type RunSharedWait } from './run-shared';

/** What the run's first job reads for every desk of the run. */
export const RUN_SITE_ARTIFACT = 'site';
/** Each desk's service desk id, as the run's start listed them. */
export const RUN_DESK_IDS_ARTIFACT = 'desk-ids';
const DESK_IDS = 'desk-ids';

/** Everything a check needs that is not one desk's own roles or customers. */
export const SHARED_BY_DESKS: readonly ArtifactKind[] = ['serverInfo', 'serviceAccount', 'endUserGroups', 'organizations', 'requestTypes', 'workflows', 'screens', 'workflowGroups'];

export interface RunSiteOptions {
  wait?: RunSharedWait;
  /** When the job must be done with Jira (ms since the epoch). */
  jiraDeadlineMs?: number;
  onRateLimitWait?: (wait: RateLimitWait) => void;
}

/**
 * What the job may take instead of reading it; undefined when nothing is shared
 * (the job reads everything). The job that claims the read reads it here, for
 * every desk of the run, and then takes it like the others.
 */
export async function knownForJob(deps: AppDeps, runId: string, settings: AppSettings, options: RunSiteOptions = {}): Promise<KnownArtifacts | undefined> {
  const shared = await runSharedArtifact(
    deps,
    runId,
    RUN_SITE_ARTIFACT,
    async () => {
      const header = await currentRun(deps.storage);
      // A run that is not the current one any more has nothing to share for.
      const keys = header?.runId === runId ? header.projectKeys : [];
      if (keys.length === 0) return { result: undefined, entries: new Map() };
      const client = new JiraClient(deps.jiraAsApp(), {
        logger: deps.log,
        ...(options.jiraDeadlineMs !== undefined ? { deadlineMs: options.jiraDeadlineMs } : {}),
        ...(options.onRateLimitWait ? { onWait: options.onRateLimitWait } : {}),
      });
      const snapshot = await gatherSnapshot(client, engineSettingsFor(settings, [...keys]), { requires: SHARED_BY_DESKS, now: deps.now });
      // This job keeps its own failures as its errors; the others read a failure again themselves.
      const all = snapshotEntries(snapshot, true);
      const entries = shareableOf(all);
      deps.log.info('What the desks share was read once for the run', { runId, desks: keys.length, entries: entries.size, calls: client.stats().totalCalls });
      return { result: all, entries };
    },
    options.wait,
  );
  if (shared.source === 'none') return undefined;
  if (shared.source === 'read') {
    const entries = shared.result;
    return entries ? knownFromEntries(async <T>(name: string) => entries.get(name) as T | undefined, true) : undefined;
  }
  return knownFromEntries((name) => shared.entries.entry(name));
}

/**
 * The run's start listed the desks: their ids go to the jobs, so each job starts
 * its desk's customer paging (the run's longest chains) at once, before it waits
 * for what the desks share.
 */
export async function storeRunDeskIds(deps: AppDeps, runId: string, deskIds: Readonly<Record<string, string>>): Promise<void> {
  if (Object.keys(deskIds).length === 0) return;
  await storeRunShared(deps.storage, runId, RUN_DESK_IDS_ARTIFACT, new Map([[DESK_IDS, deskIds]]));
}

/** The job's desk id as the run's start listed it; undefined when it did not (explicit keys, storage failing). */
export async function runDeskId(deps: AppDeps, runId: string, projectKey: string): Promise<string | undefined> {
  try {
    const ids = await (await storedForRun(deps.storage, runId, RUN_DESK_IDS_ARTIFACT))?.entry<Record<string, string>>(DESK_IDS);
    const id = ids?.[projectKey];
    return typeof id === 'string' && id ? id : undefined;
  } catch {
    return undefined;
  }
}

/** The run is over: drop what its jobs shared. */
export async function dropRunSite(deps: AppDeps, runId: string): Promise<void> {
  forgetRunSharedInProcess(deps.storage, runId);
  await dropRunShared(deps.storage, runId, RUN_SITE_ARTIFACT);
  await dropRunShared(deps.storage, runId, RUN_DESK_IDS_ARTIFACT);
}
