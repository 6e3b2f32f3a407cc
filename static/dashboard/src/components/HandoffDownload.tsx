/**
 * WF-EXPORT's own action: the desk's hand-off bundle (its workflows with status buckets
 * and transition ids, as the Moveworks team takes them), downloaded from the card that
 * asks for it rather than from History.
 */
import React, { useState } from 'react';
import Button from '@atlaskit/button/new';
import { useResolverClient } from '../api/client-context';
import { downloadExport } from '../model/download';
import { messages } from '../messages';
import { ProblemAlert } from './ProblemAlert';

export function HandoffDownload({ projectKey }: { projectKey: string }) {
  const client = useResolverClient();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setProblem(null);
    try {
      downloadExport(await client.call('exportReport', { format: 'handoff', projectKey }));
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button onClick={run} isDisabled={busy} testId={`download-handoff-${projectKey}`}>
        {busy ? messages.history.exporting : messages.evidence.download}
      </Button>
      <ProblemAlert problem={problem} />
    </>
  );
}
