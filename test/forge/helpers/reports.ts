/** Real reports from the engine's judge over the check builders' snapshots. */
import { judge } from '../../../src/engine/judge';
import type { Report } from '../../../src/shared/report-model';
import { project, serviceAccount, settings, site, ok } from '../../../src/requirements/testing/snapshot-builder';
import type { ProjectSnapshot } from '../../../src/gather/snapshot';

export function reportFor(projects: Partial<ProjectSnapshot>[], options: { endUserGroups?: string[]; members?: string[]; now?: Date } = {}): Report {
  const groups = options.endUserGroups ?? [];
  const snapshot = site({
    serviceAccount: ok(serviceAccount()),
    endUserGroups: Object.fromEntries(
      groups.map((g) => [g, ok({ name: g, members: (options.members ?? []).map((accountId) => ({ accountId, displayName: `User ${accountId}` })) })]),
    ),
    projects: projects.map((p) => project(p)),
  });
  return judge(snapshot, settings({ endUserGroups: groups }), { now: options.now ?? new Date('2026-11-30T09:00:00.000Z') });
}
