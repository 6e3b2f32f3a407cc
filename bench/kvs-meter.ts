/**
 * A KeyValueStore that meters what a Forge run asks of kvs, as Forge limits it per
 * installation ("KVS and Custom Entity Store limits"): requests per second, and
 * reads and writes per minute counted in 10 KB units (a request is rounded up to
 * the next 10 KB: 65 KB counts 7). It also keeps the largest value written. The
 * store under it (MemoryStore) refuses what kvs refuses (keys, 240 KiB values).
 */
import type { KeyValueStore, StorePage } from '../src/forge/deps';

export const KVS_LIMITS = {
  requestsPerSecond: 1000,
  readUnitsPerMinute: 4000,
  writeUnitsPerMinute: 4000,
  unitBytes: 10 * 1024,
} as const;

/** Pure: the 10 KB units kvs counts for a request carrying `bytes` (at least 1). */
export function kvsUnits(bytes: number): number {
  return Math.max(1, Math.ceil(bytes / KVS_LIMITS.unitBytes));
}

export interface KvsUsage {
  reads: number;
  writes: number;
  deletes: number;
  readUnits: number;
  writeUnits: number;
  /** Busiest minute (a sliding 60 s window) of read and write units, and busiest second of requests. */
  peakReadUnitsPerMinute: number;
  peakWriteUnitsPerMinute: number;
  peakRequestsPerSecond: number;
  largestValueBytes: number;
  largestValueKey: string;
  /** Read units by kind of key (run ids, desk keys and entry names folded), most first. */
  readUnitsByKind: [string, number][];
}

/** Pure: a key with what varies folded away, "v1:run:…:job:…", so reads group by what they are for. */
export function keyKind(key: string): string {
  return key
    .replace(/:run:\d{4}-\d\d-\d\dT[\d:.]+Z-[0-9a-f]+:/, ':run:…:')
    .replace(/:(job|wait|e|report:project|desk-size|history:project):[^:]+/, ':$1:…')
    .replace(/:\d+$/, '');
}

/** Pure: the busiest window of `spanMs` over (time, amount) events sorted by time. */
export function busiestWindow(events: readonly (readonly [number, number])[], spanMs: number): number {
  let best = 0;
  let sum = 0;
  let start = 0;
  for (const [at, amount] of events) {
    sum += amount;
    while (events[start]![0] <= at - spanMs) sum -= events[start++]![1];
    best = Math.max(best, sum);
  }
  return best;
}

const bytesOf = (value: unknown): number => (value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value), 'utf8'));

export class MeteredStore implements KeyValueStore {
  private readonly readEvents: [number, number][] = [];
  private readonly writeEvents: [number, number][] = [];
  private readonly requestEvents: [number, number][] = [];
  private readonly byKind = new Map<string, number>();
  private counts = { reads: 0, writes: 0, deletes: 0, readUnits: 0, writeUnits: 0, largestValueBytes: 0, largestValueKey: '' };

  constructor(
    private readonly inner: KeyValueStore,
    private readonly now: () => number = Date.now,
  ) {}

  private request(): void {
    this.requestEvents.push([this.now(), 1]);
  }

  private read(bytes: number, key: string): void {
    this.request();
    const units = kvsUnits(bytes);
    const kind = keyKind(key);
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + units);
    this.counts.reads += 1;
    this.counts.readUnits += units;
    this.readEvents.push([this.now(), units]);
  }

  private write(key: string, bytes: number): void {
    this.request();
    const units = kvsUnits(bytes);
    this.counts.writes += 1;
    this.counts.writeUnits += units;
    this.writeEvents.push([this.now(), units]);
    if (bytes > this.counts.largestValueBytes) this.counts = { ...this.counts, largestValueBytes: bytes, largestValueKey: key };
  }

  async get<T>(key: string): Promise<T | undefined> {
    const value = await this.inner.get<T>(key);
    this.read(bytesOf(value), key);
    return value;
  }

  async set<T>(key: string, value: T): Promise<void> {
    await this.inner.set(key, value);
    this.write(key, bytesOf(value));
  }

  async delete(key: string): Promise<void> {
    await this.inner.delete(key);
    this.request();
    this.counts.deletes += 1;
    this.writeEvents.push([this.now(), 1]);
    this.counts.writeUnits += 1;
  }

  async createIfAbsent<T>(key: string, value: T): Promise<boolean> {
    const created = await this.inner.createIfAbsent(key, value);
    this.write(key, bytesOf(value));
    return created;
  }

  async list<T>(prefix: string): Promise<{ key: string; value: T }[]> {
    const found = await this.inner.list<T>(prefix);
    // kvs pages a query 100 entries at a time; each page is one read of its size.
    for (let i = 0; i < Math.max(1, found.length); i += 100) this.read(bytesOf(found.slice(i, i + 100)), `${prefix}* (list)`);
    return found;
  }

  async listPage<T>(prefix: string, cursor?: string): Promise<StorePage<T>> {
    const page = await this.inner.listPage<T>(prefix, cursor);
    this.read(bytesOf(page.entries), `${prefix}* (list)`);
    return page;
  }

  usage(): KvsUsage {
    return {
      ...this.counts,
      peakReadUnitsPerMinute: busiestWindow(this.readEvents, 60_000),
      peakWriteUnitsPerMinute: busiestWindow(this.writeEvents, 60_000),
      peakRequestsPerSecond: busiestWindow(this.requestEvents, 1_000),
      readUnitsByKind: [...this.byKind].sort((a, b) => b[1] - a[1]).slice(0, 8),
    };
  }
}
