/**
 * One modal for both acknowledge (reason required, optional end date) and attest
 * (optional note). It says first what the decision does; a problem is shown under
 * the field it is about (the text, the date), whether the page or the resolver
 * found it, and anything else above the buttons.
 */
import React, { useState } from 'react';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import TextArea from '@atlaskit/textarea';
import SectionMessage from '@atlaskit/section-message';
import { ResolverCallError } from '../api/resolver-client';
import { FieldMessages } from './FieldMessages';

export interface ReasonDialogProps {
  title: string;
  /** What the decision does, one paragraph each, before the fields. */
  intro?: string[];
  textLabel: string;
  textHelp?: string;
  /** The payload field the resolver names for the text ('reason' or 'note'). */
  textField?: string;
  textRequired?: string; // message when empty; absent = optional
  withExpiry?: { label: string; help: string; past: string }; // absent = no end date
  submitLabel: string;
  cancelLabel: string;
  onSubmit: (text: string, expiresAt?: string) => Promise<void>;
  onClose: () => void;
  /** Today as YYYY-MM-DD (tests pin it). */
  today?: string;
}

type Problems = { text: string[]; expiry: string[]; general: string[] };
const NONE: Problems = { text: [], expiry: [], general: [] };

function problemsOf(e: unknown, textField: string): Problems {
  if (!(e instanceof ResolverCallError)) return { ...NONE, general: [e instanceof Error ? e.message : String(e)] };
  const out: Problems = { text: [], expiry: [], general: [] };
  for (const err of e.errors) {
    if (err.errorType === 'VALIDATION' && err.field === textField) out.text.push(err.message);
    else if (err.errorType === 'VALIDATION' && err.field === 'expiresAt') out.expiry.push(err.message);
    else out.general.push(err.message);
  }
  return out;
}

export function ReasonDialog(p: ReasonDialogProps) {
  const [text, setText] = useState('');
  const [expiry, setExpiry] = useState('');
  const [problems, setProblems] = useState<Problems>(NONE);
  const [busy, setBusy] = useState(false);
  const textField = p.textField ?? 'reason';
  const today = p.today ?? new Date().toISOString().slice(0, 10);

  const submit = async () => {
    const found: Problems = { text: [], expiry: [], general: [] };
    if (p.textRequired && !text.trim()) found.text.push(p.textRequired);
    // The date is the last day it holds: it must be after today.
    if (p.withExpiry && expiry && expiry <= today) found.expiry.push(p.withExpiry.past);
    if (found.text.length + found.expiry.length > 0) {
      setProblems(found);
      return;
    }
    setBusy(true);
    setProblems(NONE);
    try {
      await p.onSubmit(text.trim(), expiry ? new Date(`${expiry}T23:59:59Z`).toISOString() : undefined);
      p.onClose();
    } catch (e) {
      setProblems(problemsOf(e, textField));
      setBusy(false);
    }
  };

  const describedBy = (id: string, help: boolean, errors: string[]) => [help ? `${id}-help` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <ModalTransition>
      <Modal onClose={p.onClose} label={p.title} testId="reason-dialog">
        <ModalHeader>
          <ModalTitle>{p.title}</ModalTitle>
        </ModalHeader>
        <ModalBody>
          {(p.intro ?? []).map((line, i) => <p key={i} data-testid="reason-dialog-intro">{line}</p>)}
          <div className="mw-field">
            <label htmlFor="mw-reason" className="mw-label">{p.textLabel}</label>
            <TextArea
              id="mw-reason"
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              isRequired={!!p.textRequired}
              isInvalid={problems.text.length > 0}
              aria-describedby={describedBy('mw-reason', !!p.textHelp, problems.text)}
            />
            {p.textHelp && <p id="mw-reason-help" className="mw-help">{p.textHelp}</p>}
            <FieldMessages id="mw-reason-error" messages={problems.text} />
          </div>
          {p.withExpiry && (
            <div className="mw-field">
              <label htmlFor="mw-expiry" className="mw-label">{p.withExpiry.label}</label>
              <Textfield
                id="mw-expiry"
                type="date"
                min={today}
                value={expiry}
                onChange={(e) => setExpiry(e.currentTarget.value)}
                isInvalid={problems.expiry.length > 0}
                aria-describedby={describedBy('mw-expiry', true, problems.expiry)}
              />
              <p id="mw-expiry-help" className="mw-help">{p.withExpiry.help}</p>
              <FieldMessages id="mw-expiry-error" messages={problems.expiry} />
            </div>
          )}
          {problems.general.length > 0 && (
            <div role="alert" data-testid="reason-dialog-problem">
              <SectionMessage appearance="error">{problems.general.map((msg, i) => <p key={i}>{msg}</p>)}</SectionMessage>
            </div>
          )}
        </ModalBody>
        <ModalFooter>
          <Button appearance="subtle" onClick={p.onClose}>{p.cancelLabel}</Button>
          <Button appearance="primary" onClick={submit} isDisabled={busy} testId="reason-dialog-submit">{p.submitLabel}</Button>
        </ModalFooter>
      </Modal>
    </ModalTransition>
  );
}
