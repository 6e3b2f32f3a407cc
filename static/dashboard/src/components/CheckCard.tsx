/**
 * One check: status, summary, why Moveworks needs it and the evidence (both collapsed),
 * remediation with links, and the actions that apply to it: a one-click fix named by
 * evidence.fix, acknowledge for failures, attest for manual checks.
 */
import React, { useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import type { CheckResult } from '../../../../src/shared/report-model';
import type { FixResult } from '../../../../src/shared/resolver-api';
import { useResolverClient } from '../api/client-context';
import { ResolverCallError } from '../api/resolver-client';
import { messages } from '../messages';
import { formatDateTime } from '../model/status-display';
import { CheckWhy, hasWhy } from './CheckWhy';
import { EvidenceTable } from './EvidenceTable';
import { FixResults } from './FixResults';
import { ReasonDialog } from './ReasonDialog';
import { StatusLozenge } from './StatusLozenge';

export type FixKind = FixResult['fix'];

export function fixOf(check: CheckResult): FixKind | undefined {
  const fix = (check.evidence as { fix?: unknown } | null | undefined)?.fix;
  return fix === 'add-service-account-to-role' || fix === 'add-missing-customers' ? fix : undefined;
}

export interface CheckCardProps {
  check: CheckResult;
  projectKey?: string;
  onChanged: () => void;
  /** No actions: e.g. site checks on a project settings page, which only site admins may change. */
  readOnly?: boolean;
}

export function CheckCard({ check, projectKey, onChanged, readOnly = false }: CheckCardProps) {
  const client = useResolverClient();
  const [open, setOpen] = useState(false);
  const [whyOpen, setWhyOpen] = useState(false);
  const [dialog, setDialog] = useState<'ack' | 'attest' | null>(null);
  const [fixResult, setFixResult] = useState<FixResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const fix = check.status !== 'pass' && !readOnly ? fixOf(check) : undefined;
  const canDecide = !readOnly;
  const evidenceId = `evidence-${projectKey ?? 'site'}-${check.id}`;
  const whyId = `why-${projectKey ?? 'site'}-${check.id}`;

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
      onChanged();
    } catch (e) {
      setProblem(e instanceof ResolverCallError || e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const runFix = () =>
    act(async () => {
      if (!projectKey || !fix) return;
      const result =
        fix === 'add-missing-customers'
          ? await client.call('fixAddMissingCustomers', { projectKey })
          : await client.call('fixAddServiceAccountToRole', { projectKey });
      setFixResult(result);
    });

  return (
    <article className="mw-check" data-check={check.id} data-status={check.status} aria-labelledby={`title-${evidenceId}`}>
      <header className="mw-check-head">
        <StatusLozenge status={check.status} />
        <h3 id={`title-${evidenceId}`} className="mw-check-title">
          <code>{check.id}</code> {check.title}
        </h3>
        <span className="mw-severity">{messages.severity[check.severity]}</span>
      </header>
      <p className="mw-check-summary">{check.summary}</p>
      {check.dependsOn && <p className="mw-muted">{messages.project.dependsOn(check.dependsOn)}</p>}
      {check.attestation && <p className="mw-muted">{messages.attest.by(check.attestation.byName ?? check.attestation.by, formatDateTime(check.attestation.at))}</p>}
      {check.acknowledgement && (
        <p className="mw-muted">
          {messages.ack.by(check.acknowledgement.byName ?? check.acknowledgement.by, formatDateTime(check.acknowledgement.at), check.acknowledgement.reason)}
          {check.acknowledgement.expiresAt ? messages.ack.until(formatDateTime(check.acknowledgement.expiresAt)) : ''}
        </p>
      )}
      {check.remediation.length > 0 && check.status !== 'pass' && (
        <div>
          <h4 className="mw-subhead">{messages.project.remediation}</h4>
          <ol>
            {check.remediation.map((step, i) => (
              <li key={i}>
                {step.url ? (
                  <a href={step.url} target="_blank" rel="noopener noreferrer">{step.text}</a>
                ) : (
                  step.text
                )}
              </li>
            ))}
          </ol>
        </div>
      )}
      <div className="mw-actions">
        {hasWhy(check.id) && (
          <Button appearance="subtle" onClick={() => setWhyOpen(!whyOpen)} aria-expanded={whyOpen} aria-controls={whyId}>
            {whyOpen ? messages.project.hideWhy : messages.project.why}
          </Button>
        )}
        <Button appearance="subtle" onClick={() => setOpen(!open)} aria-expanded={open} aria-controls={evidenceId}>
          {open ? messages.project.hideEvidence : messages.project.showEvidence}
        </Button>
        {fix && projectKey && (
          <Button appearance="primary" onClick={runFix} isDisabled={busy} testId={`fix-${check.id}`}>
            {busy ? messages.fix.running : messages.fix[fix]}
          </Button>
        )}
        {canDecide && check.status === 'manual' && !check.attestation && (
          <Button onClick={() => setDialog('attest')}>{messages.attest.open}</Button>
        )}
        {canDecide && check.attestation && (
          <Button onClick={() => act(async () => { await client.call('revokeAttestation', { checkId: check.id }); })}>{messages.attest.revoke}</Button>
        )}
        {canDecide && (check.status === 'fail' || check.status === 'warn' || check.status === 'error') && !check.acknowledgement && (
          <Button onClick={() => setDialog('ack')}>{messages.ack.open}</Button>
        )}
        {canDecide && check.acknowledgement && (
          <Button onClick={() => act(async () => { await client.call('removeAcknowledgement', { projectKey, checkId: check.id }); })}>{messages.ack.remove}</Button>
        )}
      </div>
      {whyOpen && <CheckWhy checkId={check.id} id={whyId} />}
      {open && (
        <div id={evidenceId} className="mw-evidence">
          <EvidenceTable evidence={check.evidence} caption={`${messages.project.evidence}: ${check.id}`} />
        </div>
      )}
      {fixResult && <FixResults result={fixResult} />}
      {problem && (
        <div role="alert">
          <SectionMessage appearance="error"><p>{problem}</p></SectionMessage>
        </div>
      )}
      {dialog === 'ack' && (
        <ReasonDialog
          title={messages.ack.title(check.id)}
          textLabel={messages.ack.reason}
          textRequired={messages.ack.reasonRequired}
          withExpiry={messages.ack.expires}
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
          intro={messages.attest.body}
          textLabel={messages.attest.note}
          submitLabel={messages.attest.submit}
          cancelLabel={messages.attest.cancel}
          onClose={() => setDialog(null)}
          onSubmit={async (note) => {
            await client.call('attest', { checkId: check.id, ...(note ? { note } : {}) });
            onChanged();
          }}
        />
      )}
    </article>
  );
}
