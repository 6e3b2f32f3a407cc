/**
 * Keeps stored values well under kvs's 240 KiB limit: long lists inside a check's
 * evidence are cut to their first items, and the list's full length is kept beside
 * it (`missingUsers` → `missingUsersTotal`) so counts stay true.
 */
export const STORED_VALUE_BUDGET_BYTES = 200 * 1024;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function capLists(value: unknown, maxItems: number): unknown {
  if (Array.isArray(value)) {
    const kept = value.slice(0, maxItems).map((v) => capLists(v, maxItems));
    return value.length > maxItems ? { truncated: true, total: value.length, items: kept } : kept;
  }
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (Array.isArray(v) && v.length > maxItems) {
      out[k] = v.slice(0, maxItems).map((x) => capLists(x, maxItems));
      if (!(`${k}Total` in value)) out[`${k}Total`] = v.length;
    } else out[k] = capLists(v, maxItems);
  }
  return out;
}

export function byteSize(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
}

/**
 * Shrinks `value` (via `withCap`, which rebuilds it with lists capped at n) until it
 * fits the budget; as a last resort the caller's `lastResort` drops evidence entirely.
 */
export function fitToBudget<T>(withCap: (maxItems: number) => T, lastResort: () => T, budget = STORED_VALUE_BUDGET_BYTES): T {
  for (const cap of [200, 50, 10, 0]) {
    const candidate = withCap(cap);
    if (byteSize(candidate) <= budget) return candidate;
  }
  return lastResort();
}
