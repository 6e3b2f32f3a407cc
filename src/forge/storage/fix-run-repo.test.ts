import type { PlannedChange } from '../../fixes/fix';
import { KVS_MAX_VALUE_BYTES } from './kvs-limits';
import { MemoryStore } from './memory-store';
import { chunkChanges, loadBatchPlan, PLAN_CHUNK_MAX_BYTES, storeBatchPlan } from './fix-run-repo';

const batch = (b: number): PlannedChange => ({
  id: `HR:customers:${b + 1}`,
  summary: `Add 50 users to the customers of HR Help Desk (HR), batch ${b + 1} of 400`,
  target: { kind: 'customers', id: '2', name: 'Customers of HR' },
  reach: { projects: [{ key: 'HR', name: 'HR Help Desk' }] },
  items: 50,
  payload: { projectKey: 'HR', serviceDeskId: '2', accounts: Array.from({ length: 50 }, (_, i) => ({ accountId: `712020:${String(b * 50 + i).padStart(8, '0')}-0000-4000-8000-000000000000`, displayName: `Employee number ${b * 50 + i}` })) },
});

describe('fix plans in kvs', () => {
  it('a 20,000-user plan is stored in chunks each under kvs’s value limit and read back whole, in order', async () => {
    const changes = Array.from({ length: 400 }, (_, b) => batch(b));
    const chunks = chunkChanges(changes);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(Buffer.byteLength(JSON.stringify(chunk))).toBeLessThanOrEqual(PLAN_CHUNK_MAX_BYTES);
    expect(PLAN_CHUNK_MAX_BYTES).toBeLessThan(KVS_MAX_VALUE_BYTES);
    // MemoryStore refuses what kvs refuses, so storing proves every value fits.
    const store = new MemoryStore();
    const stored = await storeBatchPlan(store, 'fix-test', 0, changes);
    expect(stored).toBe(chunks.length);
    expect(await loadBatchPlan(store, 'fix-test', 0, stored)).toEqual(changes);
  });

  it('a missing chunk is an error that says so, never a shorter plan', async () => {
    const store = new MemoryStore();
    const stored = await storeBatchPlan(store, 'fix-test', 0, [batch(0), batch(1)], 8 * 1024);
    expect(stored).toBe(2);
    await store.delete('v1:fixrun:fix-test:plan:0:1');
    await expect(loadBatchPlan(store, 'fix-test', 0, stored)).rejects.toThrow(/Part 2 of the stored plan of this fix is missing/);
  });
});
