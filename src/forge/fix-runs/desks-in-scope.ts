/**
 * The desks a fix works on: the one named, or every desk whose stored report fails a
 * check the fix resolves. An acknowledged failure is the admin's decision and is left
 * alone; a site fix works on no desk.
 */
import type { Fix } from '../../fixes/fix';
import type { KeyValueStore } from '../deps';
import { loadDecoratedReport } from '../storage/load-report';

export async function desksInScope(store: KeyValueStore, fix: Fix, projectKey: string | undefined, now: Date): Promise<string[]> {
  if (fix.meta.scope === 'site') return [];
  if (projectKey) return [projectKey];
  const report = await loadDecoratedReport(store, now);
  return (report?.projects ?? [])
    .filter((p) => p.checks.some((c) => fix.meta.resolves.includes(c.id) && (c.status === 'fail' || c.status === 'warn') && !c.acknowledgement))
    .map((p) => p.key);
}

/** The key of the one unfinished run per fix and scope. */
export function scopeKey(fix: Fix, projectKey: string | undefined): string {
  return fix.meta.scope === 'site' ? 'site' : projectKey ?? 'all';
}
