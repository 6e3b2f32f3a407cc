import { diffReports } from '../engine/diff';
import type { CheckResult, Report, ReportDiff } from '../shared/report-model';
import { composeReportEmail, shouldSend } from './compose';
import { MAX_BLOCKING_ITEMS, MAX_CHANGE_ITEMS } from '../report/email-content';
import { check, HOSTILE, project, report } from './testing/report-fixtures';

const tzFix = { text: 'Set the time zone to America/Danmarkshavn.', url: 'https://id.atlassian.com/manage-profile/account-preferences' };
const roleFix = { text: 'Add the service account to Service Desk Team.', url: 'https://acme.atlassian.net/plugins/servlet/project-config/IT/roles' };

function previousRun(): Report {
  return report(
    [check({ id: 'SA-EXISTS', status: 'pass' }), check({ id: 'SA-TIMEZONE', status: 'pass' }), check({ id: 'SA-API-TOKEN', status: 'manual' })],
    [
      project('IT', [check({ id: 'SA-PROJECT-ROLE', status: 'pass' }), check({ id: 'CUST-COVERAGE', status: 'fail' }), check({ id: 'WF-ANY-TO-RESOLVED', status: 'pass' })], 'IT Service Desk'),
      project('HR', [check({ id: 'SA-PROJECT-ROLE', status: 'error' })], 'HR Desk'),
    ],
    '2026-11-21T09:00:00.000Z',
  );
}

function currentRun(): Report {
  return report(
    [
      check({ id: 'SA-EXISTS', status: 'pass' }),
      check({ id: 'SA-TIMEZONE', status: 'fail', title: 'Service account time zone', summary: 'Time zone is Europe/London.', remediation: [tzFix, { text: 'Second step', url: 'https://example.com/2' }] }),
      check({ id: 'SA-API-TOKEN', status: 'manual', title: 'API token', summary: 'Attest that an API token exists.' }),
    ],
    [
      project('IT', [
        check({ id: 'SA-PROJECT-ROLE', status: 'fail', title: 'Service Desk Team role', summary: 'Moveworks Bot is not in the role.', remediation: [roleFix] }),
        check({ id: 'CUST-COVERAGE', status: 'pass', title: 'End users are customers' }),
        check({ id: 'WF-ANY-TO-RESOLVED', status: 'error', title: 'Any → Resolved', summary: 'Could not read workflow: Jira answered 403.' }),
      ], 'IT Service Desk'),
      project('HR', [check({ id: 'SA-PROJECT-ROLE', status: 'pass', title: 'Service Desk Team role' })], 'HR Desk'),
    ],
  );
}

