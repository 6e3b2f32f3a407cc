/** The Moveworks connector values, each with a copy button. The token itself is never known to the app. */
import React, { useState } from 'react';
import Button from '@atlaskit/button/new';
import type { ConnectorValues } from '../../../../src/shared/resolver-api';
import { useResolver } from '../api/use-resolver';
import { ErrorView, Loading } from '../components/LoadStates';
import { messages } from '../messages';
import { PageTitle } from '../components/PageTitle';

function CopyRow({ label, value, hint }: { label: string; value: string | null; hint?: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (!value) return;
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      // Clipboard can be blocked inside the Jira iframe; the value stays selectable.
    }
  };
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{value ? <code className="mw-copy-value">{value}</code> : <span className="mw-muted">{hint}</span>}</td>
      <td>
        {value && (
          <Button onClick={copy}>
            {copied ? messages.connector.copied : messages.connector.copy(label)}
          </Button>
        )}
      </td>
    </tr>
  );
}

export function ConnectorPage() {
  const { state, reload } = useResolver('getConnectorValues', {});
  if (state.kind === 'loading') return <Loading />;
  if (state.kind === 'error') return <ErrorView error={state.error} onRetry={reload} />;
  const v: ConnectorValues = state.data;
  const m = messages.connector;
  return (
    <section aria-labelledby="connector-heading" className="mw-page">
      <PageTitle id="connector-heading" title={m.heading} />
      <p>{m.intro}</p>
      <table className="mw-table" data-testid="connector-values">
        <caption className="mw-visually-hidden">{m.heading}</caption>
        <tbody>
          <CopyRow label={m.connectionName} value={v.connectionName} />
          <CopyRow label={m.baseUrl} value={v.baseUrl} />
          <CopyRow label={m.authenticationType} value={v.authenticationType} />
          <CopyRow label={m.username} value={v.username} hint={m.noUsername} />
          <tr>
            <th scope="row">{m.password}</th>
            <td colSpan={2}>{v.passwordHint}</td>
          </tr>
          <tr>
            <th scope="row">{m.accountIdSetting}</th>
            <td colSpan={2}>{v.accountIdSetting}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
