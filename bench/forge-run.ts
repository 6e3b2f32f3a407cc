/**
 * A Forge run as Forge would run it: a re-check started through the app's own
 * startReadinessRun, its jobs pushed by the app within Forge's events per push and
 * per minute, held back by the jobs' shared concurrency key, each job run by the
 * app's own consumer in a separate process (an invocation container, reused for
 * later jobs as Forge reuses warm containers), all of them on one kvs store that
 * refuses what kvs refuses and meters what kvs limits. Measures each job's time
 * (against Forge's 900 s), each container's peak RSS (against the invocation's
 * memory), kvs's largest value and busiest minute, and the run's wall time; the
 * caller counts the calls the simulated site answered.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInProcessQueue } from '../dev/preview/in-process-queue';
import type { CustomerPagingOptions } from '../src/forge/consumer/desk-continuation';
import { processProjectJob, type JobResult } from '../src/forge/consumer/process-project-job';
import type { AppDeps, JobQueue, KeyValueStore, ProjectJob, PushOptions } from '../src/forge/deps';
import { READINESS_JOB_CONCURRENCY } from '../src/forge/run/job-pacing';
import { pushHandedOnJobs } from '../src/forge/run/push-jobs';
import type { RunSharedWait } from '../src/forge/run/run-shared';
import { startReadinessRun } from '../src/forge/run/start-run';
import { recordDeskSize } from '../src/forge/storage/desk-size-repo';
import { MemoryStore } from '../src/forge/storage/memory-store';
import { migrateStorage } from '../src/forge/storage/migrate';
import { loadProgress } from '../src/forge/storage/progress-repo';
import { loadProjects } from '../src/forge/storage/report-repo';
import { saveSettings } from '../src/forge/storage/settings-repo';
import { createHttpTransport } from '../src/jira/http-transport';
import type { Logger } from '../src/shared/logger';
import type { WorkerJobDone } from './forge-worker';
import { MeteredStore, type KvsUsage } from './kvs-meter';

export interface ForgeRunSite {
  baseUrl: string;
  email: string;
  apiToken: string;
  serviceAccount: string;
  endUserGroups: string[];
}

export interface ForgeRunOptions {
  /**
   * 'processes' (default): each container a child process (dist/bench/forge-worker.js),
   * its peak RSS measured. 'in-process': containers share this process (tests run the
   * TypeScript directly); each still has its own view of kvs and its own memory of
   * the run, but no RSS of its own.
   */
  containers?: 'processes' | 'in-process';
  /** Customer pages per desk as a previous run left them (the order jobs start in); none: a first run. */
  previousCustomerPages?: Record<string, number>;
  /** How long the whole run may take. */
  withinMs?: number;
  sharedWait?: RunSharedWait;
  /** When a job hands its desk's customers on to a follow-up job (default: the app's own). */
  customerPaging?: CustomerPagingOptions;
}

export interface ForgeJobRecord {
  key: string;
  /** Which part of its desk's reading the job was (1: the desk's first job). */
  part: number;
  state: JobResult['state'];
  message?: string;
  wallMs: number;
  startedAtMs: number;
  /** The container that ran it, and that container's peak RSS after it. */
  worker: number;
  peakRssBytes: number;
}

export interface ForgeRunMeasurement {
  desks: number;
  wallMs: number;
  jobs: ForgeJobRecord[];
  jobsFailed: number;
  /** Checks that came back error, over every stored desk report, with the first few reasons. */
  checksUndecided: number;
  undecided: string[];
  peakJobsAtOnce: number;
  /** Peak RSS over every container. */
  peakRssBytes: number;
  kvs: KvsUsage;
  /** Events pushed to the queue per minute at most (Forge allows 500). */
  peakEventsPerMinute: number;
  workerCpuMs: number;
  /** Entries the run shared still in kvs after it ended (they are dropped when it ends). */
  sharedEntriesLeft: number;
  /** Jobs whose container died under them (out of the invocation's memory). */
  containersDied: { key: string; code: number | null }[];
  /** Whether the run was finished (history, e-mail) by its last job. */
  runFinished: boolean;
}

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A 256 MB invocation's heap: what is left after Node itself, its code and buffers (about 70 MB). */
export const CONTAINER_HEAP_MB = 180;

