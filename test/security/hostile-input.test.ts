/**
 * @jest-environment jsdom
 *
 * Hostile names: a site whose project, status, user and group names carry HTML,
 * script, quotes, formula starts, right-to-left overrides, emoji and very long
 * text, checked by the real engine and rendered by every surface: the HTML export,
 * the e-mail, the CLI text, the CSV, and the dashboard's React pages. Each name
 * must come out intact as text and never as markup; CSV formulas are neutralised.
 */
import React from 'react';
import { render, screen } from '@testing-library/react';
import { startSimulator, type RunningSimulator } from '../../dev/simulator/server';
import { buildDemoSite, DEMO_CREDENTIALS, DEMO_SERVICE_ACCOUNT_EMAIL, GROUP_IDS, HR_MISSING_CUSTOMER_INDEXES } from '../../dev/simulator/sites/demo';
import { atlassianAccountId } from '../../dev/simulator/sites/ids';
import { STATUS } from '../../dev/simulator/sites/demo-workflows';
import { runReadiness } from '../../src/engine/run-readiness';
import { DEFAULT_ENGINE_SETTINGS, type Report } from '../../src/shared/report-model';
import { createHttpTransport } from '../../src/jira/http-transport';
import { renderReportHtml } from '../../src/report/html';
import { renderReportText } from '../../src/report/text';
import { renderReportCsv } from '../../src/report/csv';
import { composeReportEmail } from '../../src/email/compose';
import { ResolverClientProvider } from '../../static/dashboard/src/api/client-context';
import { fakeClient } from '../../static/dashboard/src/testing/fake-client';
import { OverviewPage } from '../../static/dashboard/src/pages/OverviewPage';
import { ProjectPage } from '../../static/dashboard/src/pages/ProjectPage';
import { nodeFetch } from './helpers/node-fetch';

const LONG = `Facilities ${'very-long-name-'.repeat(60)}end`;
const HOSTILE = {
  hrName: `<script>alert("hr")</script> "HR" & 'People' Desk`,
  itName: `=HYPERLINK("http://evil.example","IT")`,
  facName: `مكتب المرافق \u202Egnp.exe 🚀👩‍💻 ${LONG}`,
  botName: `"><img src=x onerror=alert(1)> Moveworks Bot`,
  group: `<b>all</b> & "staff" 🚀`,
  status: `Waiting for customer <img src=x onerror=alert(2)>`,
  people: ['+SUM(1,2)', '-2+3 Smith', '@cmd|calc', `Zoë </td><td onclick=alert(3)>`],
};

let sim: RunningSimulator;
let report: Report;

beforeAll(async () => {
  const site = buildDemoSite();
  site.project('HR')!.name = HOSTILE.hrName;
  site.project('ITSD')!.name = HOSTILE.itName;
  site.project('FAC')!.name = HOSTILE.facName;
  site.user(DEMO_CREDENTIALS.serviceAccount.accountId)!.displayName = HOSTILE.botName;
  HOSTILE.people.forEach((name, i) => {
    site.user(atlassianAccountId(HR_MISSING_CUSTOMER_INDEXES[i]! + 1))!.displayName = name;
  });
  const waiting = Object.values(STATUS).map((id) => site.status(id)).find((s) => /waiting/i.test(s?.name ?? ''));
  if (!waiting) throw new Error('the demo has no waiting status to rename');
  waiting.name = HOSTILE.status;
  const group = site.addGroup({ groupId: 'f0f0f0f0-0000-4000-8000-00000000hostile', name: HOSTILE.group });
  site.addToGroup(group.groupId, site.groupMembers(GROUP_IDS.allEmployees));

  sim = await startSimulator({ site, host: '127.0.0.1', port: 0 });
  const transport = createHttpTransport({ baseUrl: sim.url, email: DEMO_CREDENTIALS.admin.email, apiToken: DEMO_CREDENTIALS.admin.token, fetchImpl: nodeFetch });
  ({ report } = await runReadiness({
    transport,
    settings: { ...DEFAULT_ENGINE_SETTINGS, serviceAccount: DEMO_SERVICE_ACCOUNT_EMAIL, endUserGroups: [HOSTILE.group] },
    now: new Date('2026-11-28T12:00:00Z'),
  }));
}, 60_000);

afterAll(async () => {
  await sim?.close();
});

/** Names that the engine put into this report (a name it does not show cannot be checked on a surface). */
function namesInReport(): string[] {
  const json = JSON.stringify(report);
  return [HOSTILE.hrName, HOSTILE.itName, HOSTILE.facName, HOSTILE.botName, HOSTILE.group, HOSTILE.status, ...HOSTILE.people].filter((n) => json.includes(JSON.stringify(n).slice(1, -1)));
}

