/**
 * What the overview leads with: the checks that keep Moveworks out, as steps in the
 * order to do them (src/shared/next-steps.ts, read from the same summary as the gate),
 * each with its first step, who can do it, the desks it blocks (each opens its page)
 * and, where the fix registry has one, the fix, previewed in the fix dialog before
 * anything changes.
 */
import React, { useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import type { Report } from '../../../../src/shared/report-model';
import type { FixInfo } from '../../../../src/shared/resolver-api';
import { nextSteps, type NextStep } from '../../../../src/shared/next-steps';
import { messages } from '../messages';
import { FixDialog } from './FixDialog';
import { LinkButton } from './LinkButton';
import { StatusLozenge } from './StatusLozenge';

/** Desks named in a step before "and N more". */
const DESKS_SHOWN = 5;

export interface WhatBlocksProps {
  report: Report;
  fixes: readonly FixInfo[];
  /** The run is still going: the list may grow. */
  provisional: boolean;
  onOpenProject: (key: string) => void;
  onOpenSite: () => void;
  onChanged: () => void;
}

/** The registry's fixes for a step: a site fix for a site step, a desk fix for a desk step. */
export function fixesForStep(step: NextStep, fixes: readonly FixInfo[]): FixInfo[] {
  return fixes.filter((f) => f.resolves.includes(step.checkId) && (step.scope === 'site' ? f.scope === 'site' : f.scope === 'desk'));
}

export function WhatBlocks({ report, fixes, provisional, onOpenProject, onOpenSite, onChanged }: WhatBlocksProps) {
  const m = messages.blocks;
  const steps = nextSteps(report);
  const [fixing, setFixing] = useState<{ fix: FixInfo; projectKey?: string } | null>(null);
  return (
    <section aria-labelledby="blocks-heading" className="mw-blocks" data-testid="what-blocks">
      <Heading size="medium" as="h2" id="blocks-heading">{m.heading}</Heading>
      {provisional && <p className="mw-muted">{m.provisional}</p>}
      {steps.length === 0 ? (
        <SectionMessage appearance="success"><p>{m.none}</p></SectionMessage>
      ) : (
        <>
          <p className="mw-muted">{m.intro(steps.length)}</p>
          <ol className="mw-steps">
            {steps.map((step) => (
              <Step
                key={`${step.scope}:${step.checkId}`}
                step={step}
                fixes={fixesForStep(step, fixes)}
                onOpenProject={onOpenProject}
                onOpenSite={onOpenSite}
                onFix={(fix, projectKey) => setFixing({ fix, ...(projectKey ? { projectKey } : {}) })}
              />
            ))}
          </ol>
        </>
      )}
      {fixing && (
        <FixDialog
          fix={fixing.fix}
          {...(fixing.projectKey ? { projectKey: fixing.projectKey } : {})}
          onClose={() => {
            setFixing(null);
            onChanged();
          }}
          onApplied={onChanged}
        />
      )}
    </section>
  );
}

function Step({
  step,
  fixes,
  onOpenProject,
  onOpenSite,
  onFix,
}: {
  step: NextStep;
  fixes: FixInfo[];
  onOpenProject: (key: string) => void;
  onOpenSite: () => void;
  onFix: (fix: FixInfo, projectKey?: string) => void;
}) {
  const m = messages.blocks;
  const [allDesks, setAllDesks] = useState(false);
  const shown = allDesks ? step.desks : step.desks.slice(0, DESKS_SHOWN);
  const acknowledged = step.desks.filter((d) => d.acknowledged).length + (step.acknowledged ? 1 : 0);
  // A fix for one desk plans that desk; for several, every desk failing the check (the server works them out again).
  const oneDesk = step.desks.length === 1 ? step.desks[0].key : undefined;
  return (
    <li className="mw-step" data-step={step.checkId} data-scope={step.scope}>
      <div className="mw-step-head">
        <StatusLozenge status={step.status} />
        <strong>{step.title}</strong> <code className="mw-muted">{step.checkId}</code>
      </div>
      <div className="mw-step-where">
        {step.scope === 'site' ? (
          <LinkButton onClick={onOpenSite}>{m.site}</LinkButton>
        ) : (
          <>
            <span>{m.desks(step.desks.length)}: </span>
            {shown.map((d, i) => (
              <React.Fragment key={d.key}>
                {i > 0 && ', '}
                <LinkButton onClick={() => onOpenProject(d.key)}>{`${d.name} (${d.key})`}</LinkButton>
              </React.Fragment>
            ))}
            {step.desks.length > shown.length && (
              <>
                {' '}
                <Button appearance="subtle" spacing="compact" onClick={() => setAllDesks(true)}>{m.more(step.desks.length - shown.length)}</Button>
              </>
            )}
          </>
        )}
      </div>
      {(step.scope === 'site' || step.desks.length === 1) && <p className="mw-step-summary">{step.summary}</p>}
      <dl className="mw-step-facts">
        {step.firstStep && (
          <div>
            <dt>{m.firstStep}</dt>
            <dd>
              {step.firstStep.url ? (
                <a href={step.firstStep.url} target="_blank" rel="noopener noreferrer">{step.firstStep.text}</a>
              ) : (
                step.firstStep.text
              )}
            </dd>
          </div>
        )}
        <div>
          <dt>{m.who}</dt>
          <dd data-testid={`who-${step.checkId}`}>{step.who.map((w) => m.actors[w]).join(', ')}</dd>
        </div>
      </dl>
      {acknowledged > 0 && <p className="mw-muted">{m.acknowledged(acknowledged)}</p>}
      {fixes.length > 0 && (
        <div className="mw-actions">
          {fixes.map((f) => (
            <Button key={f.id} appearance="primary" onClick={() => onFix(f, oneDesk)} testId={`step-fix-${f.id}`}>
              {step.scope === 'desk' && !oneDesk ? m.fixMany(f.title, step.desks.filter((d) => !d.acknowledged).length) : m.fixOne(f.title)}
            </Button>
          ))}
        </div>
      )}
    </li>
  );
}
