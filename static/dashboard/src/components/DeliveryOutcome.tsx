/**
 * A report e-mail's outcome as the admin needs it: sent (to whom, about which
 * issue), failed with Jira's own message (400 recipient is the caller, 403 mail
 * disabled…), or skipped with the reason. Used by Settings (test send) and History.
 */
import React from 'react';
import Lozenge from '@atlaskit/lozenge';
import type { DeliveryRecord } from '../../../../src/shared/resolver-api';
import { formatDateTime } from '../model/status-display';
import { messages } from '../messages';

const m = messages.delivery;
const APPEARANCE = { sent: 'success', failed: 'removed', skipped: 'default' } as const;

export function OutcomeLozenge({ outcome }: { outcome: DeliveryRecord['outcome'] }) {
  return (
    <span data-outcome={outcome}>
      <Lozenge appearance={APPEARANCE[outcome]}>{m.outcomeNames[outcome]}</Lozenge>
    </span>
  );
}

/** What to say beside the outcome: Jira's message when there is one, else who it went to. */
export function deliveryDetail(record: DeliveryRecord): string {
  if (record.message) return record.message;
  if (record.outcome !== 'sent') return '';
  return m.sentTo(record.recipients?.users.length ?? 0, record.recipients?.groups.length ?? 0, record.issueKey);
}

export function DeliveriesTable({ deliveries }: { deliveries: DeliveryRecord[] }) {
  if (deliveries.length === 0) return <p>{m.empty}</p>;
  return (
    <table className="mw-table" data-testid="deliveries-table">
      <caption>{m.heading}</caption>
      <thead>
        <tr>
          <th scope="col">{m.at}</th>
          <th scope="col">{m.outcome}</th>
          <th scope="col">{m.subject}</th>
          <th scope="col">{m.detail}</th>
        </tr>
      </thead>
      <tbody>
        {deliveries.map((d) => (
          <tr key={`${d.runId}-${d.at}`}>
            <td>{formatDateTime(d.at)}</td>
            <td><OutcomeLozenge outcome={d.outcome} /></td>
            <td>{d.subject ?? ''}</td>
            <td>{deliveryDetail(d)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
