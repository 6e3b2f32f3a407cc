/**
 * History and the "what changed" diff follow the stored report: a decision or a
 * fix's re-check changes the report without a run, and the newest History rows and
 * the statuses the diff compares are rewritten from the decorated report under the
 * same run; a stored report read back with decisions equals the engine judging with them.
 */
import { MemoryStore } from '../../src/forge/storage/memory-store';
import { storeReport } from '../../src/forge/storage/report-repo';
import { loadDecoratedReport } from '../../src/forge/storage/load-report';
import { putAttestation } from '../../src/forge/storage/decisions-repo';
import { appendProjectHistory, appendSiteHistory, lastDiff, listHistory } from '../../src/forge/storage/history-repo';
import { refreshHistoryAfterChange } from '../../src/forge/storage/refresh-history';
import { judge } from '../../src/engine/judge';
import { siteSummary } from '../../src/shared/readiness-summary';
import { project, serviceAccount, settings, site, ok } from '../../src/requirements/testing/snapshot-builder';
import type { Attestation } from '../../src/shared/report-model';

const NOW = new Date('2026-11-30T09:00:00.000Z');
const ATTESTATION: Attestation = { by: 'admin', byName: 'Ada Admin', at: '2026-11-30T08:00:00.000Z' };

const snapshot = site({ serviceAccount: ok(serviceAccount()), projects: [project({ key: 'HR', id: '10001', serviceDeskId: '2' })] });

async function twoRuns(store: MemoryStore) {
  const raw = judge(snapshot, settings(), { now: NOW });
  for (const runId of ['run-1', 'run-2']) {
    await storeReport(store, raw, runId);
    const decorated = (await loadDecoratedReport(store, NOW))!;
    await appendProjectHistory(store, decorated, 'HR', runId);
    await appendSiteHistory(store, decorated, runId);
  }
  return raw;
}

it('reads a stored report back with decisions exactly as the engine judges with them', async () => {
  const store = new MemoryStore();
  await storeReport(store, judge(snapshot, settings(), { now: NOW }), 'run-1');
  await putAttestation(store, 'MW-CONNECTOR', ATTESTATION);
  const stored = (await loadDecoratedReport(store, NOW))!;
  const fresh = judge(snapshot, settings({ attestations: { 'MW-CONNECTOR': ATTESTATION } }), { now: NOW });
  expect(stored.checks).toEqual(fresh.checks);
  expect(stored.projects.map((p) => [p.ready, p.score])).toEqual(fresh.projects.map((p) => [p.ready, p.score]));
  expect({ ready: stored.ready, score: stored.score }).toEqual({ ready: fresh.ready, score: fresh.score });
});

it('rewrites the newest site row and the diff from the report after an attestation, under the same run', async () => {
  const store = new MemoryStore();
  const raw = await twoRuns(store);
  expect(raw.checks.find((c) => c.id === 'MW-CONNECTOR')!.status).toBe('manual');

  await putAttestation(store, 'MW-CONNECTOR', ATTESTATION);
  await refreshHistoryAfterChange(store, NOW);

  const report = (await loadDecoratedReport(store, NOW))!;
  const [newest, older] = await listHistory(store);
  expect(newest).toMatchObject({ runId: 'run-2', ready: report.ready, score: report.score, failing: siteSummary(report).failing });
  expect(newest.score.requiredPassed).toBe(older.score.requiredPassed + 1);
  expect(await listHistory(store)).toHaveLength(2);
  // manual → pass is not "fixed" (nothing failed), and nothing else moved.
  expect(await lastDiff(store)).toEqual({ newlyFailing: [], fixed: [], stillFailing: expect.any(Array), newlyErroring: [] });
});

it('leaves History alone before the first finished run', async () => {
  const store = new MemoryStore();
  await storeReport(store, judge(snapshot, settings(), { now: NOW }), 'run-1');
  await refreshHistoryAfterChange(store, NOW, ['HR']);
  expect(await listHistory(store)).toEqual([]);
  expect(await listHistory(store, 'HR')).toEqual([]);
  expect(await lastDiff(store)).toBeNull();
});
