/**
 * A desk too large for one job, read across several. JSM pages a desk's customers
 * 50 at a time with no total, one page after another: a desk of a million
 * customers is 20,000 pages, about 800 s at Jira's pace, over the 780 s a job has
 * for Jira. So a job pages its desk's customers until its stop time
 * (JOB_CUSTOMER_PAGING_MS); if the last page has come by then, the job goes on
 * exactly as any other. If not, the paging stops at a page boundary, the job keeps
 * what it read (storage/desk-part-repo.ts: the ids, where the paging stands, what
 * it read of the desk itself) and pushes a follow-up job for the same desk under
 * the run's concurrency key, which reads on from there; the job that reads the
 * last page judges the desk with every customer, and its outcome is the desk's
 * only one. No page is read twice, and nothing is judged on part of the list:
 * a part that cannot be read back makes the follow-up read from the first page,
 * and a follow-up that cannot be queued fails the desk with the reason.
 */
import { knownDeskOf, knownWithDesk, type KnownArtifacts, type KnownDesk } from '../../gather/known-artifacts';
import { accountIdPoolFor, DESK_CUSTOMERS, readCustomers, type CustomerPager, type CustomersRead } from '../../gather/project-details';
import { failed, ok } from '../../gather/fetched';
import type { SiteSnapshot } from '../../gather/snapshot';
import { mergeStats } from '../../engine/run-readiness';
import type { Report, RunStats } from '../../shared/report-model';
import type { AppDeps, ProjectJob } from '../deps';
import { READINESS_JOB_CONCURRENCY } from '../run/job-pacing';
import { dropDeskParts, ID_BATCH_SIZE, loadDeskPart, loadDeskPartIds, storeDeskPart, type DeskPartCursor, type LoadedDeskPart } from '../storage/desk-part-repo';
import { currentRun, recordJobWait } from '../storage/progress-repo';
import { JOB_CUSTOMER_PAGING_MS } from './job-deadline';

/**
 * The most jobs one desk is read in. The last of them pages to the end with no stop
 * time (only the Jira deadline), so a desk Jira serves very slowly cannot hand
 * itself on for ever.
 */
export const MAX_DESK_PARTS = 24;

export interface CustomerPagingOptions {
  /** How long a job pages its desk's customers before it hands the rest on (default JOB_CUSTOMER_PAGING_MS). */
  stopAfterMs?: number;
  /** The clock the stop time is measured on (default the job's own). */
  clock?: () => number;
}

export interface OpenOptions extends CustomerPagingOptions {
  /** The desk's id as the run's start listed it. */
  deskId: string | undefined;
  startedAt: Date;
}

export interface DeskContinuation {
  /** The desk id whose customer paging starts at once (the run's listing, or the part read on from). */
  readonly deskId: string | undefined;
  /** How the job pages its desk's customers: from where the last part stopped, until the stop time. */
  readonly pager: CustomerPager;
  /** What the job may take instead of reading it: `known`, and what the earlier parts read of the desk. */
  known(known: Promise<KnownArtifacts | undefined>): Promise<KnownArtifacts | undefined>;
  /**
   * After the checks: the report to store when the desk's customers were read to
   * the end (its stats the desk's whole reading); undefined when the job handed
   * the rest on and must end without an outcome. Throws when the desk cannot go
   * on (its outcome is then `failed` with the reason; the caller drops the parts).
   */
  settle(report: Report, snapshot: SiteSnapshot | undefined): Promise<Report | undefined>;
  /** Drops every part of the desk's reading kept so far (the job failed). */
  drop(): Promise<void>;
}

/** Pure: the run stats of two goes at one desk, as one (both goes' time counts, unlike two clients of one run). */
export function addStats(a: RunStats, b: RunStats | undefined): RunStats {
  return b ? { ...mergeStats(a, b), durationMs: a.durationMs + b.durationMs } : a;
}

/** Pure: the earlier parts' ids and this job's, in page order, each once (a customer added while paging can shift a page). */
export function joinCustomerIds(earlier: readonly string[], own: readonly string[]): string[] {
  return [...new Set([...earlier, ...own])];
}

