/**
 * The overview reads each desk's summary (no evidence) once a finished run has vouched
 * for the summaries, and the whole stored report otherwise: before the first index, and
 * for a desk the index names that has no summary (stored before summaries existed).
 */
import { MemoryStore } from '../../src/forge/storage/memory-store';
import { KEYS } from '../../src/forge/storage/keys';
import { loadProjectsForOverview, pruneProjects, storeReport, storableProject } from '../../src/forge/storage/report-repo';
import { writeOverviewIndex } from '../../src/forge/storage/overview-index';
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

  await writeOverviewIndex(store, 'r1', read);
  read = await loadProjectsForOverview(store);
  expect(read.map((p) => p.key)).toEqual(['HR', 'IT']);
  expect(read.some(hasEvidence)).toBe(false);
  // The summaries keep every status, so the gate and score computed from them are the whole report's.
  expect(read.map((p) => p.checks.map((c) => c.status))).toEqual(report.projects.map((p) => p.checks.map((c) => c.status)));
});

it('reads whole a desk the index names without a summary, and forgets a pruned desk', async () => {
  const store = new MemoryStore();
  await storeReport(store, report, 'r1');
  await writeOverviewIndex(store, 'r1', report.projects.map((p) => storableProject(p, 'r1')));
  await store.delete(KEYS.projectSummary('IT'));
  const read = await loadProjectsForOverview(store);
  expect(read.map((p) => [p.key, hasEvidence(p)])).toEqual([['HR', false], ['IT', true]]);

  await pruneProjects(store, ['HR']);
  expect((await loadProjectsForOverview(store)).map((p) => p.key)).toEqual(['HR']);
  expect(store.keys().filter((k) => k.includes(':IT'))).toEqual([]);
});
