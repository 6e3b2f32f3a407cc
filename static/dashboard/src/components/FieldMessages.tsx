import React from 'react';

/**
 * Validation messages under a field, linked to it by `id` (aria-describedby, or a
 * picker's aria-errormessage); announced when they appear.
 */
export function FieldMessages({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul id={id} className="mw-field-error" data-testid={id} aria-live="polite">
      {messages.map((m, i) => <li key={i}>{m}</li>)}
    </ul>
  );
}