/** Pure: what the run's progress says while the desk waits for its follow-up job. */
export function continuationNote(customersRead: number): string {
  return `more customers than one job can read: reading on in a follow-up job (${customersRead.toLocaleString('en-US')} read so far)`;
}

const reasonOf = (e: unknown): string => (e instanceof Error ? e.message : String(e)).slice(0, 200);

/**
 * The job's side of its desk's reading. A first job (no `part`) touches no storage
 * here; a follow-up loads where the part before it stopped.
 */
export async function openDeskContinuation(deps: AppDeps, job: ProjectJob, options: OpenOptions): Promise<DeskContinuation> {
  const part = job.part ?? 1;
  const clock = options.clock ?? (() => deps.now().getTime());
  const from = options.clock ? clock() : options.startedAt.getTime();
  const stopAfterMs = options.stopAfterMs ?? JOB_CUSTOMER_PAGING_MS;
  const stop = part < MAX_DESK_PARTS ? { atMs: from + stopAfterMs, now: clock } : undefined;

  let previous: LoadedDeskPart | undefined;
  if (part > 1) {
    const loaded = await loadDeskPart(deps.storage, job.runId, job.projectKey, part - 1).catch((e: unknown) => ({ missing: `storage failed: ${reasonOf(e)}` }));
    if ('missing' in loaded) {
      deps.log.warn('The desk’s earlier customer pages cannot be read back; this job reads its customers from the first page', { projectKey: job.projectKey, runId: job.runId, part, reason: loaded.missing });
    } else previous = loaded;
  }
  const deskId = previous?.cursor.serviceDeskId ?? options.deskId;

  let knownP: Promise<KnownArtifacts | undefined> | undefined;
  // The desk paged with a stop time; without an id from the listing, the one the run's shared read knows.
  const target = async (): Promise<string | undefined> => deskId ?? (await (await knownP)?.desk(job.projectKey))?.listed.serviceDeskId;
  let cut: (CustomersRead & { complete: false; serviceDeskId: string }) | undefined;
  let lost: string | undefined;

  const pager: CustomerPager = async (client, serviceDeskId) => {
    if (serviceDeskId !== (await target())) return undefined;
    const pool = accountIdPoolFor(client);
    const read = await readCustomers(client, serviceDeskId, { ...(previous ? { from: previous.cursor.next } : {}), ...(stop ? { stop } : {}), pool });
    const endpoint = `GET ${DESK_CUSTOMERS}`;
    if (!read.complete) {
      cut = { ...read, serviceDeskId };
      // Never stored: the job hands the desk on instead of storing this report.
      return failed({ kind: 'timeout', endpoint, message: 'The desk has more customers than one job can read; a follow-up job reads on.' });
    }
    if (!previous) return ok(read.ids);
    const earlier = await loadDeskPartIds(deps.storage, job.runId, job.projectKey, previous.cursor, (id) => pool.intern(id)).catch(() => undefined);
    if (!earlier) {
      lost = `The customers this desk's earlier jobs read (${previous.cursor.parts.reduce((n, p) => n + p.ids, 0)}) could not be read back from storage, so the desk was not judged; the previous result is kept.`;
      return failed({ kind: 'timeout', endpoint, message: lost });
    }
    return ok(joinCustomerIds(earlier, read.ids));
  };

  const drop = (upTo: number): Promise<void> =>
    dropDeskParts(deps.storage, job.runId, job.projectKey, upTo).catch((e: unknown) => deps.log.warn('Could not drop the desk’s stored parts', { projectKey: job.projectKey, runId: job.runId, reason: reasonOf(e) }));

  return {
    deskId,
    pager,
    known(known) {
      knownP = known;
      const desk = previous?.desk;
      return desk ? known.then((k) => knownWithDesk(k, desk)) : known;
    },
    async settle(report, snapshot) {
      if (!cut) {
        if (lost) throw new Error(lost);
        if (part === 1) return report;
        await drop(part - 1);
        return previous ? { ...report, stats: addStats(report.stats ?? emptyStats(), previous.cursor.stats) } : report;
      }
      // A desk Jira no longer lists is not read on: the job fails it as any job would.
      if (!report.projects.some((p) => p.key === job.projectKey)) return report;
      const run = await currentRun(deps.storage);
      // The run is over (replaced by a newer one): nobody waits for this desk's outcome, so it is not read on.
      if (run?.runId !== job.runId) throw new Error('The run this check belonged to is over; its desk was not read to the end.');
      await handOn(deps, job, part, cut, previous, snapshot, report.stats, drop, stopAfterMs);
      return undefined;
    },
    // A first job has kept nothing unless it handed on (and then it dropped what it kept on failing).
    drop: () => (part > 1 ? drop(part) : Promise.resolve()),
  };
}

