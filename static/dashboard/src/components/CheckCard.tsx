/**
 * One check: status, summary, why Moveworks needs it and the evidence (both collapsed),
 * remediation with links, and the actions that apply to it: a button for each fix of the
 * registry that resolves the check (previewed in a dialog, then confirmed), acknowledge
 * for failures, attest for manual checks.
 */
import React, { useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import type { CheckResult } from '../../../../src/shared/report-model';
import type { FixInfo } from '../../../../src/shared/resolver-api';
import { useResolverClient } from '../api/client-context';
import { ResolverCallError } from '../api/resolver-client';
import { messages } from '../messages';
import { formatDateTime } from '../model/status-display';
import { CheckWhy, hasWhy } from './CheckWhy';
import { EvidenceTable } from './EvidenceTable';
import { FixDialog } from './FixDialog';
import { ReasonDialog } from './ReasonDialog';
import { StatusLozenge } from './StatusLozenge';

/** The fixes (from the registry, through the resolvers) that make this check pass and may run here. */
export function fixesFor(check: CheckResult, fixes: readonly FixInfo[], projectKey: string | undefined): FixInfo[] {
  if (check.status !== 'fail' && check.status !== 'warn') return [];
  return fixes.filter((f) => f.resolves.includes(check.id) && (f.scope === 'site' || projectKey !== undefined));
}

export interface CheckCardProps {
  check: CheckResult;
  projectKey?: string;
  onChanged: () => void;
  /** No actions: e.g. site checks on a project settings page, which only site admins may change. */
  readOnly?: boolean;
  /** The fixes this caller may run (ProjectViewData.fixes); the card offers those that resolve its check. */
  fixes?: readonly FixInfo[];
}

export function CheckCard({ check, projectKey, onChanged, readOnly = false, fixes = [] }: CheckCardProps) {
  const client = useResolverClient();
  const [open, setOpen] = useState(false);
  const [whyOpen, setWhyOpen] = useState(false);
  const [dialog, setDialog] = useState<'ack' | 'attest' | null>(null);
  const [fixing, setFixing] = useState<FixInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const offered = readOnly ? [] : fixesFor(check, fixes, projectKey);
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
        {offered.map((f) => (
          <Button key={f.id} appearance="primary" onClick={() => setFixing(f)} isDisabled={busy} testId={`fix-${f.id}`}>
            {f.title}
          </Button>
        ))}
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
      {fixing && (
        <FixDialog
          fix={fixing}
          {...(fixing.scope === 'desk' && projectKey ? { projectKey } : {})}
          onClose={() => {
            setFixing(null);
            onChanged();
          }}
          onApplied={onChanged}
        />
      )}
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
