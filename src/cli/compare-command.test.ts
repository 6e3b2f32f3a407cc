import { judge } from '../engine/judge';
import { ok, project, settings, site } from '../requirements/testing/snapshot-builder';
import { patch, readyTransitions, workflowData, workflowSite } from '../requirements/workflows/testing/workflow-builder';
import type { JiraWorkflowTransition } from '../gather/snapshot';
import type { Report } from '../shared/report-model';
import { main } from './main';
import type { CliServices } from './ports';

const HOSTILE = '<script>alert("x")</script>';

/** A report of one site holding ITSD (the ready workflow) and ITSDTEST (a copy, changed by `edit`). */
function siteReport(edit: (t: JiraWorkflowTransition[]) => JiraWorkflowTransition[] = (t) => t, baseUrl = 'https://acme.atlassian.net', workflowName = 'IT Support Workflow (Test)'): Report {
  const base = workflowSite();
  const testData = workflowData(edit(readyTransitions()));
  const snapshot = site({
    ...base,
    baseUrl,
    workflows: { ...base.workflows, [workflowName]: ok({ ...testData, workflow: { ...testData.workflow, name: workflowName } }) },
    projects: [project({ key: 'ITSD', id: '10000' }), project({ key: 'ITSDTEST', id: '10004', name: 'IT Service Desk (Test)', workflowByIssueType: ok({ '10001': workflowName }) })],
  });
  return judge(snapshot, settings(), { now: new Date('2026-11-28T09:05:00.000Z') });
}

function harness(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const services: CliServices = {
    runSite: async () => {
      throw new Error('compare never runs the checks');
    },
    runDemo: async () => {
      throw new Error('compare never runs the checks');
    },
    openSite: async () => {
      throw new Error('compare never opens a site');
    },
    readFile: async (file) => {
      const name = file.split('/').pop()!;
      if (name in files) return files[name];
      throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
    },
    writeFile: async () => {
      throw new Error('compare writes to standard output');
    },
  };
  const io = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, env: {}, isTTY: false, cwd: '/work/x' };
  return { run: (argv: string[]) => main(argv, io, services), stdout: () => out.join(''), stderr: () => err.join('') };
}

describe('mw-readiness compare', () => {
  it('exits 0 when the paired desks match (one site, --map)', async () => {
    const h = harness({ 'site.json': JSON.stringify(siteReport()) });
    expect(await h.run(['compare', 'site.json', 'site.json', '--map', 'ITSD=ITSDTEST'])).toBe(0);
    expect(h.stdout()).toContain('Result: match');
    expect(h.stdout()).toContain('The desks match.');
    expect(h.stderr()).toBe('mw-readiness: the desks match.\n');
  });

  it('exits 1 and lists the difference first, with what breaks and where to fix it, when a transition id differs', async () => {
    const h = harness({ 'site.json': JSON.stringify(siteReport(patch('11', { id: '12' }))) });
    expect(await h.run(['compare', 'site.json', 'site.json', '--map', 'ITSD=ITSDTEST'])).toBe(1);
    const lines = h.stdout().split('\n');
    expect(lines[2]).toBe('Result: 1 difference');
    expect(lines[4]).toBe('✗ Resolve transition id [IT Support Workflow ↔ IT Support Workflow (Test): IT Help]');
    expect(lines[5]).toBe('    production: 11 · non-production: 12');
    expect(lines[6]).toMatch(/^    breaks: The bot’s configuration calls transition 12/);
    expect(lines[7]).toMatch(/^    fix on production: /);
  });

  it('pairs desks with the same key across two sites by default, and writes JSON', async () => {
    const h = harness({ 'prod.json': JSON.stringify(siteReport()), 'sandbox.json': JSON.stringify(siteReport(patch('21', { id: '22' }), 'https://acme-sandbox.atlassian.net')) });
    expect(await h.run(['compare', 'prod.json', 'sandbox.json', '--format', 'json'])).toBe(1);
    const doc = JSON.parse(h.stdout());
    expect(doc).toMatchObject({ kind: 'mw-readiness-parity', version: 1, matches: false });
    expect(doc.comparisons.map((c: { production: { key: string }; nonProduction: { key: string } }) => `${c.production.key}=${c.nonProduction.key}`)).toEqual(['ITSD=ITSD', 'ITSDTEST=ITSDTEST']);
    expect(doc.comparisons[0].matches).toBe(true);
    expect(doc.comparisons[1].items[0]).toMatchObject({ subject: 'In Progress transition id', production: '21', nonProduction: '22' });
  });

  it('escapes hostile names in the HTML page', async () => {
    const h = harness({ 'site.json': JSON.stringify(siteReport((t) => t, 'https://acme.atlassian.net', HOSTILE)) });
    expect(await h.run(['compare', 'site.json', 'site.json', '--map', 'ITSD=ITSDTEST', '--format', 'html'])).toBe(0);
    expect(h.stdout()).not.toContain('<script>');
    expect(h.stdout()).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it.each([
    ['one file only', ['compare', 'site.json'], /needs two report files/],
    ['an unknown option', ['compare', 'site.json', 'site.json', '--site', 'x'], /Unknown option for compare/],
    ['a bad --format', ['compare', 'site.json', 'site.json', '--format', 'csv'], /--format for compare is one of text, json, html/],
    ['a bad --map', ['compare', 'site.json', 'site.json', '--map', 'ITSD'], /--map takes PROD_KEY=TEST_KEY/],
    ['a missing file', ['compare', 'site.json', 'nope.json'], /The non-production file nope.json could not be read \(no such file\)/],
    ['a file that is not JSON', ['compare', 'site.json', 'page.html'], /The non-production file page.html was refused: it is not JSON/],
    ['JSON that is not a report', ['compare', 'other.json', 'site.json'], /The production file other.json was refused: it is not a readiness report \(spec\/report.schema.json\): at the top level: "schemaVersion" is missing/],
    ['a hand-off bundle instead of a report', ['compare', 'site.json', 'handoff.json'], /hand-off bundle, not a report/],
    ['a key not in its file', ['compare', 'site.json', 'site.json', '--map', 'ITSD=NOPE'], /The non-production file has no desk NOPE/],
  ])('exits 2 on %s, with one sentence', async (_name, argv, message) => {
    const h = harness({ 'site.json': JSON.stringify(siteReport()), 'page.html': '<html>', 'other.json': '{"hello":1}', 'handoff.json': '{"kind":"mw-readiness-handoff","version":1}' });
    expect(await h.run(argv as string[])).toBe(2);
    expect(h.stdout()).toBe('');
    expect(h.stderr()).toMatch(message);
    expect(h.stderr().trim().split('\n')).toHaveLength(1);
  });

  it('prints its help for compare --help', async () => {
    const h = harness({});
    expect(await h.run(['compare', '--help'])).toBe(0);
    expect(h.stdout()).toMatch(/^Usage: mw-readiness compare PROD.json NONPROD.json/);
  });
});
