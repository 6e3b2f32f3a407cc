/**
 * Forge takes at most 50 events a push and 500 a minute per site. A re-check of a
 * 1,000-desk site goes through start-run onto a queue that enforces both as Forge
 * does (the preview's in-process queue, on a virtual clock so minutes pass at
 * once): every desk's job is pushed exactly once, no 60 seconds hold more than 500
 * events, nothing is marked failed, and every desk stays pending until its job
 * runs. Only a push that really failed records its own jobs failed.
 */
import { createInProcessQueue, type InProcessQueue, type QueueClock } from '../../dev/preview/in-process-queue';
import type { ProjectJob } from '../../src/forge/deps';
import { FORGE_EVENTS_PER_MINUTE, FORGE_EVENTS_PER_PUSH } from '../../src/forge/run/job-pacing';
import { planPushes, pushHandedOnJobs } from '../../src/forge/run/push-jobs';
import { startReadinessRun } from '../../src/forge/run/start-run';
import { migrateStorage } from '../../src/forge/storage/migrate';
import { loadProgress } from '../../src/forge/storage/progress-repo';
import { queueEventOf } from '../../src/forge/consumer/queue-event';
import { MAX_DESK_PARTS } from '../../src/forge/consumer/desk-continuation';
import { FakeJira } from './helpers/fake-jira';
import { testDeps, type TestDeps } from './helpers/test-deps';

const deskKeys = (n: number) => Array.from({ length: n }, (_, i) => `SD${i + 1}`);

/** JSM's desk listing of an n-desk site, paged 50 at a time as JSM pages it. */
function siteWithDesks(n: number): FakeJira {
  return new FakeJira().on('GET', /^\/rest\/servicedeskapi\/servicedesk\?(.*)$/, (_r, m) => {
    const q = new URLSearchParams(m[1]);
    const start = Number(q.get('start') ?? 0);
    const limit = Math.min(50, Number(q.get('limit') ?? 50));
    const values = deskKeys(n)
      .slice(start, start + limit)
      .map((projectKey, i) => ({ id: String(start + i + 1), projectId: String(10000 + start + i), projectKey, projectName: projectKey }));
    return { status: 200, body: { start, limit, size: values.length, isLastPage: start + values.length >= n, values } };
  });
}

interface Harness {
  deps: Omit<TestDeps, 'queue'> & { queue: InProcessQueue };
  queue: InProcessQueue;
  /** Jobs the queue delivered, in order. */
  delivered: ProjectJob[];
}

/**
 * The app's ports with the in-process queue on a virtual clock shared with
 * deps.now(): a delayed event moves the clock to its due time when it fires.
 */
async function harness(desks: number, wrap: (queue: InProcessQueue) => InProcessQueue = (q) => q): Promise<Harness> {
  const base = testDeps(siteWithDesks(desks));
  await migrateStorage(base.storage);
  const clock: QueueClock = {
    now: () => base.clock.now.getTime(),
    after: (ms, fn) => {
      const due = base.clock.now.getTime() + ms;
      setImmediate(() => {
        if (due > base.clock.now.getTime()) base.clock.now = new Date(due);
        fn();
      });
    },
  };
  const delivered: ProjectJob[] = [];
  const deps = { ...base } as unknown as Harness['deps'];
  const inner = createInProcessQueue(async (job) => void delivered.push(job), { clock, concurrency: 8, onHandOn: (jobs) => pushHandedOnJobs(deps, jobs) });
  deps.queue = wrap(inner);
  return { deps, queue: inner, delivered };
}

/** The most events the queue took in any 60 seconds. */
function busiestMinute(log: readonly { atMs: number; events: number }[]): number {
  return Math.max(0, ...log.map((p) => log.filter((q) => q.atMs > p.atMs - 60_000 && q.atMs <= p.atMs).reduce((n, q) => n + q.events, 0)));
}

const countsByKey = (jobs: ProjectJob[]) => jobs.reduce((m, j) => m.set(j.projectKey, (m.get(j.projectKey) ?? 0) + 1), new Map<string, number>());

