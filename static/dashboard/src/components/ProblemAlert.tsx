import React from 'react';
import SectionMessage from '@atlaskit/section-message';

/** An action's failure in one sentence, announced at once (role="alert"); nothing when there is none. */
export function ProblemAlert({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <div role="alert">
      <SectionMessage appearance="error"><p>{problem}</p></SectionMessage>
    </div>
  );
}
