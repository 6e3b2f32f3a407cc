import React from 'react';
import Button from '@atlaskit/button/new';
import ProgressBar from '@atlaskit/progress-bar';
import SectionMessage from '@atlaskit/section-message';
import type { RunProgress } from '../../../../src/shared/resolver-api';
import type { ResolverCallError } from '../api/resolver-client';
import { messages } from '../messages';

export function RecheckBar(props: {
  progress: RunProgress | null;
  running: boolean;
  error: ResolverCallError | null;
  onStart: () => void;
  label?: string;
}) {
  const { progress, running, error } = props;
  const share = progress && progress.projectsTotal > 0 ? progress.projectsDone / progress.projectsTotal : 0;
  return (
    <div className="mw-recheck">
      <Button appearance="primary" onClick={props.onStart} isDisabled={running} testId="recheck">
        {running ? messages.overview.rechecking : props.label ?? messages.overview.recheck}
      </Button>
      {running && progress && (
        <div className="mw-progress" role="status" aria-live="polite">
          <ProgressBar value={share} ariaLabel={messages.overview.progressLabel} />
          <span>{messages.overview.progress(progress.projectsDone, progress.projectsTotal)}</span>
          {(progress.waiting ?? []).map((w) => (
            // Jira asked the run to wait (a rate limit): say so, so a long pause is not mistaken for a hang.
            <span key={w.key} className="mw-progress-wait" data-testid="rate-limit-wait">
              {messages.overview.rateLimitWait(w.key, w.message)}
            </span>
          ))}
        </div>
      )}
      {progress && progress.failed.length > 0 && (
        <SectionMessage appearance="warning">
          <p>{messages.overview.failedProjects(progress.failed.map((f) => `${f.key} (${f.message})`).join(', '))}</p>
        </SectionMessage>
      )}
      {error && (
        <div role="alert">
          <SectionMessage appearance="error"><p>{error.message}</p></SectionMessage>
        </div>
      )}
    </div>
  );
}
