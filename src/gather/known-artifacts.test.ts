import { knownDeskOf, knownFromEntries, knownWithDesk, shareableOf, ENTRY, type KnownDesk } from './known-artifacts';
import type { ProjectSnapshot } from './snapshot';

const listed = (key: string) => ({ id: `1${key.length}`, key, name: key, style: 'company-managed' as const, issueTypeNames: {} });
const roles = { ok: true as const, value: [{ id: '10100', name: 'Service Desk Team', actors: [] }] };
const own: KnownDesk = { listed: listed('BIG'), roles };

describe('knownWithDesk', () => {
  it.each([
    ['its own desk (any case) from what its earlier job read, roles included', 'big', own],
    ['another desk as the run shares it, never with roles', 'IT', { listed: listed('IT') }],
    ['a desk nobody knows: read', 'HR', undefined],
  ])('answers %s', async (_name, key, answer) => {
    const shared = knownFromEntries(async <T>(name: string) => (name === ENTRY.desk('IT') ? ({ listed: listed('IT'), roles } as T) : undefined));
    expect(await knownWithDesk(shared, own).desk(key)).toEqual(answer);
  });

  it('with nothing shared, knows its desk and nothing else', async () => {
    const known = knownWithDesk(undefined, own);
    expect(await known.desk('BIG')).toBe(own);
    expect([await known.serverInfo(), await known.serviceAccount(), await known.endUserGroup('g'), await known.workflow('w'), await known.fieldNames()]).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('knownDeskOf', () => {
  const project: ProjectSnapshot = {
    ...listed('BIG'),
    serviceDeskId: '7',
    issueTypes: [{ id: '10001', name: 'Service Request' }],
    roles,
    customers: { ok: true, value: ['a'] },
    requestTypes: { ok: false, error: { kind: 'forbidden', endpoint: 'GET /x', message: 'no' } },
  };
  it.each([
    ['whole parts only', false, { listed: { ...listed('BIG'), serviceDeskId: '7', issueTypeNames: { '10001': 'Service Request' } } }],
    ['failures too', true, { listed: { ...listed('BIG'), serviceDeskId: '7', issueTypeNames: { '10001': 'Service Request' } }, requestTypes: project.requestTypes }],
  ])('%s, never its roles or customers', (_name, failures, desk) => {
    expect(knownDeskOf(project, failures)).toEqual(desk);
  });

  it('a desk that could not be listed is not known', () => {
    expect(knownDeskOf({ ...project, unavailable: { kind: 'not_found', endpoint: 'GET /x', message: 'gone' } }, true)).toBeUndefined();
  });

  it('roles a desk was given are never shared with other jobs', () => {
    expect(shareableOf(new Map([[ENTRY.desk('BIG'), own]])).get(ENTRY.desk('BIG'))).toEqual({ listed: own.listed });
  });
});