interface Worker {
  index: number;
  child: ChildProcess;
  busy: boolean;
  peakRssBytes: number;
  cpuMs: number;
  /** The job it runs now. */
  running?: { id: number; key: string };
}

/** Where a job's own pushes go (a giant desk's follow-up job): the run's queue. */
type PushHandler = (jobs: ProjectJob[], options?: PushOptions) => Promise<void>;

interface Pool {
  run(job: ProjectJob): Promise<{ worker: number; done: WorkerJobDone }>;
  onPush: PushHandler;
  readonly died?: readonly { key: string; code: number | null }[];
  readonly peakRssBytes: number;
  readonly cpuMs: number;
  stop(): Promise<void>;
}

/** Containers in this process: each its own view of the store (so its own in-process memory of the run). */
class InProcessPool implements Pool {
  private readonly idle: number[] = [];
  private readonly waiting: ((w: number) => void)[] = [];
  private readonly deps: AppDeps[] = [];

  onPush: PushHandler = async () => Promise.reject(new Error('No queue takes this job’s pushes.'));

  constructor(
    size: number,
    store: KeyValueStore,
    transport: ReturnType<typeof createHttpTransport>,
    private readonly sharedWait?: RunSharedWait,
    private readonly customerPaging?: CustomerPagingOptions,
  ) {
    for (let i = 0; i < size; i += 1) {
      const view: KeyValueStore = {
        get: (key) => store.get(key),
        set: (key, value) => store.set(key, value),
        delete: (key) => store.delete(key),
        createIfAbsent: (key, value) => store.createIfAbsent(key, value),
        list: (prefix) => store.list(prefix),
        listPage: (prefix, cursor) => store.listPage(prefix, cursor),
      };
      this.deps.push({ storage: view, queue: { push: (jobs, options) => this.onPush(jobs, options) }, jiraAsApp: () => transport, jiraAsUser: () => transport, now: () => new Date(), log: quiet });
      this.idle.push(i);
    }
  }

  async run(job: ProjectJob): Promise<{ worker: number; done: WorkerJobDone }> {
    const worker = this.idle.shift() ?? (await new Promise<number>((resolve) => this.waiting.push(resolve)));
    const started = process.hrtime.bigint();
    try {
      const result = await processProjectJob(this.deps[worker]!, job, { ...(this.sharedWait ? { sharedWait: this.sharedWait } : {}), ...(this.customerPaging ? { customerPaging: this.customerPaging } : {}) });
      return { worker, done: { type: 'done', id: 0, state: result.state, ...(result.message ? { message: result.message } : {}), wallMs: Number(process.hrtime.bigint() - started) / 1e6, peakRssBytes: 0, cpuMs: 0 } };
    } finally {
      const next = this.waiting.shift();
      if (next) next(worker);
      else this.idle.push(worker);
    }
  }

  readonly peakRssBytes = 0;
  readonly cpuMs = 0;
  async stop(): Promise<void> {}
}