/** Every title is in the body, in this order. */
function expectSectionsInOrder(body: string, titles: string[]): void {
  const order = titles.map((s) => body.indexOf(s));
  expect(order.every((i) => i >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
}

describe('composeReportEmail', () => {
  const current = currentRun();
  const diff = diffReports(previousRun(), current);
  const email = composeReportEmail(current, diff, { siteName: 'Acme', appUrl: 'https://acme.atlassian.net/jira/settings/apps/app-id/env-id' });

  test('the diff the fixture builds has every section', () => {
    expect(diff).toEqual({
      newlyFailing: ['site:SA-TIMEZONE', 'IT:SA-PROJECT-ROLE'],
      fixed: ['IT:CUST-COVERAGE', 'HR:SA-PROJECT-ROLE'],
      stillFailing: [],
      newlyErroring: ['IT:WF-ANY-TO-RESOLVED'],
    });
  });

  test('subject names the gate, the score and the changes', () => {
    // 3 of 7 required pass: SA-EXISTS, CUST-COVERAGE, HR role.
    expect(current.score.percent).toBeCloseTo(42.9);
    // The score as every surface prints it: one decimal, not rounded again.
    expect(email.subject).toBe('Moveworks readiness for Acme: Not ready (42.9%) — 2 newly failing, 2 fixed, 1 newly erroring');
  });

  test('HTML has the sections in order, with titles, summaries and first steps', () => {
    const html = email.htmlBody;
    expectSectionsInOrder(html, ['Newly failing (2)', 'Fixed (2)', 'Newly could not be checked (1)', 'What still blocks Moveworks', 'Open Moveworks Readiness']);
    expect(html).toContain('Time zone is Europe/London.');
    expect(html).toContain(`<strong>First step:</strong> <bdi>${tzFix.text}</bdi> <a href="${tzFix.url}"`);
    expect(html).not.toContain('Second step'); // only the first step is in the mail
    expect(html).toContain('Could not read workflow: Jira answered 403.');
    expect(html).toContain('href="https://acme.atlassian.net/jira/settings/apps/app-id/env-id"');
    expect(html).toContain('>Not ready</span>');
  });

  test('what still blocks lists required failing, erroring and unattested manual checks per desk', () => {
    const blocks = email.htmlBody.slice(email.htmlBody.indexOf('What still blocks Moveworks'));
    expect(blocks).toContain('<bdi>Site</bdi>');
    expect(blocks).toContain('<bdi>IT — IT Service Desk</bdi>');
    expect(blocks).not.toContain('HR — HR Desk'); // nothing blocks HR
    for (const words of ['Failing', 'Needs attestation', 'Could not be checked']) expect(blocks).toContain(words);
    expect(blocks).toContain(roleFix.url);
  });

  test('what still blocks says who can do each item, as the Overview does', () => {
    const blocks = email.htmlBody.slice(email.htmlBody.indexOf('What still blocks Moveworks'));
    const role = blocks.slice(blocks.indexOf('IT:SA-PROJECT-ROLE'));
    expect(role.slice(0, role.indexOf('</td>'))).toContain('<strong>Who can do it:</strong> <bdi>Service desk admin</bdi>');
    const tz = blocks.slice(blocks.indexOf('SA-TIMEZONE'));
    expect(tz.slice(0, tz.indexOf('</td>'))).toContain('<strong>Who can do it:</strong> <bdi>Site admin</bdi>');
    // Only what still blocks says it: the changes above list what happened.
    expect(email.htmlBody.slice(0, email.htmlBody.indexOf('What still blocks Moveworks'))).not.toContain('Who can do it');

    const text = email.textBody.slice(email.textBody.indexOf('What still blocks Moveworks'));
    expect(text).toContain(`First step: ${roleFix.text} <${roleFix.url}>\n        Who can do it: Service desk admin`);
    expect(text).toContain(`First step: ${tzFix.text} <${tzFix.url}>\n        Who can do it: Site admin`);
  });

  test('an acknowledged gap still blocks, and says who accepted it and why', () => {
    const acknowledged = currentRun();
    acknowledged.projects[0].checks[0].acknowledgement = { by: '557058:ada', byName: 'Ada <Admin>', at: '2026-11-27T10:00:00.000Z', reason: 'Role change pending', evidenceHash: 'h' };
    const mail = composeReportEmail(acknowledged, diff);
    const blocks = mail.htmlBody.slice(mail.htmlBody.indexOf('What still blocks Moveworks'));
    expect(blocks).toContain('Acknowledged by <bdi>Ada &lt;Admin&gt;</bdi>: <bdi>Role change pending</bdi>');
    expect(mail.textBody).toContain('Acknowledged by Ada <Admin>: Role change pending');
  });

  test('plain text carries the same content', () => {
    const text = email.textBody;
    expectSectionsInOrder(text, ['Newly failing (2)', 'Fixed (2)', 'Newly could not be checked (1)', 'What still blocks Moveworks', 'Open Moveworks Readiness: https://']);
    expect(text).toContain('Readiness: Not ready');
    expect(text).toContain('  - Site: Service account time zone (SA-TIMEZONE)');
    expect(text).toContain(`First step: ${tzFix.text} <${tzFix.url}>`);
    expect(text).toContain('  - IT — IT Service Desk: End users are customers (CUST-COVERAGE)');
    expect(text).toContain('    - [Needs attestation] API token (SA-API-TOKEN)');
    expect(text).not.toMatch(/<(?!https?:)[a-z]/i); // no markup, only <url> links
  });

  test('HTML is mail-safe: inline styles only, no style blocks, scripts, images or external resources', () => {
    const html = email.htmlBody;
    expect(html).not.toMatch(/<style|<script|<img|<link|<iframe|class=|url\(/i);
    expect(html).toContain('<table role="presentation"');
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.every((h) => h.startsWith('https://'))).toBe(true);
  });
});

describe('hostile text', () => {
  const names = Object.values(HOSTILE);
  const hostileReport = report(
    [check({ id: 'SA-EXISTS', status: 'fail', title: HOSTILE.quotes, summary: HOSTILE.long, remediation: [{ text: HOSTILE.script, url: 'javascript:alert(1)' }] })],
    names.map((name, i) =>
      project(`P${i}`, [check({ id: 'CUST-COVERAGE', status: 'fail', summary: `Missing: ${name}`, remediation: [{ text: `Add ${name}`, url: `https://acme.atlassian.net/x?q="><script>` }] })], name),
    ),
  );
  const previous = report([check({ id: 'SA-EXISTS', status: 'pass' })], []);
  const email = composeReportEmail(hostileReport, diffReports(previous, hostileReport), { siteName: `${HOSTILE.script}\r\nBcc: evil@example.com`, appUrl: 'javascript:alert(2)' });

  test('nothing hostile survives as markup in the HTML', () => {
    const html = email.htmlBody;
    expect(html).not.toMatch(/<script|<b>|javascript:/i);
    // Every attribute value stays quoted: no hostile quote closes an href early.
    expect([...html.matchAll(/href="([^"]*)"/g)].every((m) => /^https:\/\/[^\s<>"]+$/.test(m[1]))).toBe(true);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('O&#39;Brien &quot;the&quot; &#96;admin&#96; &amp; co');
    // The whole 5,000-character summary, escaped, in one piece.
    expect(html).toContain(`<bdi>${'L'.repeat(4_990)}&lt;b&gt;end&lt;/b&gt;</bdi>`);
    // RTL and emoji intact, isolated from the text around them.
    expect(html).toContain(`<bdi>P2 — ${HOSTILE.rtl}</bdi>`);
    expect(html).toContain(`<bdi>P3 — ${HOSTILE.emoji}</bdi>`);
    // A javascript: step is shown as text, not a link; the app falls back to the site.
    expect(html).toContain('<strong>First step:</strong> <bdi>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</bdi></div>');
    expect(html).toContain('https://acme.atlassian.net/x?q=%22%3E%3Cscript%3E');
  });

  test('the text body keeps every name intact, bidi text isolated', () => {
    const text = email.textBody;
    expect(text).toContain(HOSTILE.script);
    expect(text).toContain(HOSTILE.quotes);
    expect(text).toContain(HOSTILE.long);
    expect(text).toContain(`\u2068P2 — ${HOSTILE.rtl}\u2069`);
    expect(text).toContain(HOSTILE.emoji);
    expect(text).not.toContain('javascript:');
    // Details stay a fixed step in, however long the desk name in front of them.
    const detailIndents = text.split('\n').filter((l) => l.trimStart().startsWith('First step:')).map((l) => l.length - l.trimStart().length);
    expect(detailIndents.length).toBeGreaterThan(0);
    expect(Math.max(...detailIndents)).toBeLessThanOrEqual(8);
  });

  test('the subject stays one line and cannot inject headers', () => {
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject.startsWith('Moveworks readiness for <script>alert("x")</script> Bcc: evil@example.com: Not ready (0%)')).toBe(true);
    const long = composeReportEmail(hostileReport, null, { siteName: HOSTILE.emoji.repeat(40) }).subject;
    expect(long).toMatch(/^Moveworks readiness for (🚀 Desk 🧑🏽‍💻)+.*…: Not ready \(0%\)$/u);
    expect(long).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no half emoji
  });
});

