/**
 * An admin's decisions on a check, as a card shows them: one line for an attestation
 * (it replaces the check's summary, so it is said once, in the one date format) or an
 * acknowledgement, and the buttons and dialogs to make or undo them. A check that
 * could not be checked (error) is never offered for acknowledging: there is nothing
 * to accept until what it names is fixed, and the resolver refuses it too.
 */
import React, { useState } from 'react';
import Button from '@atlaskit/button/new';
import type { CheckResult } from '../../../../src/shared/report-model';
import { useResolverClient } from '../api/client-context';
import { messages } from '../messages';
import { formatDateTime, formatDay } from '../model/status-display';
import { ReasonDialog } from './ReasonDialog';

/** The line an attested check shows in place of its summary. */
export function attestationLine(check: CheckResult): string | null {
  const a = check.attestation;
  return a ? messages.attest.by(a.byName ?? a.by, formatDateTime(a.at), a.note) : null;
}

export function canAcknowledge(check: CheckResult): boolean {
  return (check.status === 'fail' || check.status === 'warn') && !check.acknowledgement;
}

export function AcknowledgementLine({ check }: { check: CheckResult }) {
  const ack = check.acknowledgement;
  if (!ack) return null;
  return (
    <p className="mw-muted" data-testid="acknowledgement-line">
      {messages.ack.by(ack.byName ?? ack.by, formatDateTime(ack.at), ack.reason)}
      {ack.expiresAt ? messages.ack.until(formatDay(ack.expiresAt)) : ''}
    </p>
  );
}

export interface DecisionActionsProps {
  check: CheckResult;
  projectKey?: string;
  busy: boolean;
  /** Runs a call that changes the check, then refreshes the page (errors shown by the card). */
  act: (work: () => Promise<void>) => void;
  onChanged: () => void;
}

export function DecisionActions({ check, projectKey, busy, act, onChanged }: DecisionActionsProps) {
  const client = useResolverClient();
  const [dialog, setDialog] = useState<'ack' | 'attest' | null>(null);
  return (
    <>
      {check.status === 'manual' && !check.attestation && (
        <Button onClick={() => setDialog('attest')} isDisabled={busy}>{messages.attest.open}</Button>
      )}
      {check.attestation && (
        <Button onClick={() => act(async () => { await client.call('revokeAttestation', { checkId: check.id }); })} isDisabled={busy}>{messages.attest.revoke}</Button>
      )}
      {canAcknowledge(check) && (
        <Button onClick={() => setDialog('ack')} isDisabled={busy} testId={`acknowledge-${check.id}`}>{messages.ack.open}</Button>
      )}
      {check.acknowledgement && (
        <Button onClick={() => act(async () => { await client.call('removeAcknowledgement', { projectKey, checkId: check.id }); })} isDisabled={busy}>{messages.ack.remove}</Button>
      )}
      {dialog === 'ack' && (
        <ReasonDialog
          title={messages.ack.title(check.id)}
          intro={[messages.ack.whatItDoes(check.severity === 'required'), messages.ack.whereItGoes]}
          textLabel={messages.ack.reason}
          textHelp={messages.ack.reasonHelp}
          textField="reason"
          textRequired={messages.ack.reasonRequired}
          withExpiry={{ label: messages.ack.expires, help: messages.ack.expiresHelp, past: messages.ack.expiresPast }}
          submitLabel={messages.ack.submit}
          cancelLabel={messages.ack.cancel}
          onClose={() => setDialog(null)}
          onSubmit={async (reason, expiresAt) => {
            await client.call('acknowledge', { projectKey, checkId: check.id, reason, ...(expiresAt ? { expiresAt } : {}) });
            onChanged();
          }}
        />
      )}
      {dialog === 'attest' && (
        <ReasonDialog
          title={messages.attest.title(check.id)}
          intro={[messages.attest.body]}
          textLabel={messages.attest.note}
          textField="note"
          submitLabel={messages.attest.submit}
          cancelLabel={messages.attest.cancel}
          onClose={() => setDialog(null)}
          onSubmit={async (note) => {
            await client.call('attest', { checkId: check.id, ...(note ? { note } : {}) });
            onChanged();
          }}
        />
      )}
    </>
  );
}
