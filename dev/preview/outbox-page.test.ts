/** @jest-environment jsdom */
import type { RecordedNotification } from '../simulator/routes/route';
import { OUTBOX_CSP, renderOutboxPage } from './outbox-page';

const hostile = '<script>alert("x")</script>';
const mail = (at: string, subject: string, htmlBody?: string): RecordedNotification => ({
  at,
  issueKey: 'ITSD-7',
  from: 'acc-admin',
  subject,
  htmlBody,
  textBody: `Readiness: Not ready\n${hostile}`,
  recipients: [
    { accountId: 'a1', displayName: 'Elena Petrova' },
    { accountId: 'a2', displayName: `Mallory ${hostile}` },
  ],
});

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('renderOutboxPage', () => {
  const notifications = [
    mail('2026-11-30T09:00:00.000Z', 'Older', '<div style="color:red">Older body</div>'),
    mail('2026-11-30T10:00:00.000Z', `Newer ${hostile}`, `<div>Newer body ${hostile.replace(/</g, '&lt;')}</div><script>parent.alert(1)</script>`),
  ];
  const doc = parse(renderOutboxPage(notifications, { siteLabel: 'sim', recording: true }));

  it('lists the e-mails newest first with subject, recipients by name, time and issue', () => {
    const mails = [...doc.querySelectorAll('[data-testid="outbox-mail"]')];
    expect(mails.map((m) => m.querySelector('h2')!.textContent)).toEqual([`Newer ${hostile}`, 'Older']);
    expect(mails[0].querySelector('[data-testid="outbox-recipients"]')!.textContent).toBe(`Elena Petrova, Mallory ${hostile} (2)`);
    expect(mails[0].querySelector('time')!.getAttribute('datetime')).toBe('2026-11-30T10:00:00.000Z');
    expect(mails[0].textContent).toContain('ITSD-7');
    expect(doc.querySelector('h1')!.textContent).toBe('E-mails sent through Jira (2)');
  });

  it('renders the HTML body only in a sandboxed srcdoc frame, the text body as text', () => {
    const frame = doc.querySelector('[data-testid="outbox-html"]') as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe(''); // no scripts, no same-origin, no top navigation
    expect(frame.getAttribute('srcdoc')).toBe(notifications[1].htmlBody);
    expect(frame.getAttribute('src')).toBeNull();
    // Nothing from a mail became markup of the page itself.
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(doc.querySelector('[data-testid="outbox-text"]')!.textContent).toBe(notifications[1].textBody);
  });

  it('the page policy lets a srcdoc frame (which inherits it) style inline and nothing more', () => {
    expect(OUTBOX_CSP).toContain("default-src 'none'");
    expect(OUTBOX_CSP).toContain("style-src 'unsafe-inline'");
    expect(OUTBOX_CSP).not.toMatch(/script-src|connect-src/);
  });

  it('says what to do when empty, and that a real site records nothing', () => {
    expect(parse(renderOutboxPage([], { siteLabel: 'sim', recording: true })).body.textContent).toContain('Send a test report from Settings');
    expect(parse(renderOutboxPage([], { siteLabel: 'https://acme.atlassian.net', recording: false })).body.textContent).toContain('real Jira site');
  });
});