function emptyStats(): RunStats {
  return { callsByEndpoint: {}, totalCalls: 0, retries: 0, durationMs: 0 };
}

/** What the job read of its desk, for the follow-up to take: only what was read in full, its roles with it. */
function deskRead(snapshot: SiteSnapshot | undefined, projectKey: string): KnownDesk | undefined {
  const project = snapshot?.projects.find((p) => p.key.toUpperCase() === projectKey.toUpperCase());
  const desk = project && knownDeskOf(project, false);
  if (desk && project.roles?.ok) desk.roles = project.roles;
  return desk;
}

/** Keeps this part and queues the follow-up job; on any failure drops every part and throws why. */
async function handOn(
  deps: AppDeps,
  job: ProjectJob,
  part: number,
  cut: CustomersRead & { complete: false; serviceDeskId: string },
  previous: LoadedDeskPart | undefined,
  snapshot: SiteSnapshot | undefined,
  stats: RunStats | undefined,
  drop: (upTo: number) => Promise<void>,
  stopAfterMs: number,
): Promise<void> {
  const desk = previous?.cursor.deskPart === undefined ? deskRead(snapshot, job.projectKey) : undefined;
  const cursor: DeskPartCursor = {
    serviceDeskId: cut.serviceDeskId,
    next: cut.next,
    parts: [...(previous?.cursor.parts ?? []), { part, batches: Math.ceil(cut.ids.length / ID_BATCH_SIZE), ids: cut.ids.length }],
    ...(previous?.cursor.deskPart !== undefined ? { deskPart: previous.cursor.deskPart } : desk ? { deskPart: part } : {}),
    stats: addStats(stats ?? emptyStats(), previous?.cursor.stats),
  };
  const read = cursor.parts.reduce((n, p) => n + p.ids, 0);
  try {
    await storeDeskPart(deps.storage, job.runId, job.projectKey, part, { cursor, ids: cut.ids, ...(desk ? { desk } : {}) });
  } catch (e) {
    await drop(part);
    throw new Error(`The desk has more customers than one job can read, and the ${read.toLocaleString('en-US')} read so far could not be kept for the job that reads on: ${reasonOf(e)}`);
  }
  // Noted before the push: the follow-up may run, and finish, before this job ends.
  const note = { message: continuationNote(read), until: new Date(deps.now().getTime() + stopAfterMs).toISOString() };
  await recordJobWait(deps.storage, job.runId, job.projectKey, note).catch((e: unknown) => deps.log.warn('Could not note the desk’s follow-up job in the run’s progress', { projectKey: job.projectKey, reason: reasonOf(e) }));
  try {
    await deps.queue.push([{ runId: job.runId, projectKey: job.projectKey, reason: job.reason, part: part + 1 }], { concurrency: READINESS_JOB_CONCURRENCY });
  } catch (e) {
    await drop(part);
    throw new Error(`The desk has more customers than one job can read (${read.toLocaleString('en-US')} read so far), and the app could not queue the job that reads on: ${reasonOf(e)}`);
  }
  deps.log.info('Desk handed on to a follow-up job', { projectKey: job.projectKey, runId: job.runId, part, customersRead: read, nextStart: cut.next.start });
}
