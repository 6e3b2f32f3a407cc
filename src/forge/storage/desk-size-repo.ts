/**
 * How long each desk's customer paging was at its last check: JSM's customer pages
 * carry no total, so a desk's pages are one strictly sequential chain, and the
 * run's longest chain sets its shortest possible end. A run starts the desks with
 * the longest chains first (start-run.ts), so no long chain starts last. One small
 * value per desk, written by the desk's job; a desk never checked has none.
 */
import type { KeyValueStore } from '../deps';
import { KEYS } from './keys';

export interface DeskSize {
  /** Customer pages the desk's last check read (each page up to 50 customers). */
  customerPages: number;
  at: string;
}

export async function recordDeskSize(store: KeyValueStore, projectKey: string, customerPages: number, at: Date): Promise<void> {
  await store.set<DeskSize>(KEYS.deskSize(projectKey), { customerPages, at: at.toISOString() });
}

export async function loadDeskSizes(store: KeyValueStore): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  for (const { key, value } of await store.list<DeskSize>(KEYS.deskSizePrefix)) {
    if (typeof value?.customerPages === 'number') sizes.set(key.slice(KEYS.deskSizePrefix.length), value.customerPages);
  }
  return sizes;
}

/**
 * Pure: the desks with the longest customer chains first; a desk never measured
 * goes before every measured one (it may be the longest), and ties keep their order.
 */
export function longestChainsFirst(keys: readonly string[], pages: ReadonlyMap<string, number>): string[] {
  const size = (key: string): number => pages.get(key) ?? Number.POSITIVE_INFINITY;
  return keys
    .map((key, i) => ({ key, i }))
    .sort((a, b) => size(b.key) - size(a.key) || a.i - b.i)
    .map((e) => e.key);
}
