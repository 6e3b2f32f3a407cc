/**
 * Non-production parity, side by side: for each pair (on a desk's page, that desk's
 * pairs), production and the non-production desk Moveworks was tuned on, differences
 * first, each with what breaks in Moveworks and the side to change. Every name is
 * rendered as text.
 */
import React from 'react';
import Lozenge from '@atlaskit/lozenge';
import EmptyState from '@atlaskit/empty-state';
import SectionMessage from '@atlaskit/section-message';
import DynamicTable from '@atlaskit/dynamic-table';
import type { ParityComparison, ParityItem, ParityPairView } from '../../../../src/shared/parity-model';
import { useResolver } from '../api/use-resolver';
import { ErrorView, Loading } from '../components/LoadStates';
import { formatDateTime } from '../model/status-display';
import { messages } from '../messages';
import { PageTitle } from '../components/PageTitle';

const m = messages.parity;

const APPEARANCE: Record<ParityItem['state'], 'removed' | 'moved' | 'success'> = { different: 'removed', unknown: 'moved', same: 'success' };

function ItemsTable({ comparison, pairKey }: { comparison: ParityComparison; pairKey: string }) {
  const head = {
    cells: [
      { key: 'state', content: m.columns.state },
      { key: 'what', content: m.columns.what },
      { key: 'production', content: `${m.columns.production} (${comparison.production.key})` },
      { key: 'nonProduction', content: `${m.columns.nonProduction} (${comparison.nonProduction.key})` },
      { key: 'breaks', content: m.columns.breaks },
    ],
  };
  const rows = comparison.items.map((item, i) => ({
    key: `${pairKey}-${i}`,
    cells: [
      { key: 'state', content: <Lozenge appearance={APPEARANCE[item.state]}>{m.state[item.state]}</Lozenge> },
      {
        key: 'what',
        content: (
          <>
            <div>{item.subject}</div>
            {item.workflow && <div className="mw-muted">{item.workflow}{item.issueTypes?.length ? ` · ${item.issueTypes.join(', ')}` : ''}</div>}
          </>
        ),
      },
      { key: 'production', content: item.production },
      { key: 'nonProduction', content: item.nonProduction },
      {
        key: 'breaks',
        content:
          item.state === 'different' ? (
            <>
              <div>{item.breaks}</div>
              <div className="mw-muted">{m.fixOn(item.fixOn === 'non-production' ? comparison.nonProduction.key : comparison.production.key, item.remediation ?? '')}</div>
            </>
          ) : (
            ''
          ),
      },
    ],
  }));
  return <DynamicTable head={head} rows={rows} testId={`parity-items-${pairKey}`} />;
}

function PairView({ view }: { view: ParityPairView }) {
  const { pair, comparison } = view;
  const pairKey = `${pair.production}-${pair.nonProduction}`;
  const title = m.pairTitle(pair.production, pair.nonProduction, pair.source === 'imported');
  return (
    <section className="mw-fieldset" aria-label={title} data-testid={`parity-pair-${pairKey}`}>
      <h2 className="mw-section-title">
        {title}{' '}
        {comparison && <Lozenge appearance={comparison.matches ? 'success' : comparison.counts.different > 0 ? 'removed' : 'moved'}>{m.headline(comparison.counts.different, comparison.counts.unknown)}</Lozenge>}
      </h2>
      {!comparison ? (
        <SectionMessage appearance="information">
          <p>{view.note}</p>
        </SectionMessage>
      ) : (
        <>
          <div className="mw-side-by-side">
            <p>
              <strong>{m.columns.production}</strong>: {comparison.production.name} ({comparison.production.key}) · {comparison.production.baseUrl} · {formatDateTime(comparison.production.generatedAt)}
            </p>
            <p>
              <strong>{m.columns.nonProduction}</strong>: {comparison.nonProduction.name} ({comparison.nonProduction.key}) · {comparison.nonProduction.baseUrl} · {formatDateTime(comparison.nonProduction.generatedAt)}
            </p>
          </div>
          <ItemsTable comparison={comparison} pairKey={pairKey} />
        </>
      )}
    </section>
  );
}

export function ParityPage({ projectKey }: { projectKey?: string }) {
  const { state, reload } = useResolver('getParity', projectKey ? { projectKey } : {});
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'error') return <ErrorView error={state.error} onRetry={reload} />;
  const view = state.data;
  return (
    <section aria-labelledby="parity-heading" className="mw-page" data-testid="parity-page">
      <PageTitle id="parity-heading" title={m.heading} />
      <p>{m.intro}</p>
      {view.pairs.length === 0 ? (
        <EmptyState header={m.noPairs} description={projectKey ? m.noPairsProject : m.noPairsAdmin} headingLevel={2} />
      ) : (
        view.pairs.map((p) => <PairView key={`${p.pair.production}-${p.pair.nonProduction}-${p.pair.source ?? 'site'}`} view={p} />)
      )}
    </section>
  );
}
