/** Every check of one service desk (site checks first), used on the admin page and the project settings page. */
import React from 'react';
import Heading from '@atlaskit/heading';
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import type { ProjectViewData } from '../../../../src/shared/resolver-api';
import { useResolver } from '../api/use-resolver';
import { useRecheck } from '../api/use-recheck';
import { ErrorView, Loading } from '../components/LoadStates';
import { CheckCard } from '../components/CheckCard';
import { GateLozenge } from '../components/StatusLozenge';
import { RecheckBar } from '../components/RecheckBar';
import { formatDateTime } from '../model/status-display';
import { deskSummary } from '../../../../src/shared/readiness-summary';
import { messages } from '../messages';

export interface ProjectPageProps {
  projectKey: string;
  onBack?: () => void;
  /** On the project settings page the site checks are shown for context only. */
  siteChecksReadOnly?: boolean;
}

export function ProjectPage({ projectKey, onBack, siteChecksReadOnly }: ProjectPageProps) {
  const { state, reload, refresh } = useResolver('getProjectView', { projectKey });
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'error') return <ErrorView error={state.error} onRetry={reload} />;
  return <ProjectBody key={projectKey} data={state.data} projectKey={projectKey} onBack={onBack} siteChecksReadOnly={siteChecksReadOnly} onChanged={refresh} />;
}

function ProjectBody({ data, projectKey, onBack, siteChecksReadOnly, onChanged }: ProjectPageProps & { data: ProjectViewData; onChanged: () => void }) {
  const recheck = useRecheck(onChanged, data.progress, [projectKey]);
  const p = data.project;
  // The desk's own checks, as its export and its History rows count them.
  const desk = p ? deskSummary(p) : null;
  return (
    <section aria-labelledby="project-heading" className="mw-page" data-testid="project-page">
      {onBack && <Button appearance="subtle" onClick={onBack}>{messages.project.back}</Button>}
      <Heading size="large" as="h1" id="project-heading">
        {p ? `${p.name} (${p.key})` : projectKey}
      </Heading>
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
      <RecheckBar {...recheck} onStart={recheck.start} label={messages.project.recheckProject} />
      {data.siteChecks.length > 0 && (
        <>
          <Heading size="medium" as="h2">{messages.project.siteChecks}</Heading>
          {data.siteChecks.map((c) => <CheckCard key={c.id} check={c} onChanged={onChanged} readOnly={siteChecksReadOnly} fixes={data.fixes} />)}
        </>
      )}
      <Heading size="medium" as="h2">{messages.project.projectChecks}</Heading>
      {p ? (
        p.checks.map((c) => <CheckCard key={c.id} check={c} projectKey={p.key} onChanged={onChanged} fixes={data.fixes} />)
      ) : (
        <EmptyState header={messages.project.notChecked} headingLevel={3} />
      )}
    </section>
  );
}
