/**
 * The overview reads each desk's summary (no evidence) once a finished run has vouched
 * for the summaries, and the whole stored report otherwise: before the first index, and
 * for a desk the index names that has no summary (stored before summaries existed).
 */
import { MemoryStore } from '../../src/forge/storage/memory-store';
import { KEYS } from '../../src/forge/storage/keys';
import { loadProjectsForOverview, pruneProjects, storeReport, storableProject } from '../../src/forge/storage/report-repo';
import { writeMissingSummaries, writeOverviewIndex } from '../../src/forge/storage/overview-index';
import { migrateStorage } from '../../src/forge/storage/migrate';
import { reportFor } from './helpers/reports';

const report = reportFor([{ key: 'HR', serviceDeskId: '1' }, { key: 'IT', serviceDeskId: '2' }], { endUserGroups: ['all-staff'], members: ['u1', 'u2'] });
const hasEvidence = (p: { checks: { evidence?: unknown }[] }) => p.checks.some((c) => c.evidence !== undefined);

it('reads whole reports until a finished run writes the index, then the summaries', async () => {
  const store = new MemoryStore();
  // Stored before summaries existed: whole values only.
  for (const p of report.projects) await store.set(KEYS.projectReport(p.key), storableProject(p, 'r0'));
  let read = await loadProjectsForOverview(store);
  expect(read.map((p) => p.key)).toEqual(['HR', 'IT']);
  expect(read.every(hasEvidence)).toBe(true);

  // The storage migration gives them their summaries; a run's finish then writes the index.
  await migrateStorage(store);
  await writeOverviewIndex(store, 'r1', read.map((p) => p.key));
  read = await loadProjectsForOverview(store);
  expect(read.map((p) => p.key)).toEqual(['HR', 'IT']);
  expect(read.some(hasEvidence)).toBe(false);
  // The summaries keep every status, so the gate and score computed from them are the whole report's.
  expect(read.map((p) => p.checks.map((c) => c.status))).toEqual(report.projects.map((p) => p.checks.map((c) => c.status)));
});

it('reads whole a desk the index names without a summary, and forgets a pruned desk', async () => {
  const store = new MemoryStore();
  await storeReport(store, report, 'r1');
  await writeOverviewIndex(store, 'r1', report.projects.map((p) => p.key));
  await store.delete(KEYS.projectSummary('IT'));
  const read = await loadProjectsForOverview(store);
  expect(read.map((p) => [p.key, hasEvidence(p)])).toEqual([['HR', false], ['IT', true]]);

  await pruneProjects(store, ['HR']);
  expect((await loadProjectsForOverview(store)).map((p) => p.key)).toEqual(['HR']);
  expect(store.keys().filter((k) => k.includes(':IT'))).toEqual([]);
});

it('gives every desk stored before summaries existed its summary, a page of 100 desks at a time, once', async () => {
  const store = new MemoryStore();
  const many = reportFor(
    Array.from({ length: 230 }, (_, i) => ({ key: `D${String(i).padStart(3, '0')}`, serviceDeskId: String(i + 1) })),
    { endUserGroups: ['all-staff'], members: ['u1'] },
  );
  await storeReport(store, { ...many, projects: many.projects.slice(0, 30) }, 'r1');
  for (const p of many.projects.slice(30)) await store.set(KEYS.projectReport(p.key), storableProject(p, 'r0'));
  const pages: (string | undefined)[] = [];
  const listPage = store.listPage.bind(store);
  store.listPage = async <T>(prefix: string, cursor?: string) => {
    if (prefix === KEYS.projectReportPrefix) pages.push(cursor);
    return listPage<T>(prefix, cursor);
  };

  expect(await writeMissingSummaries(store)).toBe(200);
  // Three pages of whole reports (100, 100, 30), never all 230 at once.
  expect(pages).toHaveLength(3);
  expect(store.keys().filter((k) => k.startsWith(KEYS.projectSummaryPrefix))).toHaveLength(230);
  const summary = await store.get<{ checks: { evidence?: unknown }[] }>(KEYS.projectSummary('D199'));
  expect(hasEvidence(summary!)).toBe(false);
  expect(await writeMissingSummaries(store)).toBe(0);
});
