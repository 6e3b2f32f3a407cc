import React from 'react';
import type { FixResult } from '../../../../src/shared/resolver-api';
import { messages } from '../messages';
import { StatusLozenge } from './StatusLozenge';

export function FixResults({ result }: { result: FixResult }) {
  return (
    <div className="mw-fix-results" role="status" data-testid="fix-results">
      <table className="mw-table">
        <caption>{messages.fix.resultsTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{messages.fix.item}</th>
            <th scope="col">{messages.fix.outcome}</th>
          </tr>
        </thead>
        <tbody>
          {result.items.map((i) => (
            <tr key={i.item} data-outcome={i.outcome}>
              <td>{i.displayName ? `${i.displayName} (${i.item})` : i.item}</td>
              <td>
                {messages.fix.outcomes[i.outcome]}
                {i.message ? `: ${i.message}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.incomplete && <p>{messages.fix.incomplete(result.incomplete)}</p>}
      {result.recheckQueued && <p>{messages.fix.recheckQueued}</p>}
      {result.rechecked.map((c) => (
        <p key={c.id}>
          <StatusLozenge status={c.status} /> {messages.fix.rechecked(`${c.id}: ${c.summary}`)}
        </p>
      ))}
    </div>
  );
}
