/**
 * Which fixes `mw-readiness fix` plans and for which desks, decided from the
 * registry and one judged run. Pure: --fix ids are checked against the registry;
 * a desk fix is planned for the desks where a check it resolves does not pass (so
 * a desk that is fine gets neither changes nor blockers); a site fix for the site.
 */
import type { ArtifactKind } from '../gather/artifact-kind';
import type { ProjectSnapshot, SiteSnapshot } from '../gather/snapshot';
import type { Fix, FixPlan } from '../fixes/fix';
import { FIXES } from '../fixes/registry';
import { findCheck } from '../requirements/catalogue';
import type { CheckStatus, Report } from '../shared/report-model';
import { UsageError } from './usage-error';

/** Statuses a fix has nothing to do for. */
const SETTLED: readonly CheckStatus[] = ['pass', 'not_applicable'];

/** The fixes named by --fix, in registry order; every fix when none is named. */
export function selectFixes(ids: readonly string[], registry: readonly Fix[] = FIXES): Fix[] {
  if (ids.length === 0) return [...registry];
  const unknown = ids.filter((id) => !registry.some((f) => f.meta.id === id));
  if (unknown.length > 0) {
    throw new UsageError(
      `Unknown fix ${unknown.map((id) => `"${id.slice(0, 60)}"`).join(', ')}; the fixes are ${registry.map((f) => f.meta.id).join(', ')}.`,
    );
  }
  return registry.filter((f) => ids.includes(f.meta.id));
}

/** What the run must read: every artifact the fixes' plans need and the checks they resolve need. */
export function artifactsFor(fixes: readonly Fix[]): ArtifactKind[] {
  const kinds = new Set<ArtifactKind>();
  for (const fix of fixes) {
    for (const kind of fix.requires) kinds.add(kind);
    for (const id of fix.meta.resolves) for (const kind of findCheck(id)?.requires ?? []) kinds.add(kind);
  }
  return [...kinds].sort();
}

/** The desks a desk fix is planned for: a check it resolves is not settled there (failing, undecided, manual). */
export function desksNeeding(fix: Fix, report: Report, snapshot: SiteSnapshot): ProjectSnapshot[] {
  if (fix.meta.scope === 'site') return [...snapshot.projects];
  const keys = new Set(
    report.projects
      .filter((p) => p.checks.some((c) => fix.meta.resolves.includes(c.id) && !SETTLED.includes(c.status)))
      .map((p) => p.key),
  );
  return snapshot.projects.filter((p) => keys.has(p.key));
}

/** Without --fix, a fix with nothing to change and nothing blocking it is left out of the output. */
export function worthShowing(plan: FixPlan, named: boolean): boolean {
  return named || plan.changes.length > 0 || plan.blockers.length > 0;
}