describe('subject variants', () => {
  const passing: CheckResult[] = [check({ id: 'SA-EXISTS', status: 'pass' })];
  test.each<[string, Report, Parameters<typeof composeReportEmail>[1], string]>([
    ['ready, nothing changed', report(passing, []), { newlyFailing: [], fixed: [], stillFailing: [], newlyErroring: [] }, 'Moveworks readiness: Ready (100%) — no changes'],
    ['first report', report(passing, []), null, 'Moveworks readiness: Ready (100%)'],
    ['unknown with no score', { ...report([check({ id: 'SA-EXISTS', status: 'not_applicable' })], []), ready: null }, null, 'Moveworks readiness: Unknown'],
    ['unknown gate from an error', report([check({ id: 'SA-EXISTS', status: 'error' })], []), { newlyFailing: [], fixed: [], stillFailing: [], newlyErroring: ['site:SA-EXISTS'] }, 'Moveworks readiness: Unknown (0%) — 1 newly erroring'],
    ['one newly failing', report([check({ id: 'SA-EXISTS', status: 'fail' })], []), { newlyFailing: ['site:SA-EXISTS'], fixed: [], stillFailing: [], newlyErroring: [] }, 'Moveworks readiness: Not ready (0%) — 1 newly failing'],
  ])('%s', (_name, r, diff, subject) => expect(composeReportEmail(r, diff).subject).toBe(subject));
});

