/**
 * The ports the Forge backend depends on. `src/index.ts` fills them with Forge's
 * real services (@forge/kvs, @forge/events, requestJira); the local preview
 * (`dev/preview`) fills them with a file-backed store, an in-process queue and the
 * simulated site. Resolvers and the queue consumer only ever see these.
 */
import type { JiraTransport } from '../jira/transport';
import type { Logger } from '../shared/logger';

export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Store only if the key does not exist yet, atomically; false when it already did.
   * The one compare-and-set kvs offers (`keyPolicy: 'FAIL_IF_EXISTS'`): versioned
   * settings claim each version with it so two racing saves cannot both win.
   */
  createIfAbsent<T>(key: string, value: T): Promise<boolean>;
  /** Every entry whose key starts with `prefix` (paged internally by the adapter). */
  list<T>(prefix: string): Promise<{ key: string; value: T }[]>;
  /**
   * One page of those entries, in key order, and the cursor of the next (none after the
   * last): for a walk over values too large to hold all at once (kvs pages queries too).
   */
  listPage<T>(prefix: string, cursor?: string): Promise<StorePage<T>>;
}

/** Entries a page holds at most, as a kvs query page. */
export const STORE_PAGE_SIZE = 100;

export interface StorePage<T> {
  entries: { key: string; value: T }[];
  cursor?: string;
}

export interface ProjectJob {
  runId: string;
  projectKey: string;
  /** 'recheck' from the UI, 'scheduled' from the trigger, 'fix' after a one-click fix. */
  reason: 'recheck' | 'scheduled' | 'fix';
  /**
   * Set on a follow-up job of a desk too large for one job: which part of the desk's
   * reading this job is (2, 3, …); it reads on where the job before it stopped.
   */
  part?: number;
}

/** Jobs pushed with the same key run at most `limit` at a time (@forge/events' `concurrency`). */
export interface JobConcurrency {
  key: string;
  limit: number;
}

export interface PushOptions {
  /** Spreads scheduled runs (Forge allows up to 900). */
  delaySeconds?: number;
  /** One delay per job, in the jobs' order (a scheduled run's jitter); overrides `delaySeconds`. */
  delaysSeconds?: readonly number[];
  /** Bounds how many of these jobs (with any others under the same key) run at once. */
  concurrency?: JobConcurrency;
}

/**
 * Jobs of a run not pushed yet. Forge takes only so many events a minute, so a run
 * pushes what the minute allows and hands the rest to one event delivered later,
 * whose consumer pushes the next share (src/forge/run/push-jobs.ts).
 */
export interface HandedOnJobs {
  runId: string;
  reason: ProjectJob['reason'];
  projectKeys: string[];
  /** A scheduled run's jitter window; each job pushed later draws its own delay in it. */
  maxDelaySeconds?: number;
  /**
   * Set when the hand-on was pushed before the jobs it follows: it then lists those
   * jobs too, and the consumer skips as many as the pushing invocation recorded
   * under this id as dealt with (KEYS.runPushedThrough).
   */
  handOnId?: string;
}

/**
 * A fix run to continue in the background (src/forge/fix-runs): only its id travels;
 * the plan, the results so far and who asked for it are in kvs.
 */
export interface FixJob {
  fixRunId: string;
}

/** What the queue delivers to its consumer: a project's job, jobs handed on to push, or a fix run to continue. */
export type QueueEvent = ProjectJob | { handOn: HandedOnJobs } | { fixRun: FixJob };

export interface JobQueue {
  /**
   * At most 50 jobs (Forge's events per push). Throws PushRateLimited when the site's
   * events per minute are used up, PushPartlyRefused when only some jobs were taken.
   */
  push(jobs: ProjectJob[], options?: PushOptions): Promise<void>;
  /**
   * One event, delivered after `delaySeconds`, that makes the consumer push `jobs`.
   * Stand-ins that never see more jobs than a minute allows may leave it out; a run
   * that would need it then records the jobs it cannot push as failed, with why.
   */
  handOn?(jobs: HandedOnJobs, delaySeconds: number): Promise<void>;
  /**
   * One event that makes the consumer continue a fix run. Stand-ins without it leave
   * a long fix paused where it stopped; applying the fix again resumes it.
   */
  pushFix?(job: FixJob, delaySeconds?: number): Promise<void>;
}

export interface AppDeps {
  storage: KeyValueStore;
  queue: JobQueue;
  /** Jira as the app (reads for checks). */
  jiraAsApp(): JiraTransport;
  /** Jira as the calling user (permission checks and every write). */
  jiraAsUser(accountId: string): JiraTransport;
  now(): Date;
  log: Logger;
}

/** Who called a resolver and from which surface; filled from Forge's invocation context. */
export interface InvocationContext {
  accountId: string | undefined;
  surface: 'admin' | 'project';
  /** From the project settings page's extension context, never from the payload. */
  projectKey?: string;
}
