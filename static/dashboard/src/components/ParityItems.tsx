/**
 * The items of one parity comparison, grouped as an admin works through them: each
 * difference as its own card (the value on each side, what breaks in Moveworks, the
 * side to change and how), then what could not be compared and why, then what is the
 * same, collapsed. Every name is rendered as text.
 */
import React, { useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import type { ParityComparison, ParityItem } from '../../../../src/shared/parity-model';
import { messages } from '../messages';

const m = messages.parity;

const APPEARANCE: Record<ParityItem['state'], 'removed' | 'moved' | 'success'> = { different: 'removed', unknown: 'moved', same: 'success' };

function Where({ item }: { item: ParityItem }) {
  if (!item.workflow) return null;
  return (
    <p className="mw-muted mw-parity-where">
      {item.workflow}
      {item.issueTypes?.length ? ` · ${item.issueTypes.join(', ')}` : ''}
    </p>
  );
}

function Values({ item, comparison }: { item: ParityItem; comparison: ParityComparison }) {
  return (
    <dl className="mw-parity-values">
      <div>
        <dt>{m.side(m.columns.production, comparison.production.key)}</dt>
        <dd data-testid="parity-production">{item.production}</dd>
      </div>
      <div>
        <dt>{m.side(m.columns.nonProduction, comparison.nonProduction.key)}</dt>
        <dd data-testid="parity-non-production">{item.nonProduction}</dd>
      </div>
    </dl>
  );
}

/** A card per item that differs or could not be compared. */
function ItemCard({ item, comparison, idBase }: { item: ParityItem; comparison: ParityComparison; idBase: string }) {
  const side = item.fixOn === 'non-production' ? comparison.nonProduction.key : comparison.production.key;
  return (
    <li className={`mw-parity-item mw-parity-item-${item.state}`} data-testid="parity-item" data-state={item.state} aria-labelledby={idBase}>
      <div className="mw-parity-item-head">
        <Lozenge appearance={APPEARANCE[item.state]}>{m.state[item.state]}</Lozenge>
        <h4 id={idBase} className="mw-parity-subject">{item.subject}</h4>
      </div>
      <Where item={item} />
      <Values item={item} comparison={comparison} />
      {item.state === 'different' && (
        <SectionMessage appearance="warning" title={m.breaksTitle} headingLevel="h5">
          <p data-testid="parity-breaks">{item.breaks}</p>
          {item.remediation && (
            <p className="mw-parity-fix">
              <strong>{m.fixOn(side)}:</strong> <span data-testid="parity-fix">{item.remediation}</span>
            </p>
          )}
        </SectionMessage>
      )}
    </li>
  );
}

function SameItems({ items, comparison, pairKey }: { items: ParityItem[]; comparison: ParityComparison; pairKey: string }) {
  const [open, setOpen] = useState(false);
  return (
    <section className="mw-band" aria-labelledby={`${pairKey}-same`}>
      <h3 id={`${pairKey}-same`} className="mw-band-title">{m.sames(items.length)}</h3>
      <div>
        <Button appearance="subtle" aria-expanded={open} onClick={() => setOpen(!open)} testId={`parity-toggle-same-${pairKey}`}>
          {open ? m.hideSame : m.showSame(items.length)}
        </Button>
      </div>
      {open && (
        <div className="mw-parity-same">
          <table className="mw-table">
            <thead>
              <tr>
                <th scope="col">{m.columns.what}</th>
                <th scope="col">{m.side(m.columns.production, comparison.production.key)}</th>
                <th scope="col">{m.side(m.columns.nonProduction, comparison.nonProduction.key)}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, i) => (
                <tr key={i} data-testid="parity-item" data-state="same">
                  <td>
                    <div>{item.subject}</div>
                    <Where item={item} />
                  </td>
                  <td>{item.production}</td>
                  <td>{item.nonProduction}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function ParityItems({ comparison, pairKey }: { comparison: ParityComparison; pairKey: string }) {
  const of = (state: ParityItem['state']) => comparison.items.filter((i) => i.state === state);
  const group = (state: 'different' | 'unknown', title: string) => {
    const items = of(state);
    if (items.length === 0) return null;
    return (
      <section className="mw-band" aria-labelledby={`${pairKey}-${state}`}>
        <h3 id={`${pairKey}-${state}`} className="mw-band-title">{title}</h3>
        <ul className="mw-parity-list">
          {items.map((item, i) => (
            <ItemCard key={i} item={item} comparison={comparison} idBase={`${pairKey}-${state}-${i}`} />
          ))}
        </ul>
      </section>
    );
  };
  const same = of('same');
  return (
    <div className="mw-parity-items" data-testid={`parity-items-${pairKey}`}>
      {group('different', m.differences(comparison.counts.different))}
      {group('unknown', m.unknowns(comparison.counts.unknown))}
      {same.length > 0 && <SameItems items={same} comparison={comparison} pairKey={pairKey} />}
    </div>
  );
}
