/**
 * Run-shared artifacts in storage: entries chunked under kvs's value limit (20,000
 * group members, any characters), read back whole or not at all, dropped when the
 * run ends; the first job claims the read, the others wait for it (bounded) and take
 * only what was read in full; a job that cannot get an artifact from storage (reader
 * gone or failed, storage failing) reads it itself instead of waiting for ever or
 * pretending.
 */
import type { GroupMembers } from '../../src/gather/snapshot';
import { runSharedArtifact, type SharedRead } from '../../src/forge/run/run-shared';
import { KEYS } from '../../src/forge/storage/keys';
import { MemoryStore } from '../../src/forge/storage/memory-store';
import { dropRunShared, entryKeyName, loadRunSharedEntry, loadRunSharedManifest, SHARED_CHUNK_MAX_BYTES, splitForKvs, storeRunShared } from '../../src/forge/storage/run-shared-repo';
import { testDeps } from './helpers/test-deps';

const RUN = '2026-11-30T09:00:00.000Z-abcd1234';

function bigGroup(name: string, size: number, offset = 0): GroupMembers {
  return {
    name,
    members: Array.from({ length: size }, (_, i) => ({ accountId: `712020:${(offset + i).toString(16).padStart(8, '0')}-1b2c-4d5e-8f90-a1b2c3d4e5f6`, displayName: `Employee Número ${offset + i + 1}` })),
  };
}

const entriesOf = (record: Record<string, unknown>): Map<string, unknown> => new Map(Object.entries(record));

describe('chunked storage', () => {
  it('stores 20,000 members in chunks each under 200 KiB and reads each entry back whole', async () => {
    const store = new MemoryStore();
    const groups = { 'group:employees-emea': bigGroup('employees-emea', 9_000), 'group:employees-amer': bigGroup('employees-amer', 8_000, 9_000), 'group:contractors': bigGroup('contractors', 3_000, 17_000) };
    await storeRunShared(store, RUN, 'site', entriesOf(groups));
    const chunkKeys = store.keys().filter((k) => k.startsWith(KEYS.runSharedPrefix(RUN)) && k.includes(':e:'));
    expect(chunkKeys.length).toBeGreaterThan(3);
    for (const key of store.keys()) expect(store.sizeOf(key)).toBeLessThan(200 * 1024);
    expect((await loadRunSharedManifest(store, RUN, 'site'))!.entries.map((e) => e.name)).toEqual(Object.keys(groups));
    for (const [name, group] of Object.entries(groups)) expect(await loadRunSharedEntry(store, RUN, 'site', name)).toEqual(group);
    expect(await loadRunSharedEntry(store, RUN, 'site', 'group:nobody')).toBeUndefined();
  });

  it('never puts more than the limit in one chunk, whatever the text holds, and joins back exactly', () => {
    const text = JSON.stringify(bigGroup('g', 500).members.map((m, i) => ({ ...m, displayName: '"<é>\\\n😀'.repeat(1 + (i % 40)) })));
    const pieces = splitForKvs(text, 4_096);
    expect(pieces.join('')).toBe(text);
    expect(pieces.length).toBeGreaterThan(10);
    for (const part of pieces) expect(Buffer.byteLength(JSON.stringify({ chunks: 999, length: 9_999_999, part }), 'utf8')).toBeLessThanOrEqual(4_096);
    // A surrogate pair is never cut in two.
    for (const part of pieces) expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(part)).toBe(false);
    expect(SHARED_CHUNK_MAX_BYTES).toBeLessThan(200 * 1024);
  });

  it('keeps any entry name within kvs key characters and length', async () => {
    const store = new MemoryStore();
    const names = ['workflow:Service Management Workflow (SD011)', 'group:émilie/ops', `workflow:${'x'.repeat(400)}`];
    await storeRunShared(store, RUN, 'site', new Map(names.map((n) => [n, { n }])));
    for (const name of names) expect(await loadRunSharedEntry(store, RUN, 'site', name)).toEqual({ n: name });
    expect(entryKeyName(names[2]!)).toMatch(/^h\.[0-9a-f]{64}$/);
  });

  it('leaves out an entry with a missing chunk, so the job reads it', async () => {
    const store = new MemoryStore();
    await storeRunShared(store, RUN, 'site', entriesOf({ a: bigGroup('a', 3_000), b: bigGroup('b', 10) }));
    await store.delete(KEYS.runSharedChunk(RUN, 'site', entryKeyName('a'), 1));
    expect(await loadRunSharedEntry(store, RUN, 'site', 'a')).toBeUndefined();
    expect(await loadRunSharedEntry(store, RUN, 'site', 'b')).toEqual(bigGroup('b', 10));
  });

  it('chunks a manifest of thousands of entries too', async () => {
    const store = new MemoryStore();
    const entries = new Map(Array.from({ length: 6_000 }, (_, i) => [`desk:DESK${i}-${'k'.repeat(30)}`, { i }] as const));
    await storeRunShared(store, RUN, 'site', entries);
    expect((await loadRunSharedManifest(store, RUN, 'site'))!.entries).toHaveLength(6_000);
    await dropRunShared(store, RUN, 'site');
    expect(store.keys().filter((k) => k.includes(':e:'))).toEqual([]);
  });

  it('drops the entries when the run ends and leaves a manifest that shares nothing', async () => {
    const store = new MemoryStore();
    await storeRunShared(store, RUN, 'site', entriesOf({ a: bigGroup('a', 3_000) }));
    await dropRunShared(store, RUN, 'site');
    expect(store.keys().filter((k) => k.includes(':e:'))).toEqual([]);
    expect(await loadRunSharedManifest(store, RUN, 'site')).toEqual({ dropped: true, entries: [] });
  });
});

