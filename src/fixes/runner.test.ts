import { JiraClient } from '../jira/jira-client';
import { JiraError } from '../jira/jira-error';
import { createFakeTransport } from '../jira/testing/fake-transport';
import type { Fix, PlannedChange } from './fix';
import type { ChangeResult } from '../shared/fix-model';
import { runFix, summariseResults, type FixResultStore } from './runner';

const change = (id: string, target = id, items = 1): PlannedChange => ({
  id,
  summary: `change ${id}`,
  target: { kind: 'customers', id: target, name: `target ${target}` },
  reach: { projects: [{ key: 'IT', name: 'IT' }] },
  items,
  payload: { id },
});

function memoryResults(initial: ChangeResult[] = []): FixResultStore & { saved: ChangeResult[] } {
  const saved: ChangeResult[] = [];
  return {
    saved,
    recorded: async () => new Map([...initial, ...saved].map((r) => [r.changeId, r])),
    save: async (_c, r) => void saved.push(r),
  };
}

function fakeFix(apply: Fix['apply']): Fix {
  return {
    meta: { id: 'fake-fix', title: 'Fake', description: 'Fake', resolves: ['CUST-COVERAGE'], scope: 'desk', permission: 'project-admin', scopes: ['x'], itemVerb: 'added' },
    requires: ['customers'],
    plan: () => ({ fixId: 'fake-fix', changes: [], blockers: [] }),
    apply,
  };
}

const client = new JiraClient(createFakeTransport(), { sleep: async () => undefined });

describe('runFix', () => {
  it('resumes: a change already recorded is neither applied nor recorded again, and results stay in plan order', async () => {
    const applied: string[] = [];
    const fix = fakeFix(async (c) => {
      applied.push(c.id);
      return { changeId: c.id, outcome: 'applied', message: 'ok', itemsDone: c.items, itemsFailed: 0 };
    });
    const earlier: ChangeResult = { changeId: 'b', outcome: 'applied', message: 'earlier', itemsDone: 2, itemsFailed: 0 };
    const results = memoryResults([earlier]);
    const progress: number[] = [];
    const outcome = await runFix({ fix, changes: [change('a'), change('b', 'b', 2), change('c')], client, results, onProgress: (p) => void progress.push(p.changesDone) });
    expect(applied).toEqual(['a', 'c']);
    expect(results.saved.map((r) => r.changeId)).toEqual(['a', 'c']);
    expect(outcome.results.map((r) => r.changeId)).toEqual(['a', 'b', 'c']);
    expect(outcome).toMatchObject({ finished: true, remaining: 0 });
    expect(progress).toEqual([2, 3]);
    expect(summariseResults(fix, outcome.results).line).toBe('4 added, 0 failed');
  });

  it('stops when asked and leaves the rest for a resumed run', async () => {
    const fix = fakeFix(async (c) => ({ changeId: c.id, outcome: 'applied', message: 'ok' }));
    const results = memoryResults();
    const first = await runFix({ fix, changes: [change('a'), change('b')], client, results, shouldStop: () => results.saved.length >= 1 });
    expect(first).toMatchObject({ finished: false, remaining: 1 });
    const second = await runFix({ fix, changes: [change('a'), change('b')], client, results });
    expect(second.finished).toBe(true);
    expect(results.saved.map((r) => r.changeId)).toEqual(['a', 'b']);
  });

  it('after Jira refuses a change, later changes to the same object are not sent and carry Jira’s words', async () => {
    const sent: string[] = [];
    const fix = fakeFix(async (c) => {
      sent.push(c.id);
      return c.id === 'a' ? { changeId: c.id, outcome: 'refused', message: 'You do not have permission.', itemsDone: 0, itemsFailed: 1 } : { changeId: c.id, outcome: 'applied', message: 'ok' };
    });
    const outcome = await runFix({ fix, changes: [change('a', 'desk-1'), change('b', 'desk-1', 3), change('c', 'desk-2')], client, results: memoryResults() });
    expect(sent).toEqual(['a', 'c']);
    expect(outcome.results[1]).toMatchObject({ outcome: 'refused', itemsFailed: 3, message: 'Not sent: Jira refused an earlier change to target desk-1: You do not have permission.' });
  });

  it('a Jira error thrown by apply is recorded as that change’s outcome; a rate limit stops the run unrecorded', async () => {
    const fix = fakeFix(async (c) => {
      if (c.id === 'a') throw new JiraError({ kind: 'server', status: 500, endpoint: 'POST /x', message: 'Jira failed (500) for POST /x' });
      throw new JiraError({ kind: 'rate_limited', status: 429, endpoint: 'POST /x', message: 'Jira rate-limited POST /x (429)' });
    });
    const results = memoryResults();
    const outcome = await runFix({ fix, changes: [change('a'), change('b')], client, results });
    expect(results.saved).toEqual([expect.objectContaining({ changeId: 'a', outcome: 'failed', message: 'Jira failed (500) for POST /x' })]);
    expect(outcome).toMatchObject({ finished: false, remaining: 1, stoppedBecause: 'Jira rate-limited POST /x (429)' });
  });

  it('lets Forge’s consent error escape untouched', async () => {
    const consent = Object.assign(new Error('needs consent'), { name: 'NEEDS_AUTHENTICATION_ERR' });
    const fix = fakeFix(async () => {
      throw consent;
    });
    await expect(runFix({ fix, changes: [change('a')], client, results: memoryResults() })).rejects.toBe(consent);
  });
});
