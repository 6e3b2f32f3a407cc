/** AppDeps for tests: memory store, a recording queue, the fake Jira, a settable clock, a silent recording logger. */
import { createHash } from 'node:crypto';
import type { AppDeps, HandedOnJobs, JobConcurrency, JobQueue, ProjectJob, PushOptions } from '../../../src/forge/deps';
import type { Logger } from '../../../src/shared/logger';
import { MemoryStore } from '../../../src/forge/storage/memory-store';
import { FakeJira } from './fake-jira';

export class RecordingQueue implements JobQueue {
  readonly pushed: { jobs: ProjectJob[]; delaySeconds?: number; delaysSeconds?: readonly number[]; concurrency?: JobConcurrency }[] = [];
  readonly handedOn: { jobs: HandedOnJobs; delaySeconds: number }[] = [];
  fail?: Error;
  async push(jobs: ProjectJob[], options?: PushOptions): Promise<void> {
    if (this.fail) throw this.fail;
    this.pushed.push({
      jobs,
      ...(options?.delaySeconds !== undefined ? { delaySeconds: options.delaySeconds } : {}),
      ...(options?.delaysSeconds !== undefined ? { delaysSeconds: options.delaysSeconds } : {}),
      ...(options?.concurrency ? { concurrency: options.concurrency } : {}),
    });
  }
  async handOn(jobs: HandedOnJobs, delaySeconds: number): Promise<void> {
    if (this.fail) throw this.fail;
    this.handedOn.push({ jobs, delaySeconds });
  }
  jobs(): ProjectJob[] {
    return this.pushed.flatMap((p) => p.jobs);
  }
}

export interface TestDeps extends AppDeps {
  storage: MemoryStore;
  queue: RecordingQueue;
  jira: FakeJira;
  clock: { now: Date };
  logged: { level: string; message: string; fields?: Record<string, unknown> }[];
}

export function testDeps(jira = new FakeJira(), start = new Date('2026-11-30T09:00:00.000Z')): TestDeps {
  const clock = { now: start };
  const logged: TestDeps['logged'] = [];
  const log: Logger = {
    info: (message, fields) => logged.push({ level: 'info', message, fields }),
    warn: (message, fields) => logged.push({ level: 'warn', message, fields }),
    error: (message, fields) => logged.push({ level: 'error', message, fields }),
  };
  return {
    storage: new MemoryStore(),
    queue: new RecordingQueue(),
    jira,
    clock,
    logged,
    jiraAsApp: () => jira.transport('app'),
    jiraAsUser: (accountId: string) => jira.transport(accountId),
    now: () => new Date(clock.now.getTime()),
    log,
  };
}

/** A fingerprint of every stored key and value, to prove a call changed nothing. */
export async function storeSnapshot(store: MemoryStore): Promise<string> {
  const entries = await store.list('');
  return createHash('sha256').update(JSON.stringify(entries)).digest('hex');
}
