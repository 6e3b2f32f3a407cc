import { bucketForStatus, readsLikeWaitingForUser } from './status-buckets';

describe('bucketForStatus: category defaults', () => {
  it.each([
    ['Open', 'TODO', 'new'],
    ['Reopened', 'TODO', 'new'],
    ['Waiting for support', 'TODO', 'new'],
    ['In Progress', 'IN_PROGRESS', 'in_progress'],
    ['Waiting for support', 'IN_PROGRESS', 'in_progress'],
    ['Waiting for approval', 'IN_PROGRESS', 'in_progress'],
    ['Escalated', 'IN_PROGRESS', 'in_progress'],
    ['Waiting for customer', 'IN_PROGRESS', 'waiting'],
    ['Awaiting user response', 'IN_PROGRESS', 'waiting'],
    ['Waiting on Reporter', 'IN_PROGRESS', 'waiting'],
    ['Pending', 'IN_PROGRESS', 'waiting'],
    ['Pending vendor', 'IN_PROGRESS', 'waiting'],
    ['Needs requester input', 'IN_PROGRESS', 'waiting'],
    ['Resolved', 'DONE', 'resolved'],
    ['Closed', 'DONE', 'resolved'],
    ['Canceled', 'DONE', 'resolved'],
    ['Legacy open', 'NEW', 'new'],
    ['Legacy doing', 'INDETERMINATE', 'in_progress'],
  ])('%s (%s) → %s', (name, statusCategory, bucket) => {
    expect(bucketForStatus({ id: '1', name, statusCategory })).toEqual({ bucket, source: 'category' });
  });

  it.each([[undefined], ['UNDEFINED'], ['']])('category %p → no bucket', (statusCategory) => {
    expect(bucketForStatus({ id: '1', name: 'Limbo', statusCategory })).toEqual({ bucket: null, source: 'none' });
  });
});

describe('bucketForStatus: overrides', () => {
  const waiting = { id: '10002', name: 'Waiting for customer', statusCategory: 'IN_PROGRESS' };

  it('by id', () => expect(bucketForStatus(waiting, { '10002': 'in_progress' })).toEqual({ bucket: 'in_progress', source: 'override' }));
  it('by exact name', () => expect(bucketForStatus(waiting, { 'Waiting for customer': 'new' })).toEqual({ bucket: 'new', source: 'override' }));
  it('id wins over name', () => expect(bucketForStatus(waiting, { 'Waiting for customer': 'new', '10002': 'resolved' }).bucket).toBe('resolved'));
  it('a name that differs in case is not an exact match', () => expect(bucketForStatus(waiting, { 'waiting for customer': 'new' }).source).toBe('category'));
  it('an unknown bucket is ignored', () => expect(bucketForStatus(waiting, { '10002': 'later' as never })).toEqual({ bucket: 'waiting', source: 'category' }));
  it('inherited object keys are not overrides', () => expect(bucketForStatus({ id: 'toString', name: 'constructor', statusCategory: 'DONE' }, {}).source).toBe('category'));
});

describe('readsLikeWaitingForUser', () => {
  it.each([
    ['Waiting for customer', true],
    ['Awaiting customer', true],
    ['Pending', true],
    ['Waiting for support', false],
    ['Waiting for approval', false],
    ['In Progress', false],
  ])('%s → %p', (name, expected) => expect(readsLikeWaitingForUser(name)).toBe(expected));
});