describe('large sites', () => {
  const desks = Array.from({ length: 200 }, (_, i) => project(`D${i}`, [check({ id: 'CUST-COVERAGE', status: 'fail' })]));
  const big = report([], desks);
  const email = composeReportEmail(big, diffReports(report([], []), big));

  test('sections are capped with a count of what was left out', () => {
    expect(email.subject).toContain('200 newly failing');
    expect(email.htmlBody).toContain('Newly failing (200)');
    expect(email.htmlBody).toContain(`…and ${200 - MAX_CHANGE_ITEMS} more checks`);
    expect(email.htmlBody).toContain(`…and ${200 - MAX_BLOCKING_ITEMS} more blocking checks`);
    expect(email.textBody).toContain(`…and ${200 - MAX_CHANGE_ITEMS} more; the app lists them all.`);
    expect(Buffer.byteLength(email.htmlBody)).toBeLessThan(300 * 1024);
  });

  test('a report where nothing blocks says so', () => {
    const ok = composeReportEmail(report([check({ id: 'SA-EXISTS', status: 'pass' })], []), { newlyFailing: [], fixed: [], stillFailing: [], newlyErroring: [] });
    expect(ok.htmlBody).toContain('Nothing changed since the last run.');
    expect(ok.htmlBody).toContain('Nothing: every required check passes.');
    expect(ok.textBody).toContain('Nothing: every required check passes.');
    expect(ok.textBody).toContain('Open Moveworks Readiness in https://acme.atlassian.net');
  });
});

describe('shouldSend', () => {
  const none: ReportDiff = { newlyFailing: [], fixed: [], stillFailing: ['site:SA-TIMEZONE'], newlyErroring: [] };
  const some: ReportDiff = { ...none, fixed: ['IT:CUST-COVERAGE'] };
  test.each<[Parameters<typeof shouldSend>[0], ReportDiff | null, boolean, boolean]>([
    ['always', none, false, true],
    ['changes', none, false, false],
    ['changes', some, false, true],
    ['changes', none, true, true],
    ['changes', null, false, true],
    [undefined, none, false, true],
  ])('%#: sendWhen %s', (sendWhen, diff, isTest, expected) => expect(shouldSend(sendWhen, diff, isTest)).toBe(expected));
});
