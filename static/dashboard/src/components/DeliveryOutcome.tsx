/**
 * A report e-mail's outcome as the admin needs it: sent (to whom, about which
 * issue, and who Jira leaves out because they cannot see that issue), failed with
 * Jira's own message (400 recipient is the caller, 403 mail disabled, nobody can
 * see the issue…), or skipped with the reason. Used by Settings (test send) and History.
 */
import React from 'react';
import Lozenge from '@atlaskit/lozenge';
import type { DeliveryRecord, RecipientReach } from '../../../../src/shared/resolver-api';
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

/** Who Jira e-mails, who it leaves out (grouped by why), and what could not be checked. */
function reachDetail(reach: RecipientReach, outcome: DeliveryRecord['outcome']): string[] {
  return [...(outcome === 'sent' ? [m.reached(reach.reached.length, reach.issueKey)] : []), ...reachWarnings(reach)];
}

/** Only what needs the admin's attention: who Jira leaves out, and what could not be checked. */
export function reachWarnings(reach: RecipientReach): string[] {
  const lines: string[] = [];
  const byReason = new Map<string, string[]>();
  for (const d of reach.dropped) byReason.set(d.reason, [...(byReason.get(d.reason) ?? []), m.person(d.displayName ?? d.accountId, d.group)]);
  for (const [reason, names] of byReason) lines.push(m.notReached(reason, names.join(', ')));
  for (const reason of reach.unchecked ?? []) lines.push(m.unchecked(reason));
  return lines;
}

/**
 * What to say beside the outcome: Jira's message when there is one, then who the
 * e-mail reaches and who Jira leaves out (it answers "sent" either way).
 */
export function deliveryDetail(record: DeliveryRecord): string {
  const lines = record.message ? [record.message] : [];
  if (record.reach) lines.push(...reachDetail(record.reach, record.outcome));
  else if (record.outcome === 'sent') lines.push(m.sentTo(record.recipients?.users.length ?? 0, record.recipients?.groups.length ?? 0, record.issueKey));
  return lines.join(' ');
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
