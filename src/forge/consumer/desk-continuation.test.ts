import { addStats, continuationNote, joinCustomerIds } from './desk-continuation';

describe('addStats', () => {
  const a = { callsByEndpoint: { 'GET /b': 2, 'GET /a': 1 }, totalCalls: 3, retries: 1, durationMs: 100 };
  it.each([
    ['nothing earlier', a, undefined, a],
    [
      'two jobs of one desk',
      a,
      { callsByEndpoint: { 'GET /b': 5, 'GET /c': 1 }, totalCalls: 6, retries: 0, durationMs: 50 },
      { callsByEndpoint: { 'GET /a': 1, 'GET /b': 7, 'GET /c': 1 }, totalCalls: 9, retries: 1, durationMs: 150 },
    ],
  ])('%s', (_name, own, earlier, sum) => {
    expect(addStats(own, earlier)).toEqual(sum);
  });
});

describe('joinCustomerIds', () => {
  it.each([
    [[], ['a'], ['a']],
    [['a', 'b'], ['c'], ['a', 'b', 'c']],
    // A customer added while paging shifts a page: the id seen twice is kept once, where it was first.
    [['a', 'b'], ['b', 'c'], ['a', 'b', 'c']],
  ])('%o + %o → %o', (earlier, own, joined) => {
    expect(joinCustomerIds(earlier, own)).toEqual(joined);
  });
});

describe('continuationNote', () => {
  it.each([
    [50, 'more customers than one job can read: reading on in a follow-up job (50 read so far)'],
    [750_000, 'more customers than one job can read: reading on in a follow-up job (750,000 read so far)'],
  ])('%i read → %s', (read, note) => {
    expect(continuationNote(read)).toBe(note);
  });
});
