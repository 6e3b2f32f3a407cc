import { MemoryStore } from './memory-store';
import { KVS_MAX_VALUE_BYTES, KvsLimitError } from './kvs-limits';
import { KEYS } from './keys';

describe('the stand-in stores refuse what @forge/kvs refuses', () => {
  it('refuses a value over 240 KiB with MAX_SIZE and keeps the old value', async () => {
    const store = new MemoryStore();
    await store.set('v1:report:project:HR', { small: true });
    const huge = { text: 'x'.repeat(KVS_MAX_VALUE_BYTES) };
    await expect(store.set('v1:report:project:HR', huge)).rejects.toMatchObject({ code: 'MAX_SIZE' });
    await expect(store.createIfAbsent('v1:other', huge)).rejects.toBeInstanceOf(KvsLimitError);
    expect(await store.get('v1:report:project:HR')).toEqual({ small: true });
  });

  it('refuses keys that are too long or hold characters kvs does not allow', async () => {
    const store = new MemoryStore();
    await expect(store.set('k'.repeat(501), 1)).rejects.toMatchObject({ code: 'KEY_TOO_LONG' });
    await expect(store.set('v1:groups/all employees', 1)).rejects.toMatchObject({ code: 'INVALID_KEY' });
    await expect(store.set('v1:groups:émilie', 1)).rejects.toMatchObject({ code: 'INVALID_KEY' });
  });

  it('accepts every key shape the app writes', async () => {
    const store = new MemoryStore();
    const runId = '2026-11-29T21:10:00.000Z-1a2b3c4d';
    for (const key of [
      KEYS.meta,
      KEYS.settings,
      KEYS.settingsClaim(12),
      KEYS.attestation('MW-CONNECTOR'),
      KEYS.acknowledgement('HR_2', 'WF-ANY-TO-REOPENED'),
      KEYS.projectReport('ITSD'),
      KEYS.jobOutcome(runId, 'HR'),
      KEYS.mailClaim(runId),
      KEYS.runSharedClaim(runId, 'site'),
      KEYS.runSharedManifest(runId, 'site'),
      KEYS.runSharedChunk(runId, 'site', 'ZGVzazpIUl8y', 14),
      KEYS.scheduledClaim('2026-W48'),
    ]) {
      await expect(store.set(key, { ok: true })).resolves.toBeUndefined();
    }
  });
});
