/**
 * Non-production parity, side by side: for each pair (on a desk's page, that desk's
 * pairs), production and the non-production desk Moveworks was tuned on, differences
 * first, each with what breaks in Moveworks and the side to change (ParityItems), the
 * items that match collapsed. Every name is rendered as text.
 */
import React from 'react';
import Lozenge from '@atlaskit/lozenge';
import EmptyState from '@atlaskit/empty-state';
import SectionMessage from '@atlaskit/section-message';
import type { ParityComparison, ParityPairView } from '../../../../src/shared/parity-model';
import { useResolver } from '../api/use-resolver';
import { ErrorView, Loading } from '../components/LoadStates';
import { ParityItems } from '../components/ParityItems';
import { formatDateTime } from '../model/status-display';
import { messages } from '../messages';
import { PageTitle } from '../components/PageTitle';

const m = messages.parity;

/** One side of a pair: which desk, on which site, checked when. */
function DeskSide({ label, desk }: { label: string; desk: ParityComparison['production'] }) {
  return (
    <div className="mw-parity-desk">
      <span className="mw-parity-desk-label">{label}</span>
      <span className="mw-parity-desk-name">
        {desk.name} ({desk.key})
      </span>
      <span className="mw-muted">
        {desk.baseUrl} · {m.checkedAt(formatDateTime(desk.generatedAt))}
      </span>
    </div>
  );
}

function PairView({ view }: { view: ParityPairView }) {
  const { pair, comparison } = view;
  const pairKey = `${pair.production}-${pair.nonProduction}`;
  const title = m.pairTitle(pair.production, pair.nonProduction, pair.source === 'imported');
  const headingId = `parity-title-${pairKey}`;
  return (
    <section className="mw-parity-pair" aria-labelledby={headingId} data-testid={`parity-pair-${pairKey}`}>
      <header className="mw-parity-pair-head">
        <h2 id={headingId} className="mw-section-title">
          {title}
        </h2>
        {comparison && (
          <Lozenge appearance={comparison.matches ? 'success' : comparison.counts.different > 0 ? 'removed' : 'moved'} testId="parity-headline">
            {m.headline(comparison.counts.different, comparison.counts.unknown)}
          </Lozenge>
        )}
      </header>
      {!comparison ? (
        <SectionMessage appearance="information">
          <p>{view.note}</p>
        </SectionMessage>
      ) : (
        <>
          <div className="mw-parity-desks">
            <DeskSide label={m.columns.production} desk={comparison.production} />
            <span className="mw-parity-arrow" aria-hidden="true">
              ↔
            </span>
            <DeskSide label={m.columns.nonProduction} desk={comparison.nonProduction} />
          </div>
          <ParityItems comparison={comparison} pairKey={pairKey} />
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
    <section aria-labelledby="parity-heading" className="mw-page mw-parity-page" data-testid="parity-page">
      <PageTitle id="parity-heading" title={m.heading} />
      <p className="mw-parity-intro">{m.intro}</p>
      {view.pairs.length === 0 ? (
        <EmptyState header={m.noPairs} description={projectKey ? m.noPairsProject : m.noPairsAdmin} headingLevel={2} />
      ) : (
        view.pairs.map((p) => <PairView key={`${p.pair.production}-${p.pair.nonProduction}-${p.pair.source ?? 'site'}`} view={p} />)
      )}
    </section>
  );
}
