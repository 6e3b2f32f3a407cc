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
  /** Fixes only someone else may run: the cards say who. */
  fixesForOthers?: readonly FixInfo[];
  readOnly?: boolean;
  /** Keeps element ids unique when two lists share a page. */
  idPrefix: string;
}

export function CheckList({ checks, projectKey, onChanged, fixes, fixesForOthers, readOnly, idPrefix }: CheckListProps) {
  const m = messages.deskPage;
  const [failingOnly, setFailingOnly] = useState(false);
  const [passesOpen, setPassesOpen] = useState(false);
  const bands = bandsOf(checks);
  const toLookAt = bands.warnings.length + bands.attest.length;
  const titles: Record<CheckBand, string> = {
    failures: m.failures(bands.failures.length),
    warnings: m.warnings(bands.warnings.length),
    attest: m.attest(bands.attest.length),
    passes: m.passes(bands.passes.length),
  };
  const shown = (band: CheckBand) => (band === 'failures' || !failingOnly) && (band !== 'passes' || passesOpen);
  // One flat list keyed by check id: a check that changes band (a fix made it pass) moves
  // instead of being remounted, so its open fix dialog and results stay on screen.
  return (
    <div className="mw-check-list" data-testid={`checks-${idPrefix}`}>
      <div className="mw-table-tools">
        <span className="mw-muted" data-testid={`check-counts-${idPrefix}`}>{m.counts(bands.failures.length, toLookAt, bands.passes.length)}</span>
        <Button isSelected={failingOnly} aria-pressed={failingOnly} onClick={() => setFailingOnly(!failingOnly)} testId={`failing-only-${idPrefix}`}>
          {m.failingOnly}
        </Button>
      </div>
      {bands.failures.length === 0 && <p>{m.nothingFailing}</p>}
      {BANDS.flatMap((band) =>
        bands[band].length === 0
          ? []
          : [
              <div key={`band-${band}`} className="mw-band" data-band={band} hidden={band !== 'failures' && failingOnly}>
                <h3 id={`${idPrefix}-${band}`} className="mw-band-title">{titles[band]}</h3>
                {band === 'passes' && (
                  <Button appearance="subtle" aria-expanded={passesOpen} onClick={() => setPassesOpen(!passesOpen)} testId={`toggle-passes-${idPrefix}`}>
                    {passesOpen ? m.hidePasses : m.showPasses(bands.passes.length)}
                  </Button>
                )}
              </div>,
              ...bands[band].map((c) => (
                <div key={c.id} hidden={!shown(band)} data-card-band={band}>
                  <CheckCard check={c} projectKey={projectKey} onChanged={onChanged} fixes={fixes} fixesForOthers={fixesForOthers} readOnly={readOnly} />
                </div>
              )),
            ],
      )}
    </div>
  );
}

const BANDS: readonly CheckBand[] = ['failures', 'warnings', 'attest', 'passes'];
