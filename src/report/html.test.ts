import { escapeHtml, safeHttpUrl } from './escape';
import { renderReportHtml } from './html';
import { renderReportPlainText } from './plain-text';
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

  it('uses inline styles and tables only: no style blocks, classes or scripts', () => {
    for (const html of [exported, email]) {
      expect(html).not.toMatch(/<style|class=|<script|<link /i);
      expect(html).toContain('<table');
    }
  });

  it('export is a whole document with every check, its evidence and each project', () => {
    expect(exported.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(exported).toContain('<title>Moveworks readiness: https://acme.atlassian.net</title>');
    for (const id of ['SA-EXISTS', 'SA-TIMEZONE', 'SA-API-TOKEN', 'MW-CONNECTOR', 'CUST-COVERAGE', 'WF-EXPORT', 'WF-REOPEN-UNASSIGNS']) {
      expect(exported).toContain(id);
    }
    expect(exported).toContain('&quot;timeZone&quot;: &quot;Europe/London&quot;');
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