/** Containers as child processes running jobs one at a time, on the one store, counted like kvs. */
class WorkerPool implements Pool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: ((w: Worker) => void)[] = [];
  private nextJob = 1;
  private readonly pending = new Map<number, (done: WorkerJobDone) => void>();

  onPush: PushHandler = async () => Promise.reject(new Error('No queue takes this job’s pushes.'));

  /** Containers that died mid-job (out of memory, as Forge would stop them), with the job. */
  readonly died: { key: string; code: number | null }[] = [];
  private stopping = false;

  constructor(
    size: number,
    private readonly store: KeyValueStore,
    private readonly init: { baseUrl: string; email: string; apiToken: string; sharedWait?: RunSharedWait; customerPaging?: CustomerPagingOptions },
  ) {
    for (let index = 0; index < size; index += 1) this.spawn(index);
  }

  private spawn(index: number): void {
    {
      const init = this.init;
      // V8 held to what a 256 MB invocation leaves it, as a container of that size is: it collects
      // instead of growing, and a job that needs more fails here as it would on Forge.
      const child = fork(path.join(__dirname, 'forge-worker.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [`--max-old-space-size=${CONTAINER_HEAP_MB}`] });
      const worker: Worker = { index, child, busy: false, peakRssBytes: 0, cpuMs: 0 };
      child.on('message', (raw: unknown) => this.onMessage(worker, raw as { type: string; [k: string]: unknown }));
      // A container that dies takes its job with it; Forge starts a fresh one for the next job.
      child.on('exit', (code) => {
        if (this.stopping) return;
        const lost = worker.running;
        if (lost) {
          this.died.push({ key: lost.key, code });
          this.pending.get(lost.id)?.({ type: 'done', id: lost.id, state: 'failed', message: `The container stopped (exit ${code}) during the job: out of memory`, wallMs: 0, peakRssBytes: worker.peakRssBytes, cpuMs: 0 });
          this.pending.delete(lost.id);
        }
        this.workers.splice(this.workers.indexOf(worker), 1);
        const at = this.idle.indexOf(worker);
        if (at >= 0) this.idle.splice(at, 1);
        this.spawn(index);
      });
      child.send({ type: 'init', ...init });
      this.workers.push(worker);
    }
  }

  private onMessage(worker: Worker, message: { type: string; [k: string]: unknown }): void {
    if (message.type === 'ready') {
      this.release(worker);
      return;
    }
    if (message.type === 'kv') {
      const { id, op, args } = message as unknown as { id: number; op: keyof KeyValueStore; args: unknown[] };
      const call = (this.store[op] as (...a: unknown[]) => Promise<unknown>).apply(this.store, args);
      call.then(
        (value) => worker.child.send({ type: 'kv-reply', id, value }),
        (error: unknown) => worker.child.send({ type: 'kv-reply', id, error: error instanceof Error ? error.message : String(error) }),
      );
      return;
    }
    if (message.type === 'push') {
      const { id, args } = message as unknown as { id: number; args: [ProjectJob[], PushOptions | undefined] };
      this.onPush(...args).then(
        (value) => worker.child.send({ type: 'push-reply', id, value }),
        (error: unknown) => worker.child.send({ type: 'push-reply', id, error: error instanceof Error ? error.message : String(error) }),
      );
      return;
    }
    if (message.type === 'done') {
      const done = message as unknown as WorkerJobDone;
      worker.peakRssBytes = Math.max(worker.peakRssBytes, done.peakRssBytes);
      this.peakSeen = Math.max(this.peakSeen, done.peakRssBytes);
      worker.cpuMs += done.cpuMs;
      worker.running = undefined;
      this.pending.get(done.id)?.(done);
      this.pending.delete(done.id);
      this.release(worker);
    }
  }

  private release(worker: Worker): void {
    worker.busy = false;
    const next = this.waiting.shift();
    if (next) next(worker);
    else this.idle.push(worker);
  }

  private acquire(): Promise<Worker> {
    const worker = this.idle.shift();
    if (worker) return Promise.resolve(worker);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async run(job: ProjectJob): Promise<{ worker: number; done: WorkerJobDone }> {
    const worker = await this.acquire();
    worker.busy = true;
    const id = this.nextJob++;
    const done = await new Promise<WorkerJobDone>((resolve) => {
      this.pending.set(id, resolve);
      worker.running = { id, key: job.projectKey };
      worker.child.send({ type: 'job', id, job });
    });
    return { worker: worker.index, done };
  }

  private peakSeen = 0;

  get peakRssBytes(): number {
    return this.peakSeen;
  }

  get cpuMs(): number {
    return this.workers.reduce((a, w) => a + w.cpuMs, 0);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.child.exitCode !== null) return resolve();
            w.child.once('exit', () => resolve());
            w.child.kill('SIGTERM');
          }),
      ),
    );
  }
}

