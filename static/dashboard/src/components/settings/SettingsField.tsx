/** A labelled settings field with its help and, under it, the messages about it. */
import React from 'react';
import { FieldMessages } from '../FieldMessages';

export function SettingsField({ id, label, help, errors, children }: { id: string; label: string; help?: string; errors: string[]; children: React.ReactNode }) {
  return (
    <div className="mw-field" data-field={id}>
      <label htmlFor={id} className="mw-label">{label}</label>
      {children}
      {help && <p id={`${id}-help`} className="mw-help">{help}</p>}
      <FieldMessages id={`${id}-error`} messages={errors} />
    </div>
  );
}
