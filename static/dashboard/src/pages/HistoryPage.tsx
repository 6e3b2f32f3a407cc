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
import { downloadExport } from '../model/download';
import { formatDateTime } from '../model/status-display';
import { formatDate } from '../../../../src/shared/dates';
import { CartesianGrid, Label, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { RunTable } from '../components/RunTable';
import { messages } from '../messages';
import { PageTitle } from '../components/PageTitle';

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

/** The score over the last runs as a labelled line chart: dated points, axes, a tooltip per point; the table below carries the same data. */
export function ScoreTrend({ entries }: { entries: HistoryEntry[] }) {
  const points = chronological(entries)
    .filter((e) => e.score.percent !== null)
    .slice(-TREND_RUNS)
    .map((e) => ({ at: e.at, day: formatDate(e.at), when: formatDateTime(e.at), score: e.score.percent as number }));
  if (points.length < 2) return null;
  const t = messages.trend;
  return (
    <figure className="mw-trend-figure" aria-labelledby="trend-caption" data-testid="score-trend">
      <figcaption id="trend-caption" className="mw-subhead">{messages.history.chartLabel}</figcaption>
      <div className="mw-trend-chart">
        <ResponsiveContainer width="100%" height="100%" minWidth={280} minHeight={200}>
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 24, left: 8 }} title={messages.history.chartLabel}>
            <CartesianGrid stroke="var(--ds-border, #091e4224)" strokeDasharray="3 3" />
            <XAxis dataKey="day" stroke="var(--ds-text-subtle, #44546f)" tick={{ fill: 'var(--ds-text-subtle, #44546f)', fontSize: 12 }}>
              <Label value={t.date} position="insideBottom" offset={-16} fill="var(--ds-text-subtle, #44546f)" />
            </XAxis>
            <YAxis domain={[0, 100]} stroke="var(--ds-text-subtle, #44546f)" tick={{ fill: 'var(--ds-text-subtle, #44546f)', fontSize: 12 }}>
              <Label value={t.score} angle={-90} position="insideLeft" fill="var(--ds-text-subtle, #44546f)" />
            </YAxis>
            <Tooltip
              formatter={(value) => [`${value}%`, messages.history.score]}
              labelFormatter={(_label, payload) => (payload?.[0]?.payload as { when?: string } | undefined)?.when ?? ''}
              contentStyle={{ background: 'var(--ds-surface-overlay, #fff)', color: 'var(--ds-text, #172b4d)', border: '1px solid var(--ds-border, #091e4224)' }}
            />
            <Line type="monotone" dataKey="score" name={messages.history.score} stroke="var(--ds-border-brand, #0c66e4)" strokeWidth={2} dot={{ r: 3 }} activeDot={{ r: 5 }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}

/** Runs the trend shows. */
const TREND_RUNS = 30;

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
      <PageTitle id="history-heading" title={m.heading} />
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
            <RunTable rows={runRows(state.data.entries)} />
          )}
          {state.data.changes && <ChangesMade runs={state.data.changes} />}
          {!projectKey && <DeliveriesTable deliveries={state.data.deliveries} />}
        </>
      )}
    </section>
  );
}
