/**
 * The run's end-user groups in storage: chunks under kvs's value limit at 20,000
 * members, read back whole or not at all, dropped when the run ends; and a job
 * that cannot get them from storage (reader gone, storage failing) reads them
 * itself instead of waiting for ever or pretending.
 */
import type { GroupMembers } from '../../src/gather/snapshot';
import { endUserGroupsForRun } from '../../src/forge/run/run-groups';
import { KEYS } from '../../src/forge/storage/keys';
import { MemoryStore } from '../../src/forge/storage/memory-store';
import { CHUNK_MAX_BYTES, chunkMembers, dropRunGroups, loadRunGroups, loadRunGroupsManifest, storeRunGroups } from '../../src/forge/storage/run-groups-repo';
import { FakeJira } from './helpers/fake-jira';
import { testDeps } from './helpers/test-deps';

const RUN = '2026-11-30T09:00:00.000Z-abcd1234';

function bigGroup(name: string, size: number, offset = 0): GroupMembers {
  return {
    name,
    members: Array.from({ length: size }, (_, i) => ({ accountId: `712020:${(offset + i).toString(16).padStart(8, '0')}-1b2c-4d5e-8f90-a1b2c3d4e5f6`, displayName: `Employee Número ${offset + i + 1}` })),
  };
}

describe('chunked storage', () => {
  it('stores 20,000 members in chunks each under 200 KiB and reads them back in order', async () => {
    const store = new MemoryStore();
    const groups = [bigGroup('employees-emea', 9_000), bigGroup('employees-amer', 8_000, 9_000), bigGroup('contractors', 3_000, 17_000)];
    await storeRunGroups(store, RUN, groups);
    const chunkKeys = store.keys().filter((k) => k.startsWith(KEYS.runGroupsPrefix(RUN)) && k.includes(':chunk:'));
    expect(chunkKeys.length).toBeGreaterThan(3);
    for (const key of [...chunkKeys, KEYS.runGroupsManifest(RUN)]) expect(store.sizeOf(key)).toBeLessThan(200 * 1024);
    const manifest = (await loadRunGroupsManifest(store, RUN))!;
    expect(manifest.groups.map((g) => [g.name, g.members])).toEqual([
      ['employees-emea', 9_000],
      ['employees-amer', 8_000],
      ['contractors', 3_000],
    ]);
    expect(await loadRunGroups(store, RUN, manifest, ['contractors', 'employees-emea', 'employees-amer'])).toEqual(groups);
  });

  it('never puts more than the limit in one chunk, whatever the names hold, and keeps an empty group', () => {
    const members = bigGroup('g', 500).members.map((m, i) => ({ ...m, displayName: '"<é>"'.repeat(1 + (i % 40)) }));
    const chunks = chunkMembers(members, 4_096);
    expect(chunks.flat()).toEqual(members);
    for (const chunk of chunks) expect(Buffer.byteLength(JSON.stringify({ members: chunk }), 'utf8')).toBeLessThanOrEqual(4_096);
    expect(chunkMembers([])).toEqual([[]]);
    expect(CHUNK_MAX_BYTES).toBeLessThan(200 * 1024);
  });

  it('leaves out a group with a missing chunk, so the job reads it', async () => {
    const store = new MemoryStore();
    await storeRunGroups(store, RUN, [bigGroup('a', 3_000), bigGroup('b', 10)]);
    await store.delete(KEYS.runGroupsChunk(RUN, 0, 1));
    const manifest = (await loadRunGroupsManifest(store, RUN))!;
    expect((await loadRunGroups(store, RUN, manifest, ['a', 'b'])).map((g) => g.name)).toEqual(['b']);
  });

  it('drops the chunks when the run ends and leaves a manifest that shares nothing', async () => {
    const store = new MemoryStore();
    await storeRunGroups(store, RUN, [bigGroup('a', 3_000)]);
    await dropRunGroups(store, RUN);
    expect(store.keys().filter((k) => k.includes(':chunk:'))).toEqual([]);
    expect(await loadRunGroupsManifest(store, RUN)).toEqual({ dropped: true, groups: [] });
  });
});

describe('endUserGroupsForRun', () => {
  it('takes the stored groups when the run has them, without calling Jira', async () => {
    const jira = new FakeJira();
    const deps = testDeps(jira);
    await storeRunGroups(deps.storage, RUN, [bigGroup('a', 120)]);
    const spy = jest.spyOn(deps, 'jiraAsApp');
    expect(await endUserGroupsForRun(deps, RUN, [' a ', 'a'])).toEqual({ a: { ok: true, value: bigGroup('a', 120) } });
    expect(spy).not.toHaveBeenCalled();
  });

  it('waits for the job that claimed the read, then takes what it stored', async () => {
    const deps = testDeps();
    await deps.storage.createIfAbsent(KEYS.runGroupsClaim(RUN), { at: deps.now().toISOString() });
    let polls = 0;
    const groups = await endUserGroupsForRun(deps, RUN, ['a'], {
      pollMs: 1_000,
      sleep: async () => {
        polls += 1;
        if (polls === 3) await storeRunGroups(deps.storage, RUN, [bigGroup('a', 5)]);
      },
    });
    expect(polls).toBe(3);
    expect(groups).toEqual({ a: { ok: true, value: bigGroup('a', 5) } });
  });

  it('stops waiting when the reader is gone (its claim is older than the wait) and leaves the read to the job', async () => {
    const deps = testDeps();
    await deps.storage.createIfAbsent(KEYS.runGroupsClaim(RUN), { at: new Date(deps.now().getTime() - 10 * 60_000).toISOString() });
    const sleep = jest.fn(async () => undefined);
    expect(await endUserGroupsForRun(deps, RUN, ['a'], { sleep })).toEqual({});
    expect(sleep).not.toHaveBeenCalled();
  });

  it('gives up after the wait even on a clock that stands still', async () => {
    const deps = testDeps();
    await deps.storage.createIfAbsent(KEYS.runGroupsClaim(RUN), { at: deps.now().toISOString() });
    const sleep = jest.fn(async () => undefined);
    expect(await endUserGroupsForRun(deps, RUN, ['a'], { sleep, pollMs: 1_000, maxWaitMs: 5_000 })).toEqual({});
    expect(sleep).toHaveBeenCalledTimes(5);
  });

  it('a storage failure shares nothing, so the job reads the groups itself', async () => {
    const deps = testDeps();
    deps.storage.get = async () => {
      throw new Error('kvs unavailable');
    };
    expect(await endUserGroupsForRun(deps, RUN, ['a'])).toEqual({});
    expect(deps.logged.some((l) => l.level === 'warn')).toBe(true);
  });

  it('asks nothing of storage or Jira when no end-user group is configured', async () => {
    const deps = testDeps();
    expect(await endUserGroupsForRun(deps, RUN, ['  '])).toEqual({});
    expect(deps.storage.keys()).toEqual([]);
  });
});
