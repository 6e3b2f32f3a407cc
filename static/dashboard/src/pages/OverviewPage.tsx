/** Site gate, score, last checked, Re-check with live progress, the desks × groups matrix, and the fixes offered for every failing desk. */
import React, { useEffect } from 'react';
import Heading from '@atlaskit/heading';
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import type { OverviewData } from '../../../../src/shared/resolver-api';
import type { Report } from '../../../../src/shared/report-model';
import { useResolver } from '../api/use-resolver';
import { useRecheck } from '../api/use-recheck';
import { ErrorView, Loading } from '../components/LoadStates';
import { GateLozenge, StatusLozenge } from '../components/StatusLozenge';
import { RecheckBar } from '../components/RecheckBar';
import { EveryDeskFixes } from '../components/EveryDeskFixes';
import { siteSummary } from '../../../../src/shared/readiness-summary';
import { buildMatrix, GROUPS, siteCells } from '../model/matrix';
import { formatDateTime } from '../model/status-display';
import { messages } from '../messages';
import { markFirstReportRender } from '../model/first-render';

export interface OverviewProps {
  onOpenProject: (key: string) => void;
  onOpenSettings: () => void;
}

export function OverviewPage(props: OverviewProps) {
  const { state, reload, refresh } = useResolver('getOverview', {});
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'error') return <ErrorView error={state.error} onRetry={reload} />;
  return <OverviewBody data={state.data} onChanged={refresh} {...props} />;
}

function OverviewBody({ data, onChanged, onOpenProject, onOpenSettings }: OverviewProps & { data: OverviewData; onChanged: () => void }) {
  const recheck = useRecheck(onChanged, data.progress);
  const report = data.report;
  const hasReport = report !== null;
  useEffect(() => {
    // Measured by the browser test: time from navigation to the first paint of a stored report.
    if (hasReport) markFirstReportRender();
  }, [hasReport]);
  return (
    <section aria-labelledby="overview-heading" className="mw-page">
      <Heading size="large" as="h1" id="overview-heading">
        {messages.overview.heading}
      </Heading>
      {report ? (
        <ReportSummary report={report} />
      ) : (
        <EmptyState
          header={messages.overview.emptyTitle}
          headingLevel={2}
          description={data.settingsConfigured ? messages.overview.emptyBody : messages.overview.emptyNeedsSettings}
          primaryAction={data.settingsConfigured ? undefined : <Button appearance="primary" onClick={onOpenSettings}>{messages.overview.goToSettings}</Button>}
        />
      )}
      <RecheckBar {...recheck} onStart={recheck.start} label={report ? messages.overview.recheck : messages.overview.runFirst} />
      {report && <Matrix report={report} onOpenProject={onOpenProject} />}
      {report && data.fixes && <EveryDeskFixes report={report} fixes={data.fixes} onChanged={onChanged} />}
    </section>
  );
}

function ReportSummary({ report }: { report: Report }) {
  // The same summary History, the e-mail, the exports and the CLI read.
  const site = siteSummary(report);
  return (
    <dl className="mw-summary">
      <div>
        <dt>{messages.overview.gate}</dt>
        <dd data-testid="site-gate"><GateLozenge ready={site.ready} large /></dd>
      </div>
      <div>
        <dt>{messages.overview.score}</dt>
        <dd data-testid="site-score">{messages.overview.scoreValue(site.score)}</dd>
      </div>
      <div>
        <dt>{messages.overview.lastChecked}</dt>
        <dd>{formatDateTime(report.generatedAt)}</dd>
      </div>
    </dl>
  );
}

function Matrix({ report, onOpenProject }: { report: Report; onOpenProject: (key: string) => void }) {
  const rows = buildMatrix(report);
  const ready = siteSummary(report).ready;
  const site = siteCells(report);
  if (rows.length === 0) return <p>{messages.overview.noDesks}</p>;
  return (
    <table className="mw-table mw-matrix" data-testid="matrix">
      <caption>{messages.overview.matrixCaption}</caption>
      <thead>
        <tr>
          <th scope="col">{messages.overview.serviceDesk}</th>
          <th scope="col">{messages.overview.gate}</th>
          {GROUPS.map((g) => <th key={g} scope="col">{messages.groups[g]}</th>)}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">{messages.overview.siteRow}</th>
          <td><GateLozenge ready={ready} /></td>
          {GROUPS.map((g) => {
            const worst = site[g];
            return <td key={g}>{worst ? <StatusLozenge status={worst} /> : '—'}</td>;
          })}
        </tr>
        {rows.map((r) => (
          <tr key={r.key} data-project={r.key}>
            <th scope="row">
              <Button appearance="subtle" onClick={() => onOpenProject(r.key)}>
                {`${r.name} (${r.key})`}
              </Button>
            </th>
            <td data-testid={`gate-${r.key}`}><GateLozenge ready={r.ready} /></td>
            {GROUPS.map((g) => {
              const s = r.cells[g];
              return <td key={g}>{s ? <StatusLozenge status={s} /> : '—'}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
