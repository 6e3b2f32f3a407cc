import { mkdtempSync, readdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createFileStore } from './file-store';

describe('file-backed KeyValueStore', () => {
  const dir = () => mkdtempSync(path.join(os.tmpdir(), 'mw-store-'));

  it('keeps values across store instances, like a restarted preview', async () => {
    const d = dir();
    await createFileStore(d).set('report:project:HR', { ready: false, n: 3 });
    expect(await createFileStore(d).get('report:project:HR')).toEqual({ ready: false, n: 3 });
    expect(await createFileStore(d).get('missing')).toBeUndefined();
  });

  it('lists by prefix in key order, with keys that hold separators', async () => {
    const store = createFileStore(dir());
    await store.set('ack:site:SA-EXISTS', 1);
    await store.set('ack:HR:CUST-COVERAGE', 2);
    await store.set('ack#odd key.v2', 3);
    await store.set('settings', 4);
    expect(await store.list('ack:')).toEqual([
      { key: 'ack:HR:CUST-COVERAGE', value: 2 },
      { key: 'ack:site:SA-EXISTS', value: 1 },
    ]);
    expect((await store.list('ack')).map((e) => e.key)).toContain('ack#odd key.v2');
  });

  it('deletes, and leaves no temporary files behind', async () => {
    const d = dir();
    const store = createFileStore(d);
    await Promise.all([store.set('aa', 1), store.set('aa', 2), store.set('bb', 3)]);
    await store.delete('bb');
    await store.delete('never-there');
    expect(await store.get('bb')).toBeUndefined();
    expect(readdirSync(d).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect([1, 2]).toContain(await store.get('aa'));
  });

  it('refuses a key or a value that @forge/kvs would refuse, writing nothing', async () => {
    const d = dir();
    const store = createFileStore(d);
    await expect(store.set('ack/odd*key', 1)).rejects.toMatchObject({ code: 'INVALID_KEY' });
    await expect(store.set('big', 'x'.repeat(250 * 1024))).rejects.toMatchObject({ code: 'MAX_SIZE' });
    expect(readdirSync(d)).toEqual([]);
  });

  it('createIfAbsent lets exactly one of several racing writers claim a key', async () => {
    const store = createFileStore(dir());
    const claims = await Promise.all([1, 2, 3, 4].map((n) => store.createIfAbsent('settings-claim:7', { by: n })));
    expect(claims.filter(Boolean)).toHaveLength(1);
    const winner = claims.indexOf(true) + 1;
    expect(await store.get('settings-claim:7')).toEqual({ by: winner });
    expect(await store.createIfAbsent('settings-claim:7', { by: 9 })).toBe(false);
  });
});
