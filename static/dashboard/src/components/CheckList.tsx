/**
 * A list of check cards in the order an admin works through them: failures, then
 * warnings and checks that could not decide, then those waiting for an attestation,
 * then the passing and not applicable ones, collapsed. A "Failing only" switch hides
 * everything but the failures; the counts say how many of each there are.
 */
import React, { useState } from 'react';
import Button from '@atlaskit/button/new';
import type { CheckResult, CheckStatus } from '../../../../src/shared/report-model';
import type { FixInfo } from '../../../../src/shared/resolver-api';
import { messages } from '../messages';
import { CheckCard } from './CheckCard';

export type CheckBand = 'failures' | 'warnings' | 'attest' | 'passes';

const BAND_OF: Record<CheckStatus, CheckBand> = {
  fail: 'failures',
  warn: 'warnings',
  error: 'warnings',
  manual: 'attest',
  pass: 'passes',
  not_applicable: 'passes',
};

/** Pure: the checks of each band, each band in the order given (the catalogue's). */
export function bandsOf(checks: readonly CheckResult[]): Record<CheckBand, CheckResult[]> {
  const bands: Record<CheckBand, CheckResult[]> = { failures: [], warnings: [], attest: [], passes: [] };
  for (const c of checks) bands[BAND_OF[c.status]].push(c);
  return bands;
}

export interface CheckListProps {
  checks: readonly CheckResult[];
  projectKey?: string;
  onChanged: () => void;
  fixes?: readonly FixInfo[];
  readOnly?: boolean;
  /** Keeps element ids unique when two lists share a page. */
  idPrefix: string;
}

export function CheckList({ checks, projectKey, onChanged, fixes, readOnly, idPrefix }: CheckListProps) {
  const m = messages.deskPage;
  const [failingOnly, setFailingOnly] = useState(false);
  const [passesOpen, setPassesOpen] = useState(false);
  const bands = bandsOf(checks);
  const card = (c: CheckResult) => <CheckCard key={c.id} check={c} projectKey={projectKey} onChanged={onChanged} fixes={fixes} readOnly={readOnly} />;
  const band = (key: CheckBand, title: string) =>
    bands[key].length > 0 && (
      <section aria-labelledby={`${idPrefix}-${key}`} className="mw-band" data-band={key}>
        <h3 id={`${idPrefix}-${key}`} className="mw-band-title">{title}</h3>
        {bands[key].map(card)}
      </section>
    );
  const toLookAt = bands.warnings.length + bands.attest.length;
  return (
    <div className="mw-check-list" data-testid={`checks-${idPrefix}`}>
      <div className="mw-table-tools">
        <span className="mw-muted" data-testid={`check-counts-${idPrefix}`}>{m.counts(bands.failures.length, toLookAt, bands.passes.length)}</span>
        <Button isSelected={failingOnly} aria-pressed={failingOnly} onClick={() => setFailingOnly(!failingOnly)} testId={`failing-only-${idPrefix}`}>
          {m.failingOnly}
        </Button>
      </div>
      {band('failures', m.failures(bands.failures.length))}
      {bands.failures.length === 0 && <p>{m.nothingFailing}</p>}
      {!failingOnly && band('warnings', m.warnings(bands.warnings.length))}
      {!failingOnly && band('attest', m.attest(bands.attest.length))}
      {!failingOnly && bands.passes.length > 0 && (
        <section aria-labelledby={`${idPrefix}-passes`} className="mw-band" data-band="passes">
          <h3 id={`${idPrefix}-passes`} className="mw-band-title">{m.passes(bands.passes.length)}</h3>
          <div>
            <Button appearance="subtle" aria-expanded={passesOpen} onClick={() => setPassesOpen(!passesOpen)} testId={`toggle-passes-${idPrefix}`}>
              {passesOpen ? m.hidePasses : m.showPasses(bands.passes.length)}
            </Button>
          </div>
          {passesOpen && bands.passes.map(card)}
        </section>
      )}
    </div>
  );
}
