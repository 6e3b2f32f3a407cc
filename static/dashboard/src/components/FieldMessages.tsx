import React from 'react';

/** Validation messages under a field, linked to it with aria-describedby via `id`. */
export function FieldMessages({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <ul id={id} className="mw-field-error" data-testid={id}>
      {messages.map((m, i) => <li key={i}>{m}</li>)}
    </ul>
  );
}