describe('runSharedArtifact', () => {
  const reader = (entries: Record<string, unknown>, result = 'read it') => jest.fn(async (): Promise<SharedRead<string>> => ({ result, entries: entriesOf(entries) }));

  it('the first job claims and reads; a job in another process then takes the entries from storage, without reading', async () => {
    const deps = testDeps();
    const first = reader({ a: { ok: true, value: 1 } });
    expect(await runSharedArtifact(deps, RUN, 'site', first)).toEqual({ source: 'read', result: 'read it' });
    const other = { ...deps, storage: Object.create(deps.storage) as MemoryStore };
    const second = reader({});
    const shared = await runSharedArtifact(other, RUN, 'site', second);
    expect(second).not.toHaveBeenCalled();
    expect(shared.source).toBe('shared');
    if (shared.source === 'shared') {
      expect([...shared.entries.names]).toEqual(['a']);
      expect(await shared.entries.entry('a')).toEqual({ ok: true, value: 1 });
      expect(await shared.entries.entry('b')).toBeUndefined();
    }
  });

  it('waits for the job that claimed the read, then takes what it stored', async () => {
    const deps = testDeps();
    await deps.storage.createIfAbsent(KEYS.runSharedClaim(RUN, 'site'), { at: deps.now().toISOString() });
    let polls = 0;
    const read = reader({});
    const shared = await runSharedArtifact(deps, RUN, 'site', read, {
      pollMs: 1_000,
      sleep: async () => {
        polls += 1;
        if (polls === 3) await storeRunShared(deps.storage, RUN, 'site', entriesOf({ g: bigGroup('a', 5) }));
      },
    });
    expect(polls).toBe(3);
    expect(read).not.toHaveBeenCalled();
    expect(shared.source === 'shared' && (await shared.entries.entry('g'))).toEqual(bigGroup('a', 5));
  });

  it('jobs in one process wait on the reader’s promise and take what it shared', async () => {
    const deps = testDeps();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = jest.fn(async (): Promise<SharedRead<string>> => {
      await gate;
      return { result: 'mine', entries: entriesOf({ a: { ok: true, value: [1] } }) };
    });
    const sleep = jest.fn(async () => undefined);
    const firstP = runSharedArtifact(deps, RUN, 'site', slow, { sleep });
    const secondP = runSharedArtifact(deps, RUN, 'site', slow, { sleep });
    release();
    const [first, second] = await Promise.all([firstP, secondP]);
    expect(first).toEqual({ source: 'read', result: 'mine' });
    expect(slow).toHaveBeenCalledTimes(1);
    expect(sleep).not.toHaveBeenCalled();
    expect(second.source === 'shared' && (await second.entries.entry('a'))).toEqual({ ok: true, value: [1] });
  });

  it('a reader that fails shares nothing: its own job gets the failure, the others read for themselves at once', async () => {
    const deps = testDeps();
    const failing = jest.fn(async (): Promise<SharedRead<string>> => {
      throw new Error('Jira refused the credentials');
    });
    await expect(runSharedArtifact(deps, RUN, 'site', failing)).rejects.toThrow('Jira refused the credentials');
    const other = { ...deps, storage: Object.create(deps.storage) as MemoryStore };
    const sleep = jest.fn(async () => undefined);
    expect(await runSharedArtifact(other, RUN, 'site', reader({}), { sleep })).toEqual({ source: 'shared', entries: expect.objectContaining({ names: new Set() }) });
    expect(sleep).not.toHaveBeenCalled();
  });

  it('stops waiting when the reader is gone (its claim is older than the wait) and leaves the read to the job', async () => {
    const deps = testDeps();
    await deps.storage.createIfAbsent(KEYS.runSharedClaim(RUN, 'site'), { at: new Date(deps.now().getTime() - 10 * 60_000).toISOString() });
    const sleep = jest.fn(async () => undefined);
    expect(await runSharedArtifact(deps, RUN, 'site', reader({}), { sleep })).toEqual({ source: 'none' });
    expect(sleep).not.toHaveBeenCalled();
  });

  it('gives up after the wait even on a clock that stands still', async () => {
    const deps = testDeps();
    await deps.storage.createIfAbsent(KEYS.runSharedClaim(RUN, 'site'), { at: deps.now().toISOString() });
    const sleep = jest.fn(async () => undefined);
    expect(await runSharedArtifact(deps, RUN, 'site', reader({}), { sleep, pollMs: 1_000, maxWaitMs: 5_000 })).toEqual({ source: 'none' });
    expect(sleep).toHaveBeenCalledTimes(5);
  });

  it('a storage failure shares nothing, so the job reads for itself', async () => {
    const deps = testDeps();
    deps.storage.get = async () => {
      throw new Error('kvs unavailable');
    };
    expect(await runSharedArtifact(deps, RUN, 'site', reader({}))).toEqual({ source: 'none' });
    expect(deps.logged.some((l) => l.level === 'warn')).toBe(true);
  });

  it('a reader that cannot store what it read keeps it for itself and tells the others to read for themselves', async () => {
    const deps = testDeps();
    const set = deps.storage.set.bind(deps.storage);
    deps.storage.set = async (key, value) => {
      if (key.includes(':e:')) throw new Error('kvs is full');
      return set(key, value);
    };
    expect(await runSharedArtifact(deps, RUN, 'site', reader({ a: 1 }))).toEqual({ source: 'read', result: 'read it' });
    expect(await loadRunSharedManifest(deps.storage, RUN, 'site')).toEqual({ entries: [] });
  });

  it('after the run ended (dropped) a late job reads for itself', async () => {
    const deps = testDeps();
    await runSharedArtifact(deps, RUN, 'site', reader({ a: 1 }));
    await dropRunShared(deps.storage, RUN, 'site');
    const other = { ...deps, storage: Object.create(deps.storage) as MemoryStore };
    expect(await runSharedArtifact(other, RUN, 'site', reader({}))).toEqual({ source: 'none' });
  });
});