describe('pushing a run within Forge’s async events limits', () => {
  it('a 1,000-desk re-check pushes every job exactly once, never over 500 events in a rolling minute, and marks nothing failed', async () => {
    const { deps, queue, delivered } = await harness(1000);
    const started = deps.clock.now.getTime();

    const progress = await startReadinessRun(deps, { reason: 'recheck', listingWithinMs: 60_000 });
    expect(progress.projectsTotal).toBe(1000);
    expect(progress.pending).toHaveLength(1000);
    expect(progress.failed).toEqual([]);

    await queue.idle();
    const counts = countsByKey(delivered);
    expect(counts.size).toBe(1000);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(delivered.every((j) => j.runId === progress.runId && j.reason === 'recheck')).toBe(true);
    expect(busiestMinute(queue.pushLog)).toBeLessThanOrEqual(FORGE_EVENTS_PER_MINUTE);
    expect(Math.max(...queue.pushLog.map((p) => p.events))).toBeLessThanOrEqual(FORGE_EVENTS_PER_PUSH);
    // It took more than two minutes of the clock: three shares, a minute apart.
    expect(deps.clock.now.getTime() - started).toBeGreaterThan(120_000);

    // No job has run its check yet (the stand-in only records delivery): every desk is still pending, none failed.
    const after = (await loadProgress(deps.storage, deps.now()))!;
    expect(after).toMatchObject({ state: 'running', projectsTotal: 1000, projectsDone: 0, failed: [] });
    expect(after.pending).toHaveLength(1000);
  });

  it('a 520-desk re-check after other pushes filled the minute is refused part-way, pushes the rest later, and fails nothing', async () => {
    const { deps, queue, delivered } = await harness(520);
    // Another invocation pushed 300 events in this minute.
    for (let i = 0; i < 6; i++) await queue.push(deskKeys(50).map((k) => ({ runId: 'other', projectKey: `X${i}-${k}`, reason: 'fix' })));

    const progress = await startReadinessRun(deps, { reason: 'recheck', listingWithinMs: 60_000 });
    expect(progress.failed).toEqual([]);
    expect(progress.pending).toHaveLength(520);

    await queue.idle();
    const ours = delivered.filter((j) => j.runId === progress.runId);
    const counts = countsByKey(ours);
    expect(counts.size).toBe(520);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(busiestMinute(queue.pushLog)).toBeLessThanOrEqual(FORGE_EVENTS_PER_MINUTE);
    expect((await loadProgress(deps.storage, deps.now()))!.failed).toEqual([]);
  });

  it('a push that really fails marks only its own jobs failed; every other desk is pushed once and stays pending', async () => {
    let pushes = 0;
    const { deps, queue, delivered } = await harness(1000, (inner) => ({
      ...inner,
      push: async (jobs, options) => {
        pushes += 1;
        if (pushes === 2) throw new Error('500 Internal Server Error');
        return inner.push(jobs, options);
      },
    }));

    const progress = await startReadinessRun(deps, { reason: 'recheck', listingWithinMs: 60_000 });
    await queue.idle();

    const lost = deskKeys(1000).slice(50, 100);
    const after = (await loadProgress(deps.storage, deps.now()))!;
    expect(after.failed.map((f) => f.key)).toEqual(lost);
    expect(after.failed[0].message).toBe('The app could not queue the check: 500 Internal Server Error');
    expect(after.pending).toHaveLength(950);
    expect(after.state).toBe('running');
    const counts = countsByKey(delivered.filter((j) => j.runId === progress.runId));
    expect(counts.size).toBe(950);
    expect(lost.some((k) => counts.has(k))).toBe(false);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('a scheduled 1,000-desk run keeps each job’s own jitter in pushes of 50 and stays within the limits', async () => {
    const { deps, queue, delivered } = await harness(1000);
    const pushed: (readonly number[] | undefined)[] = [];
    const inner = deps.queue;
    deps.queue = { ...inner, push: (jobs, options) => (pushed.push(options?.delaysSeconds), inner.push(jobs, options)) };
    const progress = await startReadinessRun(deps, { reason: 'scheduled', maxDelaySeconds: 900, random: () => 0.5 });
    await queue.idle();
    expect(countsByKey(delivered).size).toBe(1000);
    expect([...countsByKey(delivered).values()].every((n) => n === 1)).toBe(true);
    expect(delivered.every((j) => j.runId === progress.runId && j.reason === 'scheduled')).toBe(true);
    expect(pushed).toHaveLength(20);
    expect(pushed.slice(0, 8).every((d) => d?.length === 50 && d.every((s) => s === 450))).toBe(true);
    // Jobs pushed by a hand-on draw their own delays in the same window.
    expect(pushed.slice(8).every((d) => d?.length === 50 && d.every((s) => s >= 0 && s < 900))).toBe(true);
    expect(busiestMinute(queue.pushLog)).toBeLessThanOrEqual(FORGE_EVENTS_PER_MINUTE);
    expect((await loadProgress(deps.storage, deps.now()))!.failed).toEqual([]);
  });

  it('a hand-on for a run that is over pushes nothing', async () => {
    const { deps, queue } = await harness(2);
    const progress = await startReadinessRun(deps, { reason: 'recheck', listingWithinMs: 60_000 });
    await queue.idle();
    const before = queue.pushLog.length;
    // Thirty-one minutes later the run has gone stale.
    deps.clock.now = new Date(deps.clock.now.getTime() + 31 * 60_000);
    expect(await pushHandedOnJobs(deps, { runId: progress.runId, reason: 'recheck', projectKeys: ['SD1'] })).toBeUndefined();
    expect(await pushHandedOnJobs(deps, { runId: 'another-run', reason: 'recheck', projectKeys: ['SD1'] })).toBeUndefined();
    expect(queue.pushLog.length).toBe(before);
  });
});

describe('planPushes', () => {
  it('pushes at most 400 jobs in pushes of at most 50, and hands on the rest in order', () => {
    const plan = planPushes(deskKeys(1000));
    expect(plan.now.map((p) => p.length)).toEqual([50, 50, 50, 50, 50, 50, 50, 50]);
    expect(plan.now.flat()).toEqual(deskKeys(400));
    expect(plan.later).toEqual(deskKeys(1000).slice(400));
    expect(planPushes(deskKeys(7))).toEqual({ now: [deskKeys(7)], later: [] });
  });
});

describe('queueEventOf', () => {
  it('reads a project job and a hand-on, and nothing else', () => {
    expect(queueEventOf({ runId: 'r', projectKey: 'IT', reason: 'recheck' })).toEqual({ runId: 'r', projectKey: 'IT', reason: 'recheck' });
    expect(queueEventOf({ handOn: { runId: 'r', reason: 'scheduled', projectKeys: ['IT', 'HR'], maxDelaySeconds: 900 } })).toEqual({
      handOn: { runId: 'r', reason: 'scheduled', projectKeys: ['IT', 'HR'], maxDelaySeconds: 900 },
    });
    expect(queueEventOf({ handOn: { runId: 'r', reason: 'recheck', projectKeys: [1] } })).toBeUndefined();
    expect(queueEventOf({ handOn: { runId: 'r', reason: 'other', projectKeys: [] } })).toBeUndefined();
    expect(queueEventOf({ projectKey: 'IT' })).toBeUndefined();
  });

  it.each([
    [2, true],
    [MAX_DESK_PARTS, true],
    [1, false],
    [MAX_DESK_PARTS + 1, false],
    [2.5, false],
    ['2', false],
  ])('reads a desk’s follow-up job of part %p: %p', (part, taken) => {
    const event = queueEventOf({ runId: 'r', projectKey: 'IT', reason: 'recheck', part });
    expect(event).toEqual(taken ? { runId: 'r', projectKey: 'IT', reason: 'recheck', part } : undefined);
  });
});
