import { KEYS } from './keys';
import { MemoryStore } from './memory-store';
import { currentRun, loadProgress, namesToKeep, recordOutcomeAndCount, startRun, summariseProgress, type RunHeader } from './progress-repo';

const header: RunHeader = {
  runId: 'r1',
  startedAt: '2026-11-30T09:00:00.000Z',
  projectKeys: ['ITSD', 'HR', 'FAC'],
  projectNames: { ITSD: 'IT Service Desk', HR: 'HR Help Desk' },
  reason: 'recheck',
};
const now = new Date('2026-11-30T09:01:00.000Z');

describe('run progress', () => {
  it('names the pending desks the run’s listing named, and only those still pending', () => {
    const progress = summariseProgress(header, { ITSD: { state: 'done', at: '2026-11-30T09:00:30.000Z' } }, now);
    expect(progress.pending).toEqual(['HR', 'FAC']);
    expect(progress.pendingNames).toEqual({ HR: 'HR Help Desk' });
    expect(summariseProgress({ ...header, projectNames: undefined }, {}, now).pendingNames).toBeUndefined();
  });

  it('gives up on a pending desk only after 30 minutes without a sign of life from the run, not 30 minutes from its start', () => {
    const outcomes = { ITSD: { state: 'done' as const, at: '2026-11-30T09:25:00.000Z' } };
    // 40 minutes after the start, 15 after the last desk reported: still running.
    expect(summariseProgress(header, outcomes, new Date('2026-11-30T09:40:00.000Z'))).toMatchObject({ state: 'running', pending: ['HR', 'FAC'] });
    // A follow-up job noted until 09:58 keeps it alive past 09:55.
    const waits = { HR: { message: 'reading on in a follow-up job', until: '2026-11-30T09:58:00.000Z' } };
    expect(summariseProgress(header, outcomes, new Date('2026-11-30T10:20:00.000Z'), waits).state).toBe('running');
    const given = summariseProgress(header, outcomes, new Date('2026-11-30T10:29:00.000Z'), waits);
    expect(given).toMatchObject({ state: 'done', pending: [], failed: [{ key: 'HR', message: expect.stringMatching(/30 minutes/) }, { key: 'FAC', message: expect.stringMatching(/30 minutes/) }] });
  });

  it('keeps the names out of the header every job reads, and shows them in progress', async () => {
    const store = new MemoryStore();
    await startRun(store, header);
    expect(await currentRun(store)).toEqual({ runId: 'r1', startedAt: header.startedAt, projectKeys: header.projectKeys, reason: 'recheck' });
    expect((await loadProgress(store, now))!.pendingNames).toEqual({ ITSD: 'IT Service Desk', HR: 'HR Help Desk' });
  });

  it('keeps names within the header’s budget, in key order, and none that only repeat the key', () => {
    expect(namesToKeep(['A', 'B', 'C'], { A: 'Alpha', B: 'B', C: 'Gamma' })).toEqual({ A: 'Alpha', C: 'Gamma' });
    expect(namesToKeep(['A', 'B', 'C'], { A: 'Alpha', B: 'Beta', C: 'Gamma' }, 25)).toEqual({ A: 'Alpha', B: 'Beta' });
    expect(namesToKeep(['A'], {})).toBeUndefined();
  });
});

describe('counting the run’s finished desks', () => {
  const keys = Array.from({ length: 60 }, (_, i) => `D${i}`);
  const run: RunHeader = { runId: 'r2', startedAt: '2026-11-30T09:00:00.000Z', projectKeys: keys, reason: 'recheck' };
  const outcome = { state: 'done' as const, at: '2026-11-30T09:05:00.000Z' };

  it('says “last” exactly once, to the desk that completes the run, however the outcomes interleave', async () => {
    const store = new MemoryStore();
    await store.set(KEYS.progress, run);
    const firstHalf = await Promise.all(keys.slice(0, 30).map((k) => recordOutcomeAndCount(store, run, k, outcome)));
    expect(firstHalf.filter((c) => c.last)).toEqual([]);
    expect((await loadProgress(store, new Date('2026-11-30T09:06:00.000Z')))!.state).toBe('running');
    const rest = await Promise.all(keys.slice(30).map((k) => recordOutcomeAndCount(store, run, k, outcome)));
    expect(rest.filter((c) => c.last)).toHaveLength(1);
    expect([...firstHalf, ...rest].every((c) => c.counted)).toBe(true);
    // Every slot claimed once, none skipped.
    expect(store.keys().filter((k) => k.startsWith(`v1:run:r2:finished:`))).toHaveLength(60);
    expect((await loadProgress(store, new Date('2026-11-30T09:06:00.000Z')))!.state).toBe('done');
  });

  it('counts a desk delivered twice once, keeping its newer outcome, so the run cannot finish early', async () => {
    const store = new MemoryStore();
    const small: RunHeader = { ...run, projectKeys: ['A', 'B'] };
    expect(await recordOutcomeAndCount(store, small, 'A', { state: 'failed', at: outcome.at, message: 'Jira was down' })).toEqual({ counted: true, last: false });
    expect(await recordOutcomeAndCount(store, small, 'A', outcome)).toEqual({ counted: false, last: false });
    expect(await store.get(KEYS.jobOutcome('r2', 'A'))).toEqual(outcome);
    expect(await recordOutcomeAndCount(store, small, 'B', outcome)).toEqual({ counted: true, last: true });
  });

  it('finds the next free slot from a hint written late (lower than the slots claimed)', async () => {
    const store = new MemoryStore();
    const small: RunHeader = { ...run, projectKeys: ['A', 'B', 'C'] };
    await recordOutcomeAndCount(store, small, 'A', outcome);
    await recordOutcomeAndCount(store, small, 'B', outcome);
    await store.set(KEYS.runFinishedHint('r2'), 0);
    expect(await recordOutcomeAndCount(store, small, 'C', outcome)).toEqual({ counted: true, last: true });
  });
});
