/**
 * The ports the Forge backend depends on. `src/index.ts` fills them with Forge's
 * real services (@forge/kvs, @forge/events, requestJira); the local preview
 * (`dev/preview`) fills them with a file-backed store, an in-process queue and the
 * simulated site. Resolvers and the queue consumer only ever see these.
 */
import type { JiraTransport } from '../jira/transport';

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
}

export interface ProjectJob {
  runId: string;
  projectKey: string;
  /** 'recheck' from the UI, 'scheduled' from the trigger, 'fix' after a one-click fix. */
  reason: 'recheck' | 'scheduled' | 'fix';
}

/** Jobs pushed with the same key run at most `limit` at a time (@forge/events' `concurrency`). */
export interface JobConcurrency {
  key: string;
  limit: number;
}

export interface PushOptions {
  /** Spreads scheduled runs (Forge allows up to 900). */
  delaySeconds?: number;
  /** Bounds how many of these jobs (with any others under the same key) run at once. */
  concurrency?: JobConcurrency;
}

export interface JobQueue {
  push(jobs: ProjectJob[], options?: PushOptions): Promise<void>;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
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
