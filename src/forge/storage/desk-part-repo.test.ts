import { MemoryStore } from './memory-store';
import { KEYS } from './keys';
import { cursorOf, deskPartArtifact, dropDeskParts, idBatches, loadDeskPart, loadDeskPartIds, missingFromParts, storeDeskPart, type DeskPartCursor } from './desk-part-repo';
import { SHARED_CHUNK_MAX_BYTES } from './run-shared-repo';

const STATS = { callsByEndpoint: { 'GET /x': 3 }, totalCalls: 3, retries: 0, durationMs: 10 };
const cursor = (over: Partial<DeskPartCursor> = {}): DeskPartCursor => ({ serviceDeskId: '7', next: { start: 100, pages: 2 }, parts: [{ part: 1, batches: 1, ids: 100 }], stats: STATS, ...over });
/** Account ids as Jira writes them: 43 characters. */
const ids = (n: number, from = 0): string[] => Array.from({ length: n }, (_, i) => `712020:5f3c290d-0001-401f-8011-${String(from + i).padStart(12, '0')}`);

describe('idBatches', () => {
  it.each([
    [0, 4, []],
    [3, 4, [3]],
    [4, 4, [4]],
    [9, 4, [4, 4, 1]],
  ])('%i ids in batches of %i: %o', (n, size, lengths) => {
    const batches = idBatches(ids(n), size);
    expect(batches.map((b) => b.length)).toEqual(lengths);
    expect(batches.flat()).toEqual(ids(n));
  });
});

describe('cursorOf', () => {
  it.each([
    ['a cursor as written', cursor(), true],
    ['with the desk in a part it names', cursor({ deskPart: 1 }), true],
    ['the desk in a part it does not name', cursor({ deskPart: 2 }), false],
    ['no desk id', cursor({ serviceDeskId: '' }), false],
    ['a negative start', cursor({ next: { start: -50, pages: 2 } }), false],
    ['no parts', cursor({ parts: [] }), false],
    ['a part without its count of ids', { ...cursor(), parts: [{ part: 1, batches: 1 }] }, false],
    ['no stats', { ...cursor(), stats: undefined }, false],
    ['not an object', 'cursor', false],
    ['nothing', undefined, false],
  ])('%s → %s', (_name, raw, usable) => {
    expect(cursorOf(raw) !== undefined).toBe(usable);
  });
});

describe('missingFromParts', () => {
  const names = (...n: string[]) => new Set(n);
  it.each([
    ['every batch there', cursor(), [[1, names('ids:0', 'cursor')]], undefined],
    ['a part not in storage', cursor(), [[1, undefined]], 'part 1 is not in storage'],
    ['a batch missing', cursor({ parts: [{ part: 1, batches: 2, ids: 5000 }] }), [[1, names('ids:0', 'cursor')]], 'part 1 lacks its ids batch 1'],
    ['an earlier part missing', cursor({ parts: [{ part: 1, batches: 1, ids: 10 }, { part: 2, batches: 1, ids: 10 }] }), [[2, names('ids:0', 'cursor')]], 'part 1 is not in storage'],
    ['the desk missing', cursor({ deskPart: 1 }), [[1, names('ids:0', 'cursor')]], 'part 1 lacks what was read of the desk'],
    ['the desk there', cursor({ deskPart: 1 }), [[1, names('ids:0', 'cursor', 'desk')]], undefined],
  ] as const)('%s → %s', (_name, c, manifests, why) => {
    expect(missingFromParts(c, new Map(manifests as unknown as [number, ReadonlySet<string> | undefined][]))).toBe(why);
  });
});

describe('a desk part in kvs', () => {
  it('keeps 20,000 ids in chunks under the run-shared limit and gives them back in order, with the desk', async () => {
    const store = new MemoryStore();
    const desk = { listed: { id: '10001', key: 'BIG', name: 'Big', style: 'company-managed' as const, issueTypeNames: {} }, roles: { ok: true as const, value: [] } };
    await storeDeskPart(store, 'run-1', 'BIG', 1, { cursor: cursor({ parts: [{ part: 1, batches: 5, ids: 20_000 }], deskPart: 1 }), ids: ids(20_000), desk });
    for (const key of store.keys()) expect(Buffer.byteLength(JSON.stringify(await store.get(key)), 'utf8')).toBeLessThanOrEqual(SHARED_CHUNK_MAX_BYTES);
    expect(store.keys().every((k) => k.startsWith(KEYS.runSharedPrefix('run-1')))).toBe(true);

    const loaded = await loadDeskPart(store, 'run-1', 'BIG', 1);
    expect(loaded).toMatchObject({ cursor: { next: { start: 100, pages: 2 } }, desk });
    expect(await loadDeskPartIds(store, 'run-1', 'BIG', (loaded as { cursor: DeskPartCursor }).cursor)).toEqual(ids(20_000));
  });

  it('a part with a chunk gone cannot be read back; dropping leaves nothing of any part', async () => {
    const store = new MemoryStore();
    const c1 = cursor({ parts: [{ part: 1, batches: 1, ids: 50 }] });
    await storeDeskPart(store, 'run-1', 'BIG', 1, { cursor: c1, ids: ids(50) });
    const c2 = cursor({ parts: [...c1.parts, { part: 2, batches: 1, ids: 50 }] });
    await storeDeskPart(store, 'run-1', 'BIG', 2, { cursor: c2, ids: ids(50, 50) });
    expect(await loadDeskPartIds(store, 'run-1', 'BIG', c2)).toEqual(ids(100));

    const batchOfPart1 = store.keys().find((k) => k.includes(`:${deskPartArtifact('BIG', 1)}:e:`) && !k.includes(Buffer.from('cursor').toString('base64url')))!;
    await store.delete(batchOfPart1);
    expect(await loadDeskPartIds(store, 'run-1', 'BIG', c2)).toBeUndefined();

    await dropDeskParts(store, 'run-1', 'BIG', 3);
    expect(store.keys().filter((k) => k.includes(':e:'))).toEqual([]);
    expect(await loadDeskPart(store, 'run-1', 'BIG', 2)).toEqual({ missing: 'part 2 has no readable cursor' });
  });
});
