/**
 * An in-app navigation that looks like a link (a desk's name, the site row): a real
 * button, so the keyboard and screen readers treat it as one, styled with the link
 * token so it reads as something to open, unlike Atlaskit's subtle button.
 */
import React from 'react';

export function LinkButton({ onClick, children, testId }: { onClick: () => void; children: React.ReactNode; testId?: string }) {
  return (
    <button type="button" className="mw-link-button" onClick={onClick} data-testid={testId}>
      {children}
    </button>
  );
}
