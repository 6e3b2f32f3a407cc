/**
 * The one place the Forge backend runs the engine (src/engine/run-readiness.ts):
 * gather + judge for the given projects, as the app. Results are stored raw:
 * attestations and acknowledgements are overlaid on read (storage/apply-decisions.ts),
 * so they are not passed to the engine here.
 */
import { runReadiness } from '../../engine/run-readiness';
import type { EngineSettings, Report } from '../../shared/report-model';
import type { GroupMembers, SiteSnapshot } from '../../gather/snapshot';
import type { Fetched } from '../../shared/fetched';
import type { RateLimitWait } from '../../jira/rate-gate';
import type { JiraTransport } from '../../jira/transport';
import type { ArtifactKind } from '../../gather/artifact-kind';
import type { AppSettings } from '../../shared/resolver-api';
import type { ParityDesk } from '../../shared/parity-model';
import type { Logger } from '../../shared/logger';
import type { KnownArtifacts } from '../../gather/known-artifacts';
import type { CustomerPager } from '../../gather/project-details';

export function engineSettingsFor(settings: AppSettings, projectKeys: string[]): EngineSettings {
  return {
    ...(settings.serviceAccount ? { serviceAccount: settings.serviceAccount } : {}),
    endUserGroups: settings.endUserGroups,
    projectKeys,
    issueTypesInScope: settings.issueTypesInScope,
    skills: settings.skills,
    statusBucketOverrides: settings.statusBucketOverrides,
    ...(settings.parityPairs?.length ? { parityPairs: settings.parityPairs } : {}),
    attestations: {},
    acknowledgements: {},
  };
}

export interface RunChecksArgs {
  transport: JiraTransport;
  settings: AppSettings;
  projectKeys: string[];
  log: Logger;
  now: () => Date;
  /** Read only these artifacts (a fix's follow-up re-check); checks needing others come back as errors. */
  requires?: readonly ArtifactKind[];
  /** End-user groups read earlier (a fix run's plan): not read again. */
  endUserGroups?: Readonly<Record<string, Fetched<GroupMembers>>>;
  /** What the run's desks share, read once for the run (run-site.ts): not read again. */
  known?: KnownArtifacts | Promise<KnownArtifacts | undefined>;
  /** The job's desk id when the run's start listed it: its customer paging starts at once. */
  startCustomersOf?: readonly string[];
  /** How the job pages its desk's customers when it may read them across several jobs (consumer/desk-continuation.ts). */
  customerPager?: CustomerPager;
  /** Told what was read (what a job keeps of its desk for the desk's follow-up job). */
  onSnapshot?: (snapshot: SiteSnapshot) => void;
  /** When the invocation must be done with Jira (ms since the epoch): a longer rate-limit wait is given up on. */
  deadlineMs?: number;
  /** Told when Jira's rate limit makes the run wait. */
  onRateLimitWait?: (wait: RateLimitWait) => void;
  /** The desks of the report imported in Settings as the site's non-production side (PARITY-CONFIG). */
  parityImported?: readonly ParityDesk[];
}

export async function runChecks(args: RunChecksArgs): Promise<Report> {
  const { report, snapshot } = await runReadiness({
    transport: args.transport,
    settings: engineSettingsFor(args.settings, args.projectKeys),
    logger: args.log,
    now: args.now,
    ...(args.requires ? { requires: args.requires } : {}),
    ...(args.endUserGroups ? { endUserGroups: args.endUserGroups } : {}),
    ...(args.known ? { known: args.known } : {}),
    ...(args.startCustomersOf ? { startCustomersOf: args.startCustomersOf } : {}),
    ...(args.customerPager ? { customerPager: args.customerPager } : {}),
    ...(args.parityImported ? { parityImported: args.parityImported } : {}),
    clientOptions: {
      ...(args.deadlineMs !== undefined ? { deadlineMs: args.deadlineMs } : {}),
      ...(args.onRateLimitWait ? { onWait: args.onRateLimitWait } : {}),
    },
  });
  args.onSnapshot?.(snapshot);
  return report;
}
