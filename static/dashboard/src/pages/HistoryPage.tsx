/** Exports (JSON, CSV, printable HTML, hand-off bundle), the run history with a score trend and what each run fixed or broke, the changes the app made in Jira, and the report e-mails. */
import React, { useState } from 'react';
import Heading from '@atlaskit/heading';
import Button from '@atlaskit/button/new';
import type { HistoryEntry, PayloadOf } from '../../../../src/shared/resolver-api';
import { useResolverClient } from '../api/client-context';
import { useResolver } from '../api/use-resolver';
import { ChangesMade } from '../components/ChangesMade';
import { DeliveriesTable } from '../components/DeliveryOutcome';
import { ErrorView, Loading } from '../components/LoadStates';
import { ProblemAlert } from '../components/ProblemAlert';
import { GateLozenge } from '../components/StatusLozenge';
import { downloadExport } from '../model/download';
import { formatDateTime } from '../model/status-display';
import { messages } from '../messages';

type Format = PayloadOf<'exportReport'>['format'];

const FORMATS: [Format, string][] = [
  ['json', messages.history.exportJson],
  ['csv', messages.history.exportCsv],
  ['html', messages.history.exportHtml],
  ['handoff', messages.history.exportHandoff],
];

function Exports({ projectKey }: { projectKey?: string }) {
  const client = useResolverClient();
  const [busy, setBusy] = useState<Format | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (format: Format) => {
    setBusy(format);
    setProblem(null);
    try {
      downloadExport(await client.call('exportReport', { format, ...(projectKey ? { projectKey } : {}) }));
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div>
      <Heading size="medium" as="h2">{messages.history.exportsHeading}</Heading>
      <div className="mw-actions">
        {FORMATS.map(([f, label]) => (
          <Button key={f} onClick={() => run(f)} isDisabled={busy !== null} testId={`export-${f}`}>
            {busy === f ? messages.history.exporting : label}
          </Button>
        ))}
      </div>
      <ProblemAlert problem={problem} />
    </div>
  );
}

/** A small SVG line of score over time; the table below carries the same data for screen readers. */
export function ScoreTrend({ entries }: { entries: HistoryEntry[] }) {
  const points = chronological(entries).filter((e) => e.score.percent !== null).slice(-30);
  if (points.length < 2) return null;
  const w = 480;
  const h = 100;
  const step = w / (points.length - 1);
  const path = points.map((e, i) => `${i === 0 ? 'M' : 'L'}${(i * step).toFixed(1)},${(h - ((e.score.percent as number) / 100) * h).toFixed(1)}`).join(' ');
  return (
    <svg role="img" aria-label={messages.history.chartLabel} viewBox={`0 0 ${w} ${h}`} width={w} height={h} className="mw-trend">
      <path d={path} fill="none" stroke="var(--ds-border-brand, #0c66e4)" strokeWidth={2} />
    </svg>
  );
}

function idList(ids: string[]): string {
  return ids.length ? ids.join(', ') : messages.history.none;
}

export interface RunRow {
  entry: HistoryEntry;
  /** Failing or undecided in the run before, passing now. */
  fixed: string[];
  /** Failing or undecided now, not in the run before. */
  regressed: string[];
}

/** Runs newest first, each with what it fixed and broke against the run before it. Order-proof: sorted by time. */
export function runRows(entries: HistoryEntry[]): RunRow[] {
  const oldestFirst = chronological(entries);
  const rows = oldestFirst.map((entry, i) => {
    const before = i > 0 ? new Set([...oldestFirst[i - 1].failing, ...oldestFirst[i - 1].erroring]) : null;
    const now = new Set([...entry.failing, ...entry.erroring]);
    return {
      entry,
      fixed: before ? [...before].filter((id) => !now.has(id)) : [],
      regressed: before ? [...now].filter((id) => !before.has(id)) : [],
    };
  });
  return rows.reverse();
}

/** Oldest first; a stable sort keeps runs of the same instant in the order given. */
function chronological(entries: HistoryEntry[]): HistoryEntry[] {
  return [...entries].sort((a, b) => a.at.localeCompare(b.at));
}

export function HistoryPage({ projectKey }: { projectKey?: string }) {
  const { state, reload } = useResolver('getHistory', projectKey ? { projectKey } : {});
  const m = messages.history;
  return (
    <section aria-labelledby="history-heading" className="mw-page">
      <Heading size="large" as="h1" id="history-heading">{m.heading}</Heading>
      <Exports projectKey={projectKey} />
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <ErrorView error={state.error} onRetry={reload} />}
      {state.kind === 'ready' && (
        <>
          {state.data.lastDiff && (
            <div>
              <Heading size="medium" as="h2">{m.lastDiff}</Heading>
              <dl className="mw-summary">
                <div><dt>{m.newlyFailing}</dt><dd>{idList(state.data.lastDiff.newlyFailing)}</dd></div>
                <div><dt>{m.fixed}</dt><dd>{idList(state.data.lastDiff.fixed)}</dd></div>
                <div><dt>{m.stillFailing}</dt><dd>{idList(state.data.lastDiff.stillFailing)}</dd></div>
              </dl>
            </div>
          )}
          <ScoreTrend entries={state.data.entries} />
          {state.data.entries.length === 0 ? (
            <p>{m.empty}</p>
          ) : (
            <table className="mw-table" data-testid="history-table">
              <caption className="mw-visually-hidden">{m.heading}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.at}</th>
                  <th scope="col">{m.gate}</th>
                  <th scope="col">{m.score}</th>
                  <th scope="col">{m.failing}</th>
                  <th scope="col">{m.erroring}</th>
                  <th scope="col">{m.runFixed}</th>
                  <th scope="col">{m.runRegressed}</th>
                </tr>
              </thead>
              <tbody>
                {runRows(state.data.entries).map(({ entry: e, fixed, regressed }) => (
                  <tr key={e.runId}>
                    <td>{formatDateTime(e.at)}</td>
                    <td><GateLozenge ready={e.ready} /></td>
                    <td>{m.scoreValue(e.score)}</td>
                    <td>{idList(e.failing)}</td>
                    <td>{idList(e.erroring)}</td>
                    <td>{idList(fixed)}</td>
                    <td>{idList(regressed)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {state.data.changes && <ChangesMade runs={state.data.changes} />}
          {!projectKey && <DeliveriesTable deliveries={state.data.deliveries} />}
        </>
      )}
    </section>
  );
}
