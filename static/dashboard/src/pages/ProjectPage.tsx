/**
 * One service desk: its gate and score, then its own checks, failures first, warnings
 * next and the passing ones collapsed, with a "Failing only" switch and counts. The
 * site checks are one line with their state: on the admin page it opens the site page;
 * on the project settings page (where only a Jira administrator may change them) they
 * follow the desk's checks, read-only.
 */
import React from 'react';
import Heading from '@atlaskit/heading';
import EmptyState from '@atlaskit/empty-state';
import type { ProjectViewData } from '../../../../src/shared/resolver-api';
import { useResolver } from '../api/use-resolver';
import { useRecheck } from '../api/use-recheck';
import { ErrorView, Loading } from '../components/LoadStates';
import { CheckList } from '../components/CheckList';
import { GateLozenge } from '../components/StatusLozenge';
import { LinkButton } from '../components/LinkButton';
import { RecheckBar } from '../components/RecheckBar';
import { formatDateTime, gateDisplay } from '../model/status-display';
import { deskSummary, siteChecksSummary } from '../../../../src/shared/readiness-summary';
import { messages } from '../messages';
import { PageTitle } from '../components/PageTitle';

export interface ProjectPageProps {
  projectKey: string;
  onBack?: () => void;
  /** On the project settings page the site checks are shown for context only, after the desk's. */
  siteChecksReadOnly?: boolean;
  /** Opens the site checks' page (admin page only). */
  onOpenSite?: () => void;
}

export function ProjectPage({ projectKey, onBack, siteChecksReadOnly, onOpenSite }: ProjectPageProps) {
  const { state, reload, refresh } = useResolver('getProjectView', { projectKey });
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'error') return <ErrorView error={state.error} onRetry={reload} />;
  return <ProjectBody key={projectKey} data={state.data} projectKey={projectKey} onBack={onBack} siteChecksReadOnly={siteChecksReadOnly} onOpenSite={onOpenSite} onChanged={refresh} />;
}

function ProjectBody({ data, projectKey, onBack, siteChecksReadOnly, onOpenSite, onChanged }: ProjectPageProps & { data: ProjectViewData; onChanged: () => void }) {
  const recheck = useRecheck(onChanged, data.progress, [projectKey]);
  const p = data.project;
  // The desk's own checks, as its export and its History rows count them; the site's beside them, never mixed in.
  const desk = p ? deskSummary(p) : null;
  const site = siteChecksSummary({ checks: data.siteChecks });
  const siteToFix = site.failing.length + site.erroring.length;
  return (
    <section aria-labelledby="project-heading" className="mw-page" data-testid="project-page">
      <PageTitle id="project-heading" title={p ? `${p.name} (${p.key})` : projectKey} {...(onBack ? { back: { label: messages.project.back, onClick: onBack } } : {})} />
      {p && desk && (
        <dl className="mw-summary">
          <div>
            <dt>{messages.overview.gate}</dt>
            <dd data-testid="project-gate"><GateLozenge ready={desk.ready} large /></dd>
          </div>
          <div>
            <dt>{messages.overview.score}</dt>
            <dd data-testid="project-score">{messages.overview.scoreValue(desk.score)}</dd>
          </div>
          <div>
            <dt>{messages.overview.lastChecked}</dt>
            <dd>{formatDateTime(p.checkedAt ?? data.generatedAt)}</dd>
          </div>
        </dl>
      )}
      {data.siteChecks.length > 0 && (
        <p className="mw-site-line" data-testid="site-line">
          <GateLozenge ready={site.ready} /> {messages.site.summary(gateDisplay(site.ready).label, siteToFix)}{' '}
          {onOpenSite && !siteChecksReadOnly && <LinkButton onClick={onOpenSite} testId="open-site">{messages.site.open}</LinkButton>}
        </p>
      )}
      <RecheckBar {...recheck} onStart={recheck.start} label={messages.project.recheckProject} />
      <Heading size="medium" as="h2">{messages.project.projectChecks}</Heading>
      {p ? (
        <CheckList checks={p.checks} projectKey={p.key} onChanged={onChanged} fixes={data.fixes} fixesForOthers={data.fixesForOthers} idPrefix="desk" />
      ) : (
        <EmptyState header={messages.project.notChecked} headingLevel={3} />
      )}
      {siteChecksReadOnly && data.siteChecks.length > 0 && (
        <>
          <Heading size="medium" as="h2">{messages.project.siteChecks}</Heading>
          <p className="mw-muted">{messages.site.readOnly}</p>
          <CheckList checks={data.siteChecks} onChanged={onChanged} readOnly idPrefix="site" />
        </>
      )}
    </section>
  );
}
