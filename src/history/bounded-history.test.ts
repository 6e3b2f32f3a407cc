import type { HistoryEntry } from '../shared/resolver-api';
import { check, project, report } from '../email/testing/report-fixtures';
import { appendBounded, HISTORY_BYTE_BUDGET, historyBytes } from './bounded-history';
import { toHistoryEntry } from './history-entry';

const KVS_VALUE_LIMIT = 240 * 1024;

function smallEntry(i: number): HistoryEntry {
  return toHistoryEntry(`run-${i}`, report([check({ id: 'SA-TIMEZONE', status: i % 2 ? 'fail' : 'pass' })], [], new Date(Date.UTC(2026, 0, 1) + i * 864e5).toISOString()));
}

/** 200 desks, every project check failing or erroring, with long project keys. */
function hugeEntry(i: number): HistoryEntry {
  const ids = ['SA-PROJECT-ROLE', 'CUST-COVERAGE', 'WF-STATUS-BUCKETS', 'WF-ANY-TO-RESOLVED', 'WF-RESOLVE-SCREEN-ASSIGNEE', 'WF-RESOLVE-SCREEN-FIELDS'];
  const desks = Array.from({ length: 200 }, (_, d) =>
    project(`SERVICEDESK${d}`, ids.map((id, k) => check({ id, status: k % 3 === 0 ? 'error' : 'fail' }))),
  );
  return toHistoryEntry(`run-${i}`, report([], desks, new Date(Date.UTC(2026, 0, 1) + i * 864e5).toISOString()));
}

describe('appendBounded', () => {
  test('keeps the newest entries, oldest first, and never mutates its input', () => {
    let history: HistoryEntry[] = [];
    for (let i = 0; i < 100; i += 1) {
      const before = history;
      history = appendBounded(history, smallEntry(i));
      expect(before).not.toBe(history);
    }
    expect(history).toHaveLength(90);
    expect(history[0].runId).toBe('run-10');
    expect(history[89].runId).toBe('run-99');
    expect(appendBounded(history, smallEntry(100), 5).map((e) => e.runId)).toEqual(['run-96', 'run-97', 'run-98', 'run-99', 'run-100']);
  });

  test('appending the same run twice replaces it', () => {
    const once = appendBounded([smallEntry(1)], smallEntry(2));
    const twice = appendBounded(once, { ...smallEntry(2), ready: true });
    expect(twice.map((e) => e.runId)).toEqual(['run-1', 'run-2']);
    expect(twice[1].ready).toBe(true);
  });

  test('90 runs of 200 failing desks stay well under the 240 KiB value limit, counts intact', () => {
    let history: HistoryEntry[] = [];
    for (let i = 0; i < 90; i += 1) history = appendBounded(history, hugeEntry(i));
    const bytes = historyBytes(history);
    expect(bytes).toBeLessThanOrEqual(HISTORY_BYTE_BUDGET);
    expect(bytes).toBeLessThan(KVS_VALUE_LIMIT * 0.75);
    expect(history).toHaveLength(90); // capping lists was enough; no run was dropped
    for (const entry of history) {
      expect(entry.score.counts.fail).toBe(800);
      expect(entry.score.counts.error).toBe(400);
    }
    // The newest run keeps its full (per-entry capped) lists; older ones name fewer keys, required first.
    const newest = history[89];
    expect(newest.failing.length).toBeGreaterThan(history[0].failing.length);
    expect(newest.failing[0]).toBe('SERVICEDESK0:CUST-COVERAGE');
  });

  test('drops the oldest runs only when even keyless entries do not fit', () => {
    let history: HistoryEntry[] = [];
    for (let i = 0; i < 50; i += 1) history = appendBounded(history, hugeEntry(i), 90, 8_000);
    expect(historyBytes(history)).toBeLessThanOrEqual(8_000);
    expect(history.length).toBeGreaterThan(1);
    expect(history.length).toBeLessThan(50);
    expect(history[history.length - 1].runId).toBe('run-49');
  });
});
