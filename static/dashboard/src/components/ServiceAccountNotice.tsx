/**
 * The overview's first instruction while no service account is set: every check
 * starts from it, so the page says so and takes the admin to Settings. (With no
 * report yet, the empty state says the same and this stays away.)
 */
import React from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { messages } from '../messages';

export function ServiceAccountNotice({ configured, hasReport, onOpenSettings }: { configured: boolean; hasReport: boolean; onOpenSettings: () => void }) {
  if (configured || !hasReport) return null;
  return (
    <div data-testid="service-account-notice">
      <SectionMessage appearance="warning" title={messages.overview.needsServiceAccount}>
        <p>{messages.overview.needsServiceAccountBody}</p>
        <Button appearance="primary" onClick={onOpenSettings} testId="set-service-account">
          {messages.overview.needsServiceAccount}
        </Button>
      </SectionMessage>
    </div>
  );
}