/** Parses HTML as a browser would and lists what a hostile name could have turned into. */
function injected(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const found: string[] = [];
  for (const s of Array.from(doc.querySelectorAll('script'))) if (/alert\(/.test(s.textContent ?? '')) found.push(`<script>${s.textContent}`);
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}=${attr.value}`);
  }
  for (const b of Array.from(doc.querySelectorAll('b'))) if (b.textContent === 'all') found.push('<b> from a group name');
  return found;
}

function textOf(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').documentElement.textContent ?? '';
}

describe('the engine carries the hostile names', () => {
  it('project, service account, group and user names reach the report', () => {
    expect(namesInReport()).toEqual(expect.arrayContaining([HOSTILE.hrName, HOSTILE.itName, HOSTILE.facName, HOSTILE.botName, HOSTILE.group]));
    // The demo's IT test desk keeps its own name.
    expect(report.projects.map((p) => p.name).sort()).toEqual([HOSTILE.hrName, HOSTILE.itName, HOSTILE.facName, 'IT Service Desk (Test)'].sort());
  });
});

/** The e-mail lists only what still blocks: the desks that are not ready, and the service account's time zone check, which does not pass. */
function namesInEmail(): string[] {
  return [...report.projects.filter((p) => p.ready !== true).map((p) => p.name), HOSTILE.botName];
}

describe.each([
  ['the HTML export', () => renderReportHtml(report, { mode: 'export' }), namesInReport],
  ['the e-mail (HTML body)', () => composeReportEmail(report, null).htmlBody, namesInEmail],
])('%s', (_label, html, names) => {
  it('turns no name into markup', () => {
    expect(injected(html())).toEqual([]);
  });
  it('shows every name intact as text', () => {
    const text = textOf(html());
    const missing = names().filter((name) => !text.includes(name));
    expect(missing).toEqual([]);
  });
});

describe('the e-mail (text body and subject)', () => {
  it('keeps the names intact and the subject on one line', () => {
    const email = composeReportEmail(report, null);
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(namesInEmail().filter((name) => !email.textBody.includes(name))).toEqual([]);
  });
});

describe('the CLI text output', () => {
  it('shows every project and service-account name intact', () => {
    const text = renderReportText(report, { color: false });
    for (const name of [...report.projects.map((p) => p.name), HOSTILE.botName].filter((n) => namesInReport().includes(n))) expect(text).toContain(name);
  });
});

describe('the CSV export', () => {
  /** RFC 4180 cells of one line-broken CSV document. */
  function cells(csv: string): string[] {
    const out: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < csv.length; i++) {
      const ch = csv[i]!;
      if (quoted) {
        if (ch === '"' && csv[i + 1] === '"') (cell += '"'), i++;
        else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',' || ch === '\n') out.push(cell), (cell = '');
      else if (ch !== '\r') cell += ch;
    }
    out.push(cell);
    return out;
  }

  it('neutralises every cell that a spreadsheet would read as a formula', () => {
    const all = cells(renderReportCsv(report));
    const formulas = all.filter((c) => /^[=+\-@\t\r]/.test(c));
    expect(formulas).toEqual([]);
    expect(all).toContain(`'${HOSTILE.itName}`);
  });
});

describe('the dashboard (React, jsdom)', () => {
  const hr = () => report.projects.find((p) => p.name === HOSTILE.hrName)!;
  const client = () =>
    fakeClient({
      getOverview: { report, progress: null, settingsConfigured: true },
      getProjectView: { project: hr(), siteChecks: report.checks, progress: null, generatedAt: report.generatedAt },
    });

  it('the overview shows the names as text and no markup from them', async () => {
    const { container } = render(React.createElement(ResolverClientProvider, { client: client(), children: React.createElement(OverviewPage, { onOpenProject: jest.fn(), onOpenSettings: jest.fn() }) }));
    await screen.findByTestId('matrix');
    expect(injected(container.innerHTML)).toEqual([]);
    for (const p of report.projects) expect(container.textContent).toContain(p.name);
  });

  it("HR's page shows its hostile name and the bot's as text, and no markup from any name", async () => {
    const { container } = render(React.createElement(ResolverClientProvider, { client: client(), children: React.createElement(ProjectPage, { projectKey: hr().key }) }));
    await screen.findAllByText(/HR|People/);
    expect(injected(container.innerHTML)).toEqual([]);
    const shown = [HOSTILE.hrName, HOSTILE.botName, ...HOSTILE.people].filter((name) => container.textContent!.includes(name));
    console.log(`Hostile input: HR's page shows ${shown.length} of ${2 + HOSTILE.people.length} hostile names as text; in the report: ${namesInReport().length}`);
    expect(shown).toEqual(expect.arrayContaining([HOSTILE.hrName, HOSTILE.botName]));
  });
});
