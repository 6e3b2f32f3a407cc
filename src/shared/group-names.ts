/**
 * End-user group names as configured: trimmed, blanks and repeats dropped, in order.
 * Settings, the CLI, the gatherer (which keys the snapshot by these names), the
 * checks and the fixes all read the configured groups through this one function,
 * so a name typed with a stray space is the same group everywhere.
 */
export function normaliseGroupNames(names: readonly string[] | undefined): string[] {
  return [...new Set((names ?? []).map((n) => n.trim()).filter((n) => n !== ''))];
}

/** The entry a record keyed by group name holds for `name`, tolerating stray spaces in the keys. */
export function entryForGroup<T>(record: Readonly<Record<string, T>>, name: string): T | undefined {
  const wanted = name.trim();
  if (Object.prototype.hasOwnProperty.call(record, wanted)) return record[wanted];
  return Object.entries(record).find(([key]) => key.trim() === wanted)?.[1];
}
