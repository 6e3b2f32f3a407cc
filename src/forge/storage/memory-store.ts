/**
 * An in-memory KeyValueStore for tests (and any caller that needs no persistence).
 * Values are deep-copied on the way in and out so callers cannot mutate stored
 * state by accident, as with the real @forge/kvs, and every write meets kvs's
 * key and value limits.
 */
import { STORE_PAGE_SIZE, type KeyValueStore, type StorePage } from '../deps';
import { serialiseForKvs } from './kvs-limits';

export class MemoryStore implements KeyValueStore {
  private readonly data = new Map<string, string>();

  async get<T>(key: string): Promise<T | undefined> {
    const raw = this.data.get(key);
    return raw === undefined ? undefined : (JSON.parse(raw) as T);
  }

  async set<T>(key: string, value: T): Promise<void> {
    this.data.set(key, serialiseForKvs(key, value));
  }

  async createIfAbsent<T>(key: string, value: T): Promise<boolean> {
    // No await between the check and the write: atomic within the event loop.
    const raw = serialiseForKvs(key, value);
    if (this.data.has(key)) return false;
    this.data.set(key, raw);
    return true;
  }

  async delete(key: string): Promise<void> {
    this.data.delete(key);
  }

  async list<T>(prefix: string): Promise<{ key: string; value: T }[]> {
    return [...this.data.keys()]
      .filter((k) => k.startsWith(prefix))
      .sort()
      .map((key) => ({ key, value: JSON.parse(this.data.get(key)!) as T }));
  }

  /** The cursor is the last key of the page before: the next page starts after it. */
  async listPage<T>(prefix: string, cursor?: string): Promise<StorePage<T>> {
    const keys = [...this.data.keys()].filter((k) => k.startsWith(prefix) && (cursor === undefined || k > cursor)).sort();
    const page = keys.slice(0, STORE_PAGE_SIZE);
    const entries = page.map((key) => ({ key, value: JSON.parse(this.data.get(key)!) as T }));
    return keys.length > page.length ? { entries, cursor: page[page.length - 1]! } : { entries };
  }

  /** Serialised size in bytes of one value (tests assert on the 240 KiB limit). */
  sizeOf(key: string): number {
    const raw = this.data.get(key);
    return raw === undefined ? 0 : Buffer.byteLength(raw, 'utf8');
  }

  keys(): string[] {
    return [...this.data.keys()].sort();
  }
}
