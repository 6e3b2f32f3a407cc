/**
 * One readiness run: a JiraClient over the given transport, gather the snapshot,
 * judge it. The only place the three meet, shared by the CLI, the Forge queue
 * consumer and the local preview.
 */
import type { Logger } from '../shared/logger';
import { gatherEndUserGroups, gatherSnapshot } from '../gather/gather-snapshot';
import { rateLimitWaitProgress, type GatherProgress } from '../gather/progress';
import type { GroupMembers, SiteSnapshot } from '../gather/snapshot';
import type { Fetched } from '../shared/fetched';
import { JiraClient, type JiraClientOptions } from '../jira/jira-client';
import type { JiraTransport } from '../jira/transport';
import type { ArtifactKind } from '../gather/artifact-kind';
import { judge } from './judge';
import type { EngineSettings, Report, RunStats } from '../shared/report-model';
import type { ParityDesk } from '../shared/parity-model';
import type { KnownArtifacts } from '../gather/known-artifacts';
import type { CustomerPager } from '../gather/project-details';

export interface RunReadinessInput {
  /** Jira as the account the checks run as (admin e-mail + token, or the Forge app). */
  transport: JiraTransport;
  settings: EngineSettings;
  /** Jira as the service account itself (its own token): proves SA-API-TOKEN, reads its real time zone. */
  serviceAccountTransport?: JiraTransport;
  /** Requests in flight at once (default 6). */
  concurrency?: number;
  onProgress?: (event: GatherProgress) => void;
  logger?: Logger;
  /** The run's clock: report time, attestation expiry, stats duration. */
  now?: Date | (() => Date);
  /** Artifacts to read (default: all). */
  requires?: readonly ArtifactKind[];
  /** Back-off and timeout overrides, and injected sleep/random for tests. */
  clientOptions?: Omit<JiraClientOptions, 'logger' | 'now'>;
  /**
   * End-user groups this run already has (a Forge run reads them once for all its
   * per-desk jobs): not fetched again. Groups missing here are read as usual.
   */
  endUserGroups?: Readonly<Record<string, Fetched<GroupMembers>>>;
  /** What the run already read in full for many jobs (a Forge run's shared artifacts): taken, not read. */
  known?: KnownArtifacts | Promise<KnownArtifacts | undefined>;
  /** Service desk ids known before the listing: their customer paging starts first. */
  startCustomersOf?: readonly string[];
  /** Pages a desk's customers the caller's own way (a Forge job reading a desk across several jobs). */
  customerPager?: CustomerPager;
  /** The desks of the report imported as the site's non-production side (PARITY-CONFIG). */
  parityImported?: readonly ParityDesk[];
}

export interface RunReadinessResult {
  report: Report;
  snapshot: SiteSnapshot;
  stats: RunStats;
}

export async function runReadiness(input: RunReadinessInput): Promise<RunReadinessResult> {
  const clock = typeof input.now === 'function' ? input.now : input.now ? () => input.now as Date : () => new Date();
  const clientOptions: JiraClientOptions = { ...input.clientOptions, now: () => clock().getTime() };
  if (input.logger) clientOptions.logger = input.logger;
  const onProgress = input.onProgress;
  if (onProgress) {
    const onWait = input.clientOptions?.onWait;
    // A wait Jira asks for can be minutes long: say so, or the run looks stuck.
    clientOptions.onWait = (wait) => {
      onWait?.(wait);
      onProgress(rateLimitWaitProgress(wait));
    };
  }
  const client = new JiraClient(input.transport, clientOptions);
  // Its own credentials and retry budget; its calls are added to the run's stats.
  const serviceAccountClient = input.serviceAccountTransport ? new JiraClient(input.serviceAccountTransport, clientOptions) : undefined;

  // A paired desk's non-production counterpart on this site is read in the same run, to be compared; only the desks asked for are reported.
  const counterparts = siteCounterparts(input.settings);
  const gatherSettings = counterparts.length > 0 ? { ...input.settings, projectKeys: [...input.settings.projectKeys, ...counterparts] } : input.settings;
  const snapshot = await gatherSnapshot(client, gatherSettings, {
    ...(serviceAccountClient ? { serviceAccountClient } : {}),
    ...(input.concurrency !== undefined ? { concurrency: input.concurrency } : {}),
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
    ...(input.requires ? { requires: input.requires } : {}),
    ...(input.endUserGroups ? { endUserGroups: input.endUserGroups } : {}),
    ...(input.known ? { known: input.known } : {}),
    ...(input.startCustomersOf ? { startCustomersOf: input.startCustomersOf } : {}),
    ...(input.customerPager ? { customerPager: input.customerPager } : {}),
    now: clock,
  });
  const stats = mergeStats(client.stats(), serviceAccountClient?.stats());
  const report = judge(snapshot, input.settings, {
    now: clock(),
    stats,
    ...(input.parityImported ? { parityImported: input.parityImported } : {}),
    ...(counterparts.length > 0 ? { keepProjects: input.settings.projectKeys } : {}),
  });
  return { report, snapshot, stats };
}

/**
 * The non-production desks on this site paired with a desk in scope and not in scope
 * themselves. None when every desk is in scope (an empty list): they are read anyway.
 */
export function siteCounterparts(settings: EngineSettings): string[] {
  if (settings.projectKeys.length === 0) return [];
  const out: string[] = [];
  for (const pair of settings.parityPairs ?? []) {
    if ((pair.source ?? 'site') !== 'site' || !settings.projectKeys.includes(pair.production)) continue;
    if (!settings.projectKeys.includes(pair.nonProduction) && !out.includes(pair.nonProduction)) out.push(pair.nonProduction);
  }
  return out;
}

export interface ReadEndUserGroupsInput {
  transport: JiraTransport;
  /** Group names as configured (trimmed and de-duplicated here). */
  names: readonly string[];
  concurrency?: number;
  logger?: Logger;
  clientOptions?: Omit<JiraClientOptions, 'logger' | 'now'>;
}

/**
 * Only the end-user groups, as gatherSnapshot reads them: each group its own
 * Fetched, so a failure is kept as that group's error. For a run that shares them
 * between jobs.
 */
export async function readEndUserGroups(input: ReadEndUserGroupsInput): Promise<{ groups: Record<string, Fetched<GroupMembers>>; stats: RunStats }> {
  const clientOptions: JiraClientOptions = { ...input.clientOptions };
  if (input.logger) clientOptions.logger = input.logger;
  const client = new JiraClient(input.transport, clientOptions);
  const groups = await gatherEndUserGroups(client.withConcurrency(input.concurrency ?? 6), input.names);
  return { groups, stats: client.stats() };
}

/** The run's totals over both clients; the duration is the admin client's (it spans the run). */
export function mergeStats(main: RunStats, extra: RunStats | undefined): RunStats {
  if (!extra) return main;
  const callsByEndpoint: Record<string, number> = { ...main.callsByEndpoint };
  for (const [endpoint, n] of Object.entries(extra.callsByEndpoint)) callsByEndpoint[endpoint] = (callsByEndpoint[endpoint] ?? 0) + n;
  return {
    callsByEndpoint: Object.fromEntries(Object.entries(callsByEndpoint).sort(([a], [b]) => (a < b ? -1 : 1))),
    totalCalls: main.totalCalls + extra.totalCalls,
    retries: main.retries + extra.retries,
    durationMs: main.durationMs,
  };
}
