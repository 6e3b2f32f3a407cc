/**
 * The preview's Outbox (/outbox): the e-mails the app asked Jira to send, as the
 * simulator recorded them from POST /issue/{key}/notify, newest first. Each shows
 * its subject, recipients, time and report issue, the HTML body rendered in a
 * sandboxed frame (srcdoc, no scripts, no same-origin; the page's content security
 * policy, which a srcdoc frame inherits, allows inline styles and nothing else) and
 * the text body as text.
 */
import type { RecordedNotification } from '../simulator/routes/route';
import { escapeHtml } from './html';

/** Sent with the page: no script, no fetch, no remote images; inline styles only (the mail uses nothing else). */
export const OUTBOX_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

export interface OutboxOptions {
  siteLabel: string;
  /** False on a real site: its mail goes through the real Jira, nothing is recorded here. */
  recording: boolean;
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

function mail(n: RecordedNotification, index: number): string {
  const id = `mail-${index}`;
  const names = n.recipients.map((r) => escapeHtml(r.displayName)).join(', ') || '(nobody)';
  return `<article class="mail" aria-labelledby="${id}-subject" data-testid="outbox-mail">
  <h2 id="${id}-subject">${escapeHtml(n.subject)}</h2>
  <dl>
    <dt>To</dt><dd data-testid="outbox-recipients">${names} <span class="count">(${n.recipients.length})</span></dd>
    <dt>Sent</dt><dd><time datetime="${escapeHtml(n.at)}">${escapeHtml(when(n.at))}</time></dd>
    <dt>About</dt><dd>${escapeHtml(n.issueKey)}</dd>
  </dl>
  <h3>HTML body</h3>
  <iframe class="body" title="HTML body of: ${escapeHtml(n.subject)}" sandbox="" referrerpolicy="no-referrer" srcdoc="${escapeHtml(n.htmlBody ?? '<p>(no HTML body)</p>')}" data-testid="outbox-html"></iframe>
  <details>
    <summary>Text body</summary>
    <pre data-testid="outbox-text">${escapeHtml(n.textBody ?? '(no text body)')}</pre>
  </details>
</article>`;
}

export function renderOutboxPage(notifications: readonly RecordedNotification[], o: OutboxOptions): string {
  const newestFirst = [...notifications].map((n, i) => ({ n, i })).sort((a, b) => b.n.at.localeCompare(a.n.at) || b.i - a.i);
  const body = !o.recording
    ? '<p>This preview talks to a real Jira site, whose mail server sends the e-mails; only the simulated site records them here.</p>'
    : newestFirst.length === 0
      ? '<p>No e-mails yet. Send a test report from Settings, or let a scheduled run finish.</p>'
      : newestFirst.map(({ n }, i) => mail(n, i)).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Outbox: Moveworks readiness local preview</title>
<style>
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; background: #f7f8f9; color: #172b4d; }
  header { display: flex; gap: 16px; align-items: center; padding: 8px 16px; background: #1d2125; color: #fff; }
  header a { color: #fff; }
  main { max-width: 980px; margin: 0 auto; padding: 16px; }
  .mail { background: #fff; border: 1px solid #dcdfe4; border-radius: 4px; padding: 16px; margin-bottom: 24px; }
  .mail h2 { font-size: 18px; margin: 0 0 8px; }
  .mail h3 { font-size: 14px; margin: 16px 0 4px; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
  dt { color: #44546f; font-weight: 600; }
  dd { margin: 0; }
  .count { color: #44546f; }
  iframe.body { display: block; width: 100%; height: 720px; border: 1px solid #dcdfe4; resize: vertical; overflow: auto; background: #fff; }
  pre { white-space: pre-wrap; word-break: break-word; background: #f7f8f9; padding: 8px; border: 1px solid #dcdfe4; }
</style>
</head>
<body>
<header role="banner"><strong>Outbox</strong><a href="/">Back to the app</a><span>Jira: ${escapeHtml(o.siteLabel)}</span></header>
<main>
<h1>E-mails sent through Jira (${o.recording ? newestFirst.length : 0})</h1>
${body}
</main>
</body>
</html>
`;
}
