/**
 * The overview, led by what blocks Moveworks: the steps in the order to do them (with
 * their fixes), then the site gate, score and re-check with live progress, then every
 * desk (search, filter, sort, pages). While a run goes on every desk it checks is
 * listed, unfinished ones as "Checking…", and the score is marked provisional.
 */
import React, { useEffect } from 'react';
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import type { OverviewData, RunProgress } from '../../../../src/shared/resolver-api';
import type { Report } from '../../../../src/shared/report-model';
import { useResolver } from '../api/use-resolver';
import { useRecheck } from '../api/use-recheck';
import { ErrorView, Loading } from '../components/LoadStates';
import { GateLozenge } from '../components/StatusLozenge';
import { RecheckBar } from '../components/RecheckBar';
import { EveryDeskFixes } from '../components/EveryDeskFixes';
import { WhatBlocks, fixesForStep } from '../components/WhatBlocks';
import { DeskTable } from '../components/DeskTable';
import { siteChecksSummary, siteSummary } from '../../../../src/shared/readiness-summary';
import { nextSteps } from '../../../../src/shared/next-steps';
import { siteCells } from '../model/matrix';
import { deskRows } from '../model/desk-rows';
import { formatDateTime } from '../model/status-display';
import { messages } from '../messages';
import { ServiceAccountNotice } from '../components/ServiceAccountNotice';
import { markFirstReportRender } from '../model/first-render';
import { PageTitle } from '../components/PageTitle';

export interface OverviewProps {
  onOpenProject: (key: string) => void;
  onOpenSettings: () => void;
  /** The site checks' own page. */
  onOpenSite?: () => void;
}

export function OverviewPage(props: OverviewProps) {
  const { state, reload, refresh } = useResolver('getOverview', {});
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'error') return <ErrorView error={state.error} onRetry={reload} />;
  return <OverviewBody data={state.data} onChanged={refresh} {...props} />;
}

function OverviewBody({ data, onChanged, onOpenProject, onOpenSettings, onOpenSite = () => undefined }: OverviewProps & { data: OverviewData; onChanged: () => void }) {
  const recheck = useRecheck(onChanged, data.progress);
  const report = data.report;
  const hasReport = report !== null;
  const progress = recheck.progress;
  const running = progress?.state === 'running' ? progress : null;
  useEffect(() => {
    // Measured by the browser test: time from navigation to the first paint of a stored report.
    if (hasReport) markFirstReportRender();
  }, [hasReport]);
  const rows = deskRows(report, running);
  const fixes = data.fixes ?? [];
  // Fixes a step already offers are not offered again below; the rest (warnings) keep their every-desk button.
  const offered = new Set(report ? nextSteps(report).flatMap((s) => fixesForStep(s, fixes).map((f) => f.id)) : []);
  return (
    <section aria-labelledby="overview-heading" className="mw-page">
      <PageTitle id="overview-heading" title={messages.overview.heading} />
      <ServiceAccountNotice configured={data.settingsConfigured} hasReport={report !== null} onOpenSettings={onOpenSettings} />
      {report ? (
        <ReportSummary report={report} running={running} />
      ) : (
        !running && (
          <EmptyState
            header={messages.overview.emptyTitle}
            headingLevel={2}
            description={data.settingsConfigured ? messages.overview.emptyBody : messages.overview.emptyNeedsSettings}
            primaryAction={data.settingsConfigured ? undefined : <Button appearance="primary" onClick={onOpenSettings}>{messages.overview.goToSettings}</Button>}
          />
        )
      )}
      <RecheckBar {...recheck} onStart={recheck.start} label={report ? messages.overview.recheck : messages.overview.runFirst} />
      {report && <WhatBlocks report={report} fixes={fixes} provisional={running !== null} onOpenProject={onOpenProject} onOpenSite={onOpenSite} onChanged={onChanged} />}
      {(report || rows.length > 0) && (
        <DeskTable
          rows={rows}
          site={{ ready: report ? siteChecksSummary(report).ready : null, cells: report ? siteCells(report) : { 'service-account': undefined, moveworks: undefined, customers: undefined, workflows: undefined } }}
          onOpenProject={onOpenProject}
          onOpenSite={onOpenSite}
        />
      )}
      {report && <EveryDeskFixes report={report} fixes={fixes.filter((f) => !offered.has(f.id))} onChanged={onChanged} />}
    </section>
  );
}

function ReportSummary({ report, running }: { report: Report; running: RunProgress | null }) {
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
        {running && (
          <dd className="mw-muted" data-testid="score-provisional">{messages.desks.provisional(running.projectsDone, running.projectsTotal)}</dd>
        )}
      </div>
      <div>
        <dt>{messages.overview.lastChecked}</dt>
        <dd>{formatDateTime(report.generatedAt)}</dd>
      </div>
    </dl>
  );
}
