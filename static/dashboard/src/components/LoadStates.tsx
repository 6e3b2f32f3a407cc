/** The designed non-data states: loading, error (with retry) and permission denied. */
import React from 'react';
import Spinner from '@atlaskit/spinner';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import EmptyState from '@atlaskit/empty-state';
import { messages } from '../messages';
import type { ResolverCallError } from '../api/resolver-client';

export function Loading({ label = messages.states.loading }: { label?: string }) {
  return (
    <div role="status" aria-live="polite" style={{ display: 'flex', gap: 8, alignItems: 'center', padding: 24 }}>
      <Spinner size="medium" label={label} />
      <span>{label}</span>
    </div>
  );
}

export function ErrorView({ error, onRetry }: { error: ResolverCallError; onRetry?: () => void }) {
  if (error.has('UNAUTHORISED')) {
    return <EmptyState header={messages.states.deniedTitle} description={messages.states.deniedBody} headingLevel={2} />;
  }
  const title = error.has('NOT_FOUND') ? messages.states.notFoundTitle : messages.states.errorTitle;
  return (
    <div role="alert">
      <SectionMessage
        appearance="error"
        title={title}
        actions={onRetry ? [<SectionMessageAction key="retry" onClick={onRetry}>{messages.states.retry}</SectionMessageAction>] : []}
      >
        <p>{error.message}</p>
      </SectionMessage>
    </div>
  );
}
