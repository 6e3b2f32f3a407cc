/**
 * History's runs, newest first: when, gate, score, what failed or could not be decided,
 * and what each run fixed and broke against the one before. Search by check id or desk
 * key, filter by gate or "something changed", sort by time, gate or score, pages of 25,
 * so a year of daily runs on a 1,000-desk site stays one screen.
 */
import React, { useMemo } from 'react';
import DynamicTable from '@atlaskit/dynamic-table';
import type { HistoryEntry } from '../../../../src/shared/resolver-api';
import { formatDateTime } from '../model/status-display';
import { messages } from '../messages';
import { TableTools, useTableView } from './TableTools';
import { GateLozenge } from './StatusLozenge';

export interface RunTableRow {
  entry: HistoryEntry;
  fixed: string[];
  regressed: string[];
}

export type RunFilter = 'all' | 'not-ready' | 'ready' | 'changed';
const RUN_FILTERS: readonly RunFilter[] = ['all', 'not-ready', 'ready', 'changed'];
const ROWS_PER_PAGE = 25;

/** Pure: the runs a search (check id or desk key, case-insensitive) and a filter leave. */
export function filterRuns(rows: readonly RunTableRow[], query: string, filter: RunFilter): RunTableRow[] {
  const q = query.trim().toLowerCase();
  return rows.filter((r) => {
    if (filter === 'ready' && r.entry.ready !== true) return false;
    if (filter === 'not-ready' && r.entry.ready !== false) return false;
    if (filter === 'changed' && r.fixed.length + r.regressed.length === 0) return false;
    if (!q) return true;
    return [...r.entry.failing, ...r.entry.erroring, ...r.fixed, ...r.regressed].some((k) => k.toLowerCase().includes(q));
  });
}

function idList(ids: string[]): string {
  return ids.length ? ids.join(', ') : messages.history.none;
}

export function RunTable({ rows }: { rows: RunTableRow[] }) {
  const m = messages.history;
  const t = messages.trend;
  const view = useTableView<RunFilter>('all');
  const { query, filter, page } = view;
  const shown = useMemo(() => filterRuns(rows, query, filter), [rows, query, filter]);
  const head = {
    cells: [
      { key: 'at', content: m.at, isSortable: true },
      { key: 'gate', content: m.gate, isSortable: true },
      { key: 'score', content: m.score, isSortable: true },
      { key: 'failing', content: m.failing },
      { key: 'erroring', content: m.erroring },
      { key: 'fixed', content: m.runFixed },
      { key: 'regressed', content: m.runRegressed },
    ],
  };
  const tableRows = shown.map(({ entry: e, fixed, regressed }) => ({
    key: e.runId,
    cells: [
      { key: e.at, content: formatDateTime(e.at) },
      { key: e.ready === false ? 0 : e.ready === null ? 1 : 2, content: <GateLozenge ready={e.ready} /> },
      { key: e.score.percent ?? -1, content: m.scoreValue(e.score) },
      { key: 'failing', content: idList(e.failing) },
      { key: 'erroring', content: idList(e.erroring) },
      { key: 'fixed', content: idList(fixed) },
      { key: 'regressed', content: idList(regressed) },
    ],
  }));
  return (
    <section aria-labelledby="runs-heading" className="mw-runs">
      <h2 id="runs-heading" className="mw-visually-hidden">{t.runs}</h2>
      <TableTools name="run" labels={t} filters={RUN_FILTERS} view={view} />
      <div data-testid="history-table" className="mw-run-table">
        <DynamicTable label={m.heading} head={head} rows={tableRows} rowsPerPage={ROWS_PER_PAGE} page={page} onSetPage={view.setPage} emptyView={<p>{t.none}</p>} testId="run-table" />
      </div>
    </section>
  );
}
