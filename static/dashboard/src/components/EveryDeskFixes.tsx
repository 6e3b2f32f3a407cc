/**
 * On the overview: each fix of the registry that desks fail the checks of, offered for
 * every such desk at once (the server works out the same desks again, from the stored
 * report, and plans each of them).
 */
import React, { useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import type { Report } from '../../../../src/shared/report-model';
import type { FixInfo } from '../../../../src/shared/resolver-api';
import { messages } from '../messages';
import { FixDialog } from './FixDialog';

/** Pure: the desks failing a check the fix resolves (an acknowledged failure is the admin's call, left alone). */
export function failingDesks(report: Report, fix: FixInfo): string[] {
  return report.projects
    .filter((p) => p.checks.some((c) => fix.resolves.includes(c.id) && (c.status === 'fail' || c.status === 'warn') && !c.acknowledgement))
    .map((p) => p.key);
}

export function EveryDeskFixes({ report, fixes, onChanged }: { report: Report; fixes: readonly FixInfo[]; onChanged: () => void }) {
  const [open, setOpen] = useState<FixInfo | null>(null);
  const offered = fixes.filter((f) => f.scope === 'desk').map((f) => ({ fix: f, desks: failingDesks(report, f) })).filter((o) => o.desks.length > 0);
  if (offered.length === 0) return null;
  return (
    <div data-testid="every-desk-fixes">
      <Heading size="medium" as="h2">{messages.fix.everyDeskHeading}</Heading>
      <div className="mw-actions">
        {offered.map(({ fix, desks }) => (
          <Button key={fix.id} onClick={() => setOpen(fix)} testId={`fix-all-${fix.id}`}>
            {messages.fix.everyDesk(fix.title, desks.length)}
          </Button>
        ))}
      </div>
      {open && (
        <FixDialog
          fix={open}
          onClose={() => {
            setOpen(null);
            onChanged();
          }}
          onApplied={onChanged}
        />
      )}
    </div>
  );
}
