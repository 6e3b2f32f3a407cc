import { escapeHtml, safeHttpUrl } from './escape';
import { renderReportHtml } from './html';
import { renderReportPlainText } from './plain-text';
import { composeReportEmail } from '../email/compose';
import { HOSTILE_NAME, sampleReport } from './testing/sample-report';

describe('escapeHtml / safeHttpUrl', () => {
  it('escapes the five markup characters and backtick', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\``)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;');
  });
  it('keeps only absolute http(s) URLs', () => {
    expect(safeHttpUrl('https://acme.atlassian.net/x?a=1')).toBe('https://acme.atlassian.net/x?a=1');
    expect(safeHttpUrl('http://127.0.0.1:3000/')).toBe('http://127.0.0.1:3000/');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl(' JAVASCRIPT:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,<b>')).toBeNull();
    expect(safeHttpUrl('/relative')).toBeNull();
    expect(safeHttpUrl(undefined)).toBeNull();
  });
});

function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
}

describe('renderReportHtml', () => {
  const exported = renderReportHtml(sampleReport(), { mode: 'export' });
  const email = renderReportHtml(sampleReport(), {
    mode: 'email',
    title: 'Weekly <readiness>',
    diff: { newlyFailing: ['IT:CUST-COVERAGE'], fixed: ['site:SA-EXISTS'], stillFailing: ['site:SA-TIMEZONE'], newlyErroring: [] },
  });

  it('escapes text from Jira everywhere', () => {
    for (const html of [exported, email]) {
      expect(html).not.toContain('<script');
      expect(html).not.toContain(HOSTILE_NAME);
    }
    expect(exported).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;');
    expect(email).toContain('Weekly &lt;readiness&gt;');
  });

  it('links only http(s) URLs; a javascript: step is plain text', () => {
    const all = hrefs(exported);
    expect(all.length).toBeGreaterThan(2);
    for (const href of all) expect(href).toMatch(/^https?:\/\//);
    expect(exported).toContain('A step with a hostile link');
    expect(exported).not.toContain('javascript:');
    expect(all).toContain('https://id.atlassian.com/manage-profile/account-preferences');
  });

  it('uses inline styles and tables only: no style blocks, classes or scripts (the export has only its print stylesheet)', () => {
    expect(email).not.toMatch(/<style|class=|<script|<link /i);
    expect(exported).not.toMatch(/class=|<script|<link /i);
    expect(exported.match(/<style>[^<]*<\/style>/g)).toEqual([expect.stringMatching(/^<style>@media print\{/)]);
    for (const html of [exported, email]) expect(html).toContain('<table');
  });

  it('export is a whole document with every check, its evidence and each project', () => {
    expect(exported.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(exported).toContain('<title>Moveworks readiness: https://acme.atlassian.net</title>');
    for (const id of ['SA-EXISTS', 'SA-TIMEZONE', 'SA-API-TOKEN', 'MW-CONNECTOR', 'CUST-COVERAGE', 'WF-EXPORT', 'WF-REOPEN-UNASSIGNS']) {
      expect(exported).toContain(id);
    }
    expect(exported).toContain('Time zone:</span> <bdi>Europe/London</bdi>');
    expect(exported).toContain('NOT READY');
    expect(exported).toContain('50% (4 of 8 required checks pass)');
  });

  it('e-mail is a fragment with what changed and only what still blocks', () => {
    expect(email.startsWith('<div')).toBe(true);
    expect(email).not.toContain('<html');
    expect(email).toContain('What changed since the last run');
    expect(email).toContain('Newly failing (1)');
    expect(email).toContain('IT:CUST-COVERAGE');
    expect(email).toContain('What still blocks');
    // Blocking: required fail / error / manual. Passing and optional ones are not listed.
    expect(email).toContain('SA-TIMEZONE');
    expect(email).toContain('SA-API-TOKEN');
    expect(email).toContain('WF-ANY-TO-RESOLVED');
    expect(email).not.toContain('WF-EXPORT');
    expect(email).not.toContain('WF-ANY-TO-IN-PROGRESS');
  });

  it('says nothing blocks when every required check passes', () => {
    const report = sampleReport();
    report.checks = report.checks.filter((c) => c.status === 'pass');
    report.projects = [];
    report.ready = true;
    const html = renderReportHtml(report, { mode: 'email' });
    expect(html).toContain('No required check is blocking.');
    expect(html).toContain('READY');
  });
});

describe('renderReportPlainText', () => {
  it('puts what changed above the table, without colour or control characters', () => {
    const text = renderReportPlainText(sampleReport(), {
      diff: { newlyFailing: ['IT:CUST-COVERAGE'], fixed: [], stillFailing: [], newlyErroring: [] },
    });
    expect(text.startsWith('What changed since the last run\n  Newly failing (1): IT:CUST-COVERAGE\n')).toBe(true);
    expect(text).toContain('Site: NOT READY');
    expect(text).not.toContain('\u001b');
  });
});

describe('one renderer for the e-mail and the export', () => {
  const diff = { newlyFailing: ['IT:CUST-COVERAGE'], fixed: ['site:SA-EXISTS'], stillFailing: ['site:SA-TIMEZONE'], newlyErroring: [] };
  const options = { siteName: 'Acme', appUrl: 'https://acme.atlassian.net/jira/settings/apps/a/b' };

  it('the e-mail sends exactly what the renderers produce in e-mail mode', () => {
    const email = composeReportEmail(sampleReport(), diff, options);
    expect(email.htmlBody).toBe(renderReportHtml(sampleReport(), { mode: 'email', diff, ...options }));
    expect(email.textBody).toBe(renderReportPlainText(sampleReport(), { mode: 'email', diff, ...options }));
  });

  it('the export carries the e-mail digest (first steps, what still blocks per desk) plus the full evidence', () => {
    const exported = renderReportHtml(sampleReport(), { mode: 'export', diff });
    const order = ['Newly failing (1)', 'What still blocks Moveworks', 'Site checks', 'Service desks'].map((s) => exported.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(exported).toContain('<strong>First step:</strong> <bdi>Set the time zone to America/Danmarkshavn in account preferences.</bdi>');
    expect(exported).toContain('Still failing since the last run (1)');
    expect(exported).toContain('Covered:</span> <bdi>3</bdi>');
  });

  it('an export without a previous run has no "what changed" section; an e-mail says it is the first', () => {
    expect(renderReportHtml(sampleReport(), { mode: 'export' })).not.toContain('What changed');
    expect(renderReportHtml(sampleReport(), { mode: 'email' })).toContain('This is the first report');
  });

  it('the inbox preview line names the gate, the score and how many checks block', () => {
    const html = renderReportHtml(sampleReport(), { mode: 'email' });
    expect(html).toMatch(/<div style="display:none;[^"]*">NOT READY · 50% \(4 of 8 required checks pass\) · 4 required checks block Moveworks\.<\/div>/);
  });
});
