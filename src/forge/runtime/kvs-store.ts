/** KeyValueStore over @forge/kvs; `list` pages through a beginsWith query; a request over kvs's limits is retried (kvs-retry.ts). */
import { kvs, WhereConditions, ForgeKvsAPIError } from '@forge/kvs';
import { withKvsRetry as retry } from './kvs-retry';
import { STORE_PAGE_SIZE as PAGE, type KeyValueStore } from '../deps';

export const kvsStore: KeyValueStore = {
  get: <T>(key: string) => retry(() => kvs.get<T>(key)),
  set: <T>(key: string, value: T) => retry(() => kvs.set<T>(key, value)),
  delete: (key: string) => retry(() => kvs.delete(key)),
  async createIfAbsent<T>(key: string, value: T) {
    try {
      await retry(() => kvs.set<T>(key, value, { keyPolicy: 'FAIL_IF_EXISTS' }));
      return true;
    } catch (e) {
      // kvs answers 409 KEY_CONFLICT when the key exists; anything else is a real failure.
      if (e instanceof ForgeKvsAPIError && (e.code === 'KEY_CONFLICT' || e.responseDetails?.status === 409)) return false;
      throw e;
    }
  },
  async list<T>(prefix: string) {
    const out: { key: string; value: T }[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(PAGE);
      if (cursor) query = query.cursor(cursor);
      const page = await retry(() => query.getMany<T>());
      out.push(...page.results.map((r) => ({ key: r.key, value: r.value })));
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  },
  async listPage<T>(prefix: string, cursor?: string) {
    let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(PAGE);
    if (cursor) query = query.cursor(cursor);
    const page = await retry(() => query.getMany<T>());
    return { entries: page.results.map((r) => ({ key: r.key, value: r.value })), ...(page.nextCursor ? { cursor: page.nextCursor } : {}) };
  },
};
