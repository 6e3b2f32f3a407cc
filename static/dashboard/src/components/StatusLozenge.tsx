import React from 'react';
import Lozenge from '@atlaskit/lozenge';
import type { CheckStatus } from '../../../../src/shared/report-model';
import { gateDisplay, statusAppearance, statusLabel } from '../model/status-display';

export function StatusLozenge({ status }: { status: CheckStatus }) {
  return (
    <span data-status={status}>
      <Lozenge appearance={statusAppearance(status)}>{statusLabel(status)}</Lozenge>
    </span>
  );
}

export function GateLozenge({ ready, large }: { ready: boolean | null; large?: boolean }) {
  const { label, appearance } = gateDisplay(ready);
  return (
    <span data-gate={ready === null ? 'unknown' : ready ? 'ready' : 'not-ready'}>
      <Lozenge appearance={appearance} isBold maxWidth={large ? 400 : 200}>
        {label}
      </Lozenge>
    </span>
  );
}
