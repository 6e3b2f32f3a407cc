/**
 * Every storage key the app uses, in one place. Keys carry the storage format
 * version as a prefix so a migration can tell old entries from new ones.
 * Project keys are Jira project keys (upper-case letters, digits, underscore),
 * well under kvs's 500-character key limit.
 */
export const STORAGE_FORMAT_VERSION = 1;

const V = `v${STORAGE_FORMAT_VERSION}`;

export const KEYS = {
  /** { formatVersion, siteUrl? } */
  meta: 'meta',
  settings: `${V}:settings`,
  /** Created once per settings version with createIfAbsent: whoever creates it owns that version. */
  settingsClaim: (version: number) => `${V}:settings-claim:${version}`,
  attestationPrefix: `${V}:attest:`,
  attestation: (checkId: string) => `${V}:attest:${checkId}`,
  acknowledgementPrefix: `${V}:ack:`,
  /** scope = project key or 'site', as the engine keys acknowledgements. */
  acknowledgement: (scope: string, checkId: string) => `${V}:ack:${scope}:${checkId}`,
  siteReport: `${V}:report:site`,
  projectReportPrefix: `${V}:report:project:`,
  projectReport: (projectKey: string) => `${V}:report:project:${projectKey}`,
  /** Each desk's report without evidence (overview-index.ts): what the overview reads instead of the whole value. */
  projectSummaryPrefix: `${V}:summary:project:`,
  projectSummary: (projectKey: string) => `${V}:summary:project:${projectKey}`,
  /** The desks whose summaries a finished run vouched for: { keys, runId }. */
  overviewIndex: `${V}:overview-index`,
  progress: `${V}:progress`,
  jobOutcomePrefix: (runId: string) => `${V}:run:${runId}:job:`,
  jobOutcome: (runId: string, projectKey: string) => `${V}:run:${runId}:job:${projectKey}`,
  runPrefix: `${V}:run:`,
  /** The desks' names a run's progress shows while they wait, kept apart from the header every job reads. */
  runNames: (runId: string) => `${V}:run:${runId}:names`,
  /** The n-th job of a run to finish claims slot n with createIfAbsent: whoever claims the last slot finishes the run. */
  runFinishedSlot: (runId: string, n: number) => `${V}:run:${runId}:finished:${n}`,
  /** Where the next free slot probably is (a hint, written after each claim): saves trying every slot from 0. */
  runFinishedHint: (runId: string) => `${V}:run:${runId}:finished-hint`,
  /** A job waiting for Jira's rate limit says so here; shown while the job is pending. */
  jobWaitPrefix: (runId: string) => `${V}:run:${runId}:wait:`,
  jobWait: (runId: string, projectKey: string) => `${V}:run:${runId}:wait:${projectKey}`,
  /** Created once per run with createIfAbsent by the finish that sends its e-mail; dropped with the run's other keys. */
  mailClaim: (runId: string) => `${V}:run:${runId}:mail-claim`,
  /** What one job of a run read for the run's other jobs (run-shared-repo.ts); under runPrefix, so the next run's start drops it. */
  runSharedPrefix: (runId: string) => `${V}:run:${runId}:shared:`,
  /** Created once per run and artifact with createIfAbsent by the job that reads it for the run. */
  runSharedClaim: (runId: string, artifact: string) => `${V}:run:${runId}:shared:${artifact}:claim`,
  /** Written after every entry: which entries are stored, and in how many chunks. */
  runSharedManifest: (runId: string, artifact: string) => `${V}:run:${runId}:shared:${artifact}:manifest`,
  /** One chunk of one entry; `entry` is the entry's name encoded for a key (entryKeyName). */
  runSharedChunk: (runId: string, artifact: string, entry: string, chunk: number) => `${V}:run:${runId}:shared:${artifact}:e:${entry}:${chunk}`,
  /** How many of a hand-on's jobs the invocation that pushed it has dealt with; under runPrefix. */
  runPushedThrough: (runId: string, handOnId: string) => `${V}:run:${runId}:pushed:${handOnId}`,
  /** Customer pages each desk's last check read (desk-size-repo.ts): the run starts the longest first. */
  deskSizePrefix: `${V}:desk-size:`,
  deskSize: (projectKey: string) => `${V}:desk-size:${projectKey}`,
  historyPrefix: `${V}:history:`,
  deliveryPrefix: `${V}:delivery:`,
  /** The report issue the app created when settings named none. */
  reportIssue: `${V}:report-issue`,
  scheduledPeriod: `${V}:schedule:last-period`,
  /** Created once per schedule period with createIfAbsent: the trigger invocation that creates it starts the period's run. */
  scheduledClaimPrefix: `${V}:schedule:claim:`,
  scheduledClaim: (period: string) => `${V}:schedule:claim:${period}`,
} as const;
