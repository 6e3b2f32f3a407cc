/** One modal for both acknowledge (reason required, optional expiry) and attest (optional note). */
import React, { useState } from 'react';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import Button from '@atlaskit/button/new';
import Textfield from '@atlaskit/textfield';
import TextArea from '@atlaskit/textarea';
import SectionMessage from '@atlaskit/section-message';

export interface ReasonDialogProps {
  title: string;
  intro?: string;
  textLabel: string;
  textRequired?: string; // message when empty; absent = optional
  withExpiry?: string; // label of the expiry field; absent = no expiry
  submitLabel: string;
  cancelLabel: string;
  onSubmit: (text: string, expiresAt?: string) => Promise<void>;
  onClose: () => void;
}

export function ReasonDialog(p: ReasonDialogProps) {
  const [text, setText] = useState('');
  const [expiry, setExpiry] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (p.textRequired && !text.trim()) {
      setProblem(p.textRequired);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await p.onSubmit(text.trim(), expiry ? new Date(`${expiry}T23:59:59Z`).toISOString() : undefined);
      p.onClose();
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <ModalTransition>
      <Modal onClose={p.onClose} label={p.title}>
        <ModalHeader>
          <ModalTitle>{p.title}</ModalTitle>
        </ModalHeader>
        <ModalBody>
          {p.intro && <p>{p.intro}</p>}
          <label htmlFor="mw-reason" className="mw-label">{p.textLabel}</label>
          <TextArea id="mw-reason" value={text} onChange={(e) => setText(e.currentTarget.value)} isRequired={!!p.textRequired} />
          {p.withExpiry && (
            <>
              <label htmlFor="mw-expiry" className="mw-label">{p.withExpiry}</label>
              <Textfield id="mw-expiry" type="date" value={expiry} onChange={(e) => setExpiry(e.currentTarget.value)} />
            </>
          )}
          {problem && (
            <div role="alert">
              <SectionMessage appearance="error"><p>{problem}</p></SectionMessage>
            </div>
          )}
        </ModalBody>
        <ModalFooter>
          <Button appearance="subtle" onClick={p.onClose}>{p.cancelLabel}</Button>
          <Button appearance="primary" onClick={submit} isDisabled={busy}>{p.submitLabel}</Button>
        </ModalFooter>
      </Modal>
    </ModalTransition>
  );
}
