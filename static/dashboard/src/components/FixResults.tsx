/**
 * What a fix run did: the summary ("12 added, 0 failed"), why it stopped when it did,
 * what it would not do, the re-checked checks, and every change with Jira's answer,
 * collapsed until asked for.
 */
import React, { useState } from 'react';
import Button from '@atlaskit/button/new';
import type { FixRunView } from '../../../../src/shared/resolver-api';
import { messages } from '../messages';
import { StatusLozenge } from './StatusLozenge';

export function FixResults({ run }: { run: FixRunView }) {
  const [open, setOpen] = useState(false);
  const m = messages.fix;
  const listId = `fix-changes-${run.runId}`;
  return (
    <div className="mw-fix-results" role="status" data-testid="fix-results" data-state={run.state}>
      <p data-testid="fix-summary">
        <strong>{run.summary}</strong>
      </p>
      {run.state === 'running' && <p>{m.running}</p>}
      {run.message && run.state !== 'done' && <p>{m.stopped(run.message)}</p>}
      {run.blockers.length > 0 && (
        <div>
          <h4 className="mw-subhead">{m.blockersHeading}</h4>
          <ul>
            {run.blockers.map((b, i) => (
              <li key={i}>
                {b.reason}
                {b.who ? ` ${m.blockerWho(b.who)}` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}
      {run.rechecked.flatMap((r) =>
        r.checks.map((c) => (
          <p key={`${r.projectKey ?? 'site'}-${c.id}`} data-testid="fix-rechecked">
            <StatusLozenge status={c.status} /> {m.rechecked(r.projectKey ? `${r.projectKey} ${c.id}` : c.id, c.summary)}
          </p>
        )),
      )}
      {run.changes.length > 0 && (
        <>
          <Button appearance="subtle" onClick={() => setOpen(!open)} aria-expanded={open} aria-controls={listId}>
            {open ? m.hideItems : m.showItems}
          </Button>
          {open && (
            <table className="mw-table" id={listId}>
              <caption>{m.resultsTitle(run.title)}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.change}</th>
                  <th scope="col">{m.outcome}</th>
                </tr>
              </thead>
              <tbody>
                {run.changes.map((c) => (
                  <tr key={c.changeId} data-outcome={c.result.outcome}>
                    <td>
                      {c.summary}
                      {c.result.items && c.result.items.length > 1 && (
                        <ul>
                          {c.result.items.map((i) => (
                            <li key={i.id} data-item-outcome={i.outcome}>
                              {i.name ? `${i.name} (${i.id})` : i.id}: {m.itemOutcomes[i.outcome]}
                              {i.message ? ` — ${i.message}` : ''}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      {m.outcomes[c.result.outcome]}: {c.result.message}
                      {c.result.before && c.result.after ? ` (${m.version(c.result.before, c.result.after)})` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
