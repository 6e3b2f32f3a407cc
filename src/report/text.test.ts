import { renderReportText } from './text';
import { sampleReport } from './testing/sample-report';

describe('renderReportText', () => {
  const plain = renderReportText(sampleReport());

  it('shows the site gate and score first, then site checks, then each project', () => {
    const lines = plain.split('\n');
    expect(lines[0]).toBe('Moveworks readiness: https://acme.atlassian.net');
    expect(plain).toContain('Site: NOT READY   Score: 50% (4 of 8 required checks pass)');
    const site = plain.indexOf('Site checks');
    const it = plain.indexOf('Project IT — IT Service Desk (company-managed): NOT READY, score 33.3% (1 of 3 required checks pass)');
    const hr = plain.indexOf('Project HR');
    expect(site).toBeGreaterThan(0);
    expect(it).toBeGreaterThan(site);
    expect(hr).toBeGreaterThan(it);
  });

  it('lists status, id and summary per check, with remediation only where action is needed', () => {
    expect(plain).toMatch(/^ {2}FAIL +SA-TIMEZONE +Time zone is Europe\/London, not America\/Danmarkshavn\.$/m);
    expect(plain).toMatch(/^ {2}PASS +SA-EXISTS +Moveworks Bot is an active Atlassian account\.$/m);
    expect(plain).toMatch(/→ Set the time zone to America\/Danmarkshavn in account preferences\. https:\/\/id\.atlassian\.com/);
    expect(plain).toMatch(/^ {2}N\/A +WF-REOPEN-UNASSIGNS +Team-managed project\. \(optional\)$/m);
    // A passing check's remediation is not shown.
    const report = sampleReport();
    report.checks[0].remediation = [{ text: 'Never shown for a pass' }];
    expect(renderReportText(report)).not.toContain('Never shown for a pass');
  });

  it('has no colour unless asked, and colours statuses when asked', () => {
    expect(plain).not.toContain('\u001b[3');
    const coloured = renderReportText(sampleReport(), { color: true });
    expect(coloured).toContain('\u001b[31mFAIL');
    expect(coloured).toContain('\u001b[32mPASS');
  });

  it('strips control characters coming from Jira so text cannot recolour the terminal', () => {
    expect(plain).not.toContain('\u001b');
    expect(plain).toContain('[31mred');
  });

  it('says so when the service account was not found and there are no projects', () => {
    const report = sampleReport();
    report.serviceAccount = null;
    report.projects = [];
    // The gate is computed from the checks: a required check that could not be decided, and none failing, leaves it unknown.
    report.checks = report.checks.map((c) => (c.status === 'fail' || c.status === 'manual' ? { ...c, status: 'error' as const } : c));
    const text = renderReportText(report);
    expect(text).toContain('Service account: not found');
    expect(text).toContain('Site: UNKNOWN');
    expect(text).toContain('No service desk projects were checked.');
  });
});
