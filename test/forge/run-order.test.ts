/**
 * A run starts the desks with the longest customer chains first: each job records
 * how many customer pages its desk took, and the next run pushes its jobs in that
 * order (a desk never measured first, as it may be the longest), so no long chain
 * starts last and ends the run alone.
 */
import { startReadinessRun } from '../../src/forge/run/start-run';
import { longestChainsFirst, recordDeskSize } from '../../src/forge/storage/desk-size-repo';
import { testDeps } from './helpers/test-deps';

describe('longestChainsFirst', () => {
  it('puts desks never measured first, then the longest chains, ties in their own order', () => {
    const pages = new Map([
      ['A', 1],
      ['B', 400],
      ['C', 12],
      ['E', 12],
    ]);
    expect(longestChainsFirst(['A', 'B', 'C', 'D', 'E'], pages)).toEqual(['D', 'B', 'C', 'E', 'A']);
    expect(longestChainsFirst(['A', 'B'], new Map())).toEqual(['A', 'B']);
  });
});

it('a run pushes its jobs longest customer chain first, as the previous run measured them', async () => {
  const deps = testDeps();
  for (const [key, pages] of [
    ['SMALL', 1],
    ['HUGE', 400],
    ['MID', 30],
  ] as const) {
    await recordDeskSize(deps.storage, key, pages, deps.now());
  }
  await startReadinessRun(deps, { reason: 'recheck', projectKeys: ['SMALL', 'MID', 'NEW', 'HUGE'] });
  expect(deps.queue.jobs().map((j) => j.projectKey)).toEqual(['NEW', 'HUGE', 'MID', 'SMALL']);
});
