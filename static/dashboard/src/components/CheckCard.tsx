/**
 * One check: status, summary, why Moveworks needs it and the evidence (both collapsed),
 * remediation with links, and the actions that apply to it: a button for each fix of the
 * registry that resolves the check (previewed in a dialog, then confirmed), and the
 * admin's decisions (CheckDecisions: acknowledge a gap, attest a check that needs it).
 */
import React, { useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import type { CheckResult } from '../../../../src/shared/report-model';
import type { FixInfo } from '../../../../src/shared/resolver-api';
import { useResolverClient } from '../api/client-context';
import { ResolverCallError } from '../api/resolver-client';
import { messages } from '../messages';
import { CheckWhy, hasWhy } from './CheckWhy';
import { EvidenceTable } from './EvidenceTable';
import { FixDialog } from './FixDialog';
import { HandoffDownload } from './HandoffDownload';
import { AcknowledgementLine, attestationLine, DecisionActions } from './CheckDecisions';
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
  /** Fixes only a Jira administrator may run (ProjectViewData.fixesForOthers): named with who can run them, no button. */
  fixesForOthers?: readonly FixInfo[];
}

export function CheckCard({ check, projectKey, onChanged, readOnly = false, fixes = [], fixesForOthers = [] }: CheckCardProps) {
  const client = useResolverClient();
  const [open, setOpen] = useState(false);
  const [whyOpen, setWhyOpen] = useState(false);
  const [fixing, setFixing] = useState<FixInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const offered = readOnly ? [] : fixesFor(check, fixes, projectKey);
  const forOthers = readOnly ? [] : fixesFor(check, fixesForOthers, projectKey).filter((f) => !offered.some((o) => o.id === f.id));
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
      {/* An attested check's summary is its attestation: said once, in the dashboard's date format. */}
      <p className="mw-check-summary">{attestationLine(check) ?? check.summary}</p>
      {check.dependsOn && <p className="mw-muted">{messages.project.dependsOn(check.dependsOn)}</p>}
      <AcknowledgementLine check={check} />
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
      {forOthers.map((f) => (
        <p key={f.id} className="mw-muted" data-testid={`fix-who-${f.id}`}>
          {messages.fix.byAdmin(f.title)}
        </p>
      ))}
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
        {check.id === 'WF-EXPORT' && projectKey && <HandoffDownload projectKey={projectKey} />}
        {canDecide && <DecisionActions check={check} projectKey={projectKey} busy={busy} act={act} onChanged={onChanged} />}
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
    </article>
  );
}
