/** The site checks on a page of their own (the overview's Site row opens it): the service account and the Moveworks app and connector, failures first. */
import React from 'react';
import EmptyState from '@atlaskit/empty-state';
import type { SiteViewData } from '../../../../src/shared/resolver-api';
import { siteChecksSummary } from '../../../../src/shared/readiness-summary';
import { useResolver } from '../api/use-resolver';
import { ErrorView, Loading } from '../components/LoadStates';
import { GateLozenge } from '../components/StatusLozenge';
import { CheckList } from '../components/CheckList';
import { formatDateTime } from '../model/status-display';
import { messages } from '../messages';
import { PageTitle } from '../components/PageTitle';

export function SitePage({ onBack }: { onBack?: () => void }) {
  const { state, reload, refresh } = useResolver('getSiteView', {});
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'error') return <ErrorView error={state.error} onRetry={reload} />;
  return <SiteBody data={state.data} onBack={onBack} onChanged={refresh} />;
}

function SiteBody({ data, onBack, onChanged }: { data: SiteViewData; onBack?: () => void; onChanged: () => void }) {
  const m = messages.site;
  const site = siteChecksSummary({ checks: data.siteChecks });
  return (
    <section aria-labelledby="site-heading" className="mw-page" data-testid="site-page">
      <PageTitle id="site-heading" title={m.heading} {...(onBack ? { back: { label: m.back, onClick: onBack } } : {})} />
      <p className="mw-muted">{m.intro}</p>
      {data.siteChecks.length === 0 ? (
        <EmptyState header={m.empty} headingLevel={2} />
      ) : (
        <>
          <dl className="mw-summary">
            <div>
              <dt>{messages.overview.gate}</dt>
              <dd data-testid="site-page-gate"><GateLozenge ready={site.ready} large /></dd>
            </div>
            <div>
              <dt>{messages.overview.score}</dt>
              <dd>{messages.overview.scoreValue(site.score)}</dd>
            </div>
            <div>
              <dt>{messages.overview.lastChecked}</dt>
              <dd>{formatDateTime(data.generatedAt)}</dd>
            </div>
          </dl>
          <CheckList checks={data.siteChecks} onChanged={onChanged} fixes={data.fixes} idPrefix="site" />
        </>
      )}
    </section>
  );
}
