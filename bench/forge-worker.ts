/**
 * Child process: one Forge invocation container. It runs the app's own queue
 * consumer (processProjectJob) for each job it is given, one at a time as a Forge
 * container does, against the simulated site over HTTP, with kvs served by the
 * parent (every worker sees the one store, as every invocation of an installation
 * sees one kvs). Its peak RSS covers every job it ran, so it bounds each
 * invocation's. Memory it keeps between jobs is what a reused container keeps.
 */
import type { CustomerPagingOptions } from '../src/forge/consumer/desk-continuation';
import { processProjectJob, type JobResult } from '../src/forge/consumer/process-project-job';
import type { AppDeps, KeyValueStore, ProjectJob } from '../src/forge/deps';
import type { RunSharedWait } from '../src/forge/run/run-shared';
import { createHttpTransport } from '../src/jira/http-transport';
import type { Logger } from '../src/shared/logger';

export interface WorkerInit {
  type: 'init';
  baseUrl: string;
  email: string;
  apiToken: string;
  sharedWait?: RunSharedWait;
  /** When a job hands its desk's customers on to a follow-up job (a giant desk's run scales it down). */
  customerPaging?: CustomerPagingOptions;
}

export interface WorkerJobDone {
  type: 'done';
  id: number;
  state: JobResult['state'];
  message?: string;
  wallMs: number;
  /** process.resourceUsage().maxRSS so far, bytes: this container's peak over every job it ran. */
  peakRssBytes: number;
  cpuMs: number;
}

type Incoming = WorkerInit | { type: 'job'; id: number; job: ProjectJob } | { type: 'kv-reply' | 'push-reply'; id: number; value?: unknown; error?: string };

let nextKv = 1;
const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

function ask(op: string, args: unknown[], type: 'kv' | 'push' = 'kv'): Promise<unknown> {
  const id = nextKv++;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    process.send!({ type, id, op, args });
  });
}

/** kvs as the parent holds it: every call is a round trip, as a call to kvs is. */
const store: KeyValueStore = {
  get: (key) => ask('get', [key]) as Promise<never>,
  set: (key, value) => ask('set', [key, value]) as Promise<void>,
  delete: (key) => ask('delete', [key]) as Promise<void>,
  createIfAbsent: (key, value) => ask('createIfAbsent', [key, value]) as Promise<boolean>,
  list: (prefix) => ask('list', [prefix]) as Promise<never>,
  listPage: (prefix, cursor) => ask('listPage', [prefix, cursor]) as Promise<never>,
};

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
let deps: AppDeps | undefined;
let sharedWait: RunSharedWait | undefined;
let customerPaging: CustomerPagingOptions | undefined;

process.on('message', (raw: unknown) => {
  const message = raw as Incoming;
  if (message.type === 'kv-reply' || message.type === 'push-reply') {
    const entry = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error !== undefined) entry?.reject(new Error(message.error));
    else entry?.resolve(message.value);
    return;
  }
  if (message.type === 'init') {
    const transport = createHttpTransport({ baseUrl: message.baseUrl, email: message.email, apiToken: message.apiToken });
    sharedWait = message.sharedWait;
    customerPaging = message.customerPaging;
    deps = {
      storage: store,
      // The parent's queue takes what a job pushes (a giant desk's follow-up job), as Forge's queue would.
      queue: { push: (jobs, options) => ask('push', [jobs, options], 'push') as Promise<void> },
      jiraAsApp: () => transport,
      jiraAsUser: () => transport,
      now: () => new Date(),
      log: quiet,
    };
    process.send!({ type: 'ready' });
    return;
  }
  if (message.type === 'job') {
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    processProjectJob(deps!, message.job, { ...(sharedWait ? { sharedWait } : {}), ...(customerPaging ? { customerPaging } : {}) }).then(
      (result) => {
        const used = process.cpuUsage(cpu);
        const done: WorkerJobDone = {
          type: 'done',
          id: message.id,
          state: result.state,
          ...(result.message ? { message: result.message } : {}),
          wallMs: Number(process.hrtime.bigint() - started) / 1e6,
          peakRssBytes: process.resourceUsage().maxRSS * 1024,
          cpuMs: (used.user + used.system) / 1000,
        };
        process.send!(done);
      },
      (error: unknown) => process.send!({ type: 'done', id: message.id, state: 'failed', message: error instanceof Error ? error.message : String(error), wallMs: 0, peakRssBytes: 0, cpuMs: 0 }),
    );
  }
});