export async function measureForgeRun(site: ForgeRunSite, options: ForgeRunOptions = {}): Promise<ForgeRunMeasurement> {
  const memory = new MemoryStore();
  const store = new MeteredStore(memory);
  const transport = createHttpTransport({ baseUrl: site.baseUrl, email: site.email, apiToken: site.apiToken });
  // One container per job Forge lets run at once under the shared key.
  const pool: Pool =
    options.containers === 'in-process'
      ? new InProcessPool(READINESS_JOB_CONCURRENCY.limit, store, transport, options.sharedWait, options.customerPaging)
      : new WorkerPool(READINESS_JOB_CONCURRENCY.limit, store, { baseUrl: site.baseUrl, email: site.email, apiToken: site.apiToken, ...(options.sharedWait ? { sharedWait: options.sharedWait } : {}), ...(options.customerPaging ? { customerPaging: options.customerPaging } : {}) });
  const jobs: ForgeJobRecord[] = [];
  let running = 0;
  let peakJobsAtOnce = 0;
  let expected = Number.POSITIVE_INFINITY;
  let finished = 0;
  let allFinished!: () => void;
  const done = new Promise<void>((resolve) => (allFinished = resolve));
  const started = process.hrtime.bigint();
  const sinceStart = (): number => Number(process.hrtime.bigint() - started) / 1e6;

  // eslint-disable-next-line prefer-const
  let deps: AppDeps;
  const queue = createInProcessQueue(
    async (job) => {
      running += 1;
      peakJobsAtOnce = Math.max(peakJobsAtOnce, running);
      const at = sinceStart();
      let handedOn = false;
      try {
        const { worker, done: result } = await pool.run(job);
        jobs.push({ key: job.projectKey, part: job.part ?? 1, state: result.state, ...(result.message ? { message: result.message } : {}), wallMs: result.wallMs, startedAtMs: at, worker, peakRssBytes: result.peakRssBytes });
        handedOn = result.state === 'continued';
      } finally {
        running -= 1;
        // A job that handed its desk on is not the desk's end: its follow-up job is.
        if (!handedOn) finished += 1;
        if (finished >= expected) allFinished();
      }
    },
    // Forge has no queue-wide cap: only the jobs' concurrency key holds them back.
    { concurrency: 100_000, log: quiet, onHandOn: (handed) => pushHandedOnJobs(deps, handed) },
  );
  const jobQueue: JobQueue = { push: (pushed, pushOptions) => queue.push(pushed, pushOptions), handOn: (handed, delay) => queue.handOn(handed, delay) };
  deps = { storage: store, queue: jobQueue, jiraAsApp: () => transport, jiraAsUser: () => transport, now: () => new Date(), log: quiet };
  pool.onPush = (pushed, pushOptions) => jobQueue.push(pushed, pushOptions);

  try {
    await migrateStorage(store);
    await saveSettings(store, { settings: { serviceAccount: site.serviceAccount, endUserGroups: site.endUserGroups }, version: 0 }, 'bench', new Date());
    for (const [key, pages] of Object.entries(options.previousCustomerPages ?? {})) await recordDeskSize(store, key, pages, new Date());

    const progress = await startReadinessRun(deps, { reason: 'recheck', listingWithinMs: 120_000 });
    expected = progress.projectsTotal - progress.failed.length;
    if (finished >= expected) allFinished();
    const withinMs = options.withinMs ?? 60 * 60_000;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`The Forge run did not finish within ${withinMs / 1000} s`)), withinMs)));
    await Promise.race([done, late]).finally(() => clearTimeout(timer));
    const wallMs = sinceStart();

    // What the run asked of kvs, before this measurement reads the progress and every report.
    const kvsUsage = store.usage();
    const final = (await loadProgress(store, new Date()))!;
    const reports = await loadProjects(store);
    const undecided = reports.flatMap((p) => p.checks.filter((c) => c.status === 'error').map((c) => `${p.key} ${c.id}: ${c.summary}`));
    const minute = 60_000;
    const pushes = queue.pushLog;
    const peakEventsPerMinute = Math.max(0, ...pushes.map((p) => pushes.filter((q) => q.atMs > p.atMs - minute && q.atMs <= p.atMs).reduce((n, q) => n + q.events, 0)));
    return {
      desks: final.projectsTotal,
      wallMs,
      jobs: jobs.sort((a, b) => a.startedAtMs - b.startedAtMs),
      jobsFailed: final.failed.length,
      checksUndecided: undecided.length,
      undecided: undecided.slice(0, 10),
      peakJobsAtOnce,
      peakRssBytes: pool.peakRssBytes,
      kvs: kvsUsage,
      peakEventsPerMinute,
      workerCpuMs: pool.cpuMs,
      sharedEntriesLeft: memory.keys().filter((k) => /:shared:[^:]+:e:/.test(k)).length,
      containersDied: [...(pool.died ?? [])],
      // The site's history entry is what the run's last job appends once every job has reported.
      runFinished: final.state !== 'running' && memory.keys().includes('v1:history:site'),
    };
  } finally {
    await pool.stop();
  }
}
