/**
 * One fix, previewed then confirmed: the dialog asks the server for the plan (nothing
 * changes yet), says exactly what will happen and as whom, lists every change with
 * every project and issue type it reaches and what the fix will not do; Apply asks the
 * server to re-plan and apply (the page never sends the plan). A fix that runs in the
 * background shows its progress until it is done; the results follow.
 */
import React, { useEffect, useRef, useState } from 'react';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import Button from '@atlaskit/button/new';
import ProgressBar from '@atlaskit/progress-bar';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import type { FixInfo, FixPreview, FixRunView } from '../../../../src/shared/resolver-api';
import { useResolverClient } from '../api/client-context';
import { messages } from '../messages';
import { FixResults } from './FixResults';

export interface FixDialogProps {
  fix: FixInfo;
  /** The desk to fix; absent: every desk that fails the fix's checks. */
  projectKey?: string;
  onClose: () => void;
  /** Called once the fix has changed something, so the page reloads the re-checked cards. */
  onApplied: () => void;
  /** How often a background run is polled (tests shorten it). */
  pollMs?: number;
}

type Stage = { kind: 'previewing' } | { kind: 'preview'; preview: FixPreview } | { kind: 'applying' } | { kind: 'run'; run: FixRunView } | { kind: 'error'; message: string };

export function FixDialog({ fix, projectKey, onClose, onApplied, pollMs = 1500 }: FixDialogProps) {
  const client = useResolverClient();
  const [stage, setStage] = useState<Stage>({ kind: 'previewing' });
  const live = useRef(true);
  // The page's reload callback changes with every render; the poll must not restart with it.
  const applied = useRef(onApplied);
  applied.current = onApplied;
  const m = messages.fix;
  const scope = projectKey ? { fixId: fix.id, projectKey } : { fixId: fix.id };

  useEffect(() => {
    live.current = true;
    client
      .call('previewFix', scope)
      .then((preview) => live.current && setStage({ kind: 'preview', preview }))
      .catch((e: unknown) => live.current && setStage({ kind: 'error', message: e instanceof Error ? e.message : String(e) }));
    return () => {
      live.current = false;
    };
    // The dialog previews once, when it opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A background run is polled until it is no longer running.
  const runId = stage.kind === 'run' && stage.run.state === 'running' ? stage.run.runId : null;
  useEffect(() => {
    if (!runId) return;
    const timer = setTimeout(() => {
      client
        .call('getFixRun', { runId })
        .then((run) => {
          if (!live.current) return;
          setStage({ kind: 'run', run });
          if (run.state !== 'running') applied.current();
        })
        .catch((e: unknown) => live.current && setStage({ kind: 'error', message: e instanceof Error ? e.message : String(e) }));
    }, pollMs);
    return () => clearTimeout(timer);
  }, [client, runId, stage, pollMs]);

  const apply = async () => {
    setStage({ kind: 'applying' });
    try {
      const run = await client.call('applyFix', scope);
      if (!live.current) return;
      setStage({ kind: 'run', run });
      if (run.state !== 'running') applied.current();
    } catch (e) {
      if (live.current) setStage({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  };

  const canApply = stage.kind === 'preview' && (stage.preview.changesTotal > 0 || stage.preview.notPreviewed.length > 0);
  return (
    <ModalTransition>
      <Modal onClose={onClose} label={fix.title} width="large" testId="fix-dialog">
        <ModalHeader>
          <ModalTitle>{fix.title}</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <p>{fix.description}</p>
          {(stage.kind === 'previewing' || stage.kind === 'applying') && (
            <p aria-live="polite">
              <Spinner size="small" /> {stage.kind === 'previewing' ? m.previewing : m.applying}
            </p>
          )}
          {stage.kind === 'preview' && <PreviewBody preview={stage.preview} />}
          {stage.kind === 'run' && (
            <>
              {stage.run.state === 'running' && (
                <div data-testid="fix-progress">
                  <ProgressBar ariaLabel={m.progressLabel} value={stage.run.progress.changesTotal ? stage.run.progress.changesDone / stage.run.progress.changesTotal : 0} />
                  <p aria-live="polite">
                    {m.progress(stage.run.progress.changesDone, stage.run.progress.changesTotal)}
                    {stage.run.progress.desksTotal > 1 ? ` · ${m.desksProgress(stage.run.progress.desksDone, stage.run.progress.desksTotal)}` : ''}
                  </p>
                </div>
              )}
              <FixResults run={stage.run} />
            </>
          )}
          {stage.kind === 'error' && (
            <div role="alert">
              <SectionMessage appearance="error"><p>{stage.message}</p></SectionMessage>
            </div>
          )}
        </ModalBody>
        <ModalFooter>
          {stage.kind === 'preview' || stage.kind === 'previewing' ? (
            <>
              <Button appearance="subtle" onClick={onClose}>{m.cancel}</Button>
              <Button appearance="primary" onClick={apply} isDisabled={!canApply} testId="fix-confirm">{m.confirm}</Button>
            </>
          ) : (
            <Button appearance="primary" onClick={onClose} isDisabled={stage.kind === 'applying'} testId="fix-close">{m.close}</Button>
          )}
        </ModalFooter>
      </Modal>
    </ModalTransition>
  );
}

function PreviewBody({ preview }: { preview: FixPreview }) {
  const m = messages.fix;
  return (
    <div data-testid="fix-preview">
      {preview.summary ? (
        <p>
          <strong data-testid="fix-sentence">{m.willDo(preview.summary)}</strong> {m.recordedAs}
        </p>
      ) : (
        // "Nothing to change" only when nothing is left undone either: a blocked fix is not a fix already made.
        preview.notPreviewed.length === 0 && preview.blockers.length === 0 && <p data-testid="fix-sentence">{m.nothingToDo}</p>
      )}
      {preview.background && <p>{m.background}</p>}
      {preview.changes.length > 0 && (
        // A table, as Jira lists what a bulk change will do: each change beside every project and issue type it reaches.
        <div className="mw-fix-changes">
          <table className="mw-table" data-testid="fix-changes">
            <caption>{m.changesHeading(preview.changes.length, preview.changesTotal)}</caption>
            <thead>
              <tr>
                <th scope="col">{m.change}</th>
                <th scope="col">{m.reaches}</th>
              </tr>
            </thead>
            <tbody>
              {preview.changes.map((c) => (
                <tr key={c.id} data-change={c.id}>
                  <td>
                    {c.summary}
                    <div className="mw-muted">{m.items(c.items)}</div>
                  </td>
                  <td>
                    {c.reach.projects.map((p) => `${p.name} (${p.key})`).join(', ')}
                    {c.reach.issueTypes?.length ? <div className="mw-muted">{m.issueTypes(c.reach.issueTypes.map((t) => t.name).join(', '))}</div> : null}
                    {c.reach.unconfirmed ? <div className="mw-muted" data-reach-unconfirmed>{c.reach.unconfirmed}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {preview.blockers.length > 0 && (
        <>
          <h4 className="mw-subhead">{m.blockersHeading}</h4>
          <ul data-testid="fix-blockers">
            {preview.blockers.map((b, i) => (
              <li key={i}>
                {b.reason}
                {b.who ? ` ${m.blockerWho(b.who)}` : ''}
                {b.link ? (
                  <>
                    {' '}
                    <a href={b.link} target="_blank" rel="noopener noreferrer">{b.link}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {preview.notPreviewed.length > 0 && <p>{m.notPreviewed(preview.notPreviewed.join(', '))}</p>}
    </div>
  );
}
