/**
 * The overview's desks: the site's own row first (it opens the site page), then one
 * row per desk with its gate, score and the worst status per requirement group.
 * Search by key or name, filter by status, sort by name, gate or score, and pages of
 * 25, so a site with 1,000 desks renders 25 rows. A desk whose own checks pass while
 * the site checks fail says both: Moveworks needs the two.
 */
import React, { useMemo } from 'react';
import DynamicTable from '@atlaskit/dynamic-table';
import Lozenge from '@atlaskit/lozenge';
import type { CheckStatus, RequirementGroup } from '../../../../src/shared/report-model';
import { DESK_FILTERS, gateRank, matchesFilter, matchesSearch, type DeskFilter, type DeskRow } from '../model/desk-rows';
import { GROUPS } from '../model/matrix';
import { formatPercent } from '../../../../src/shared/readiness-summary';
import { messages } from '../messages';
import { TableTools, useTableView } from './TableTools';
import { GateLozenge, StatusLozenge } from './StatusLozenge';
import { LinkButton } from './LinkButton';

export const ROWS_PER_PAGE = 25;

export interface DeskTableProps {
  rows: DeskRow[];
  site: { ready: boolean | null; cells: Record<RequirementGroup, CheckStatus | undefined> };
  onOpenProject: (key: string) => void;
  onOpenSite: () => void;
}

function cell(status: CheckStatus | undefined) {
  return status ? <StatusLozenge status={status} /> : '—';
}

export function DeskTable({ rows, site, onOpenProject, onOpenSite }: DeskTableProps) {
  const m = messages.desks;
  const view = useTableView<DeskFilter>('all');
  const { query, filter, page } = view;
  const shown = useMemo(() => rows.filter((r) => matchesSearch(r, query) && matchesFilter(r, filter)), [rows, query, filter]);
  const siteNotReady = site.ready !== true;

  const head = {
    cells: [
      { key: 'desk', content: messages.overview.serviceDesk, isSortable: true },
      { key: 'gate', content: messages.overview.gate, isSortable: true },
      { key: 'score', content: m.score, isSortable: true },
      ...GROUPS.map((g) => ({ key: g, content: messages.groups[g] })),
    ],
  };
  const tableRows = shown.map((r) => ({
    key: r.key,
    'data-project': r.key,
    cells: [
      {
        key: r.name.toLowerCase(),
        content: (
          <LinkButton onClick={() => onOpenProject(r.key)}>
            {r.name === r.key ? r.key : `${r.name} (${r.key})`}
          </LinkButton>
        ),
      },
      {
        key: gateRank(r),
        content: (
          <>
            {r.checking ? (
              <span data-testid={`gate-${r.key}`} data-gate="checking"><Lozenge appearance="inprogress">{m.checking}</Lozenge></span>
            ) : (
              <span data-testid={`gate-${r.key}`}><GateLozenge ready={r.ready} /></span>
            )}
            {!r.unchecked && r.ready === true && siteNotReady && (
              <span className="mw-muted mw-site-caveat" data-testid={`site-caveat-${r.key}`}> {m.siteNotReady}</span>
            )}
          </>
        ),
      },
      { key: r.percent ?? -1, content: r.unchecked ? '—' : formatPercent(r.percent) },
      ...GROUPS.map((g) => ({ key: g, content: cell(r.cells[g]) })),
    ],
  }));

  return (
    <section aria-labelledby="desks-heading" className="mw-desks">
      <h2 id="desks-heading" className="mw-visually-hidden">{m.heading}</h2>
      <table className="mw-table mw-site-row" data-testid="site-row">
        <caption className="mw-visually-hidden">{messages.overview.siteRow}</caption>
        <thead>
          <tr>
            <th scope="col">{messages.overview.siteRow}</th>
            <th scope="col">{messages.overview.gate}</th>
            {GROUPS.map((g) => <th key={g} scope="col">{messages.groups[g]}</th>)}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">
              <LinkButton onClick={onOpenSite} testId="open-site">{m.siteRowOpens}</LinkButton>
            </th>
            <td data-testid="site-row-gate"><GateLozenge ready={site.ready} /></td>
            {GROUPS.map((g) => <td key={g}>{cell(site.cells[g])}</td>)}
          </tr>
        </tbody>
      </table>
      <TableTools name="desk" labels={m} filters={DESK_FILTERS} view={view}>
        <span className="mw-muted" role="status" data-testid="desk-count">{m.shown(shown.length, rows.length)}</span>
      </TableTools>
      <div data-testid="matrix" className="mw-matrix">
        <DynamicTable
          label={messages.overview.matrixCaption}
          head={head}
          rows={tableRows}
          rowsPerPage={ROWS_PER_PAGE}
          page={page}
          onSetPage={view.setPage}
          defaultSortKey="gate"
          defaultSortOrder="ASC"
          emptyView={<p>{rows.length === 0 ? messages.overview.noDesks : m.none}</p>}
          testId="desk-table"
        />
      </div>
    </section>
  );
}
