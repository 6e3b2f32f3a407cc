/**
 * History's "Changes made by the app": each fix run, newest first, with who ran it,
 * when, on which desks, its summary, and (collapsed) every change with the Jira object
 * it wrote and what Jira answered.
 */
import React from 'react';
import Heading from '@atlaskit/heading';
import type { FixRunView } from '../../../../src/shared/resolver-api';
import { formatDateTime } from '../model/status-display';
import { messages } from '../messages';
import { FixResults } from './FixResults';

export function ChangesMade({ runs }: { runs: readonly FixRunView[] }) {
  const m = messages.history;
  return (
    <section aria-labelledby="changes-heading" data-testid="changes-made">
      <Heading size="medium" as="h2" id="changes-heading">{m.changesHeading}</Heading>
      {runs.length === 0 ? (
        <p>{m.changesEmpty}</p>
      ) : (
        runs.map((run) => (
          <article key={run.runId} className="mw-change-run" data-fix={run.fixId} aria-label={`${run.title}, ${formatDateTime(run.startedAt)}`}>
            <h3 className="mw-subhead">
              {run.title} {m.changeDesks(run.projectKey ?? (run.desks.length > 0 ? run.desks.join(', ') : m.everyDesk))}
            </h3>
            <p className="mw-muted">{m.changeBy(run.byName ?? run.by, formatDateTime(run.startedAt))}</p>
            <FixResults run={run} />
          </article>
        ))
      )}
    </section>
  );
}
