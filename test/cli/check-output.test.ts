/**
 * What `mw-readiness check` writes: HTML with every name from Jira escaped, the
 * --out file, the text table, and a hand-off bundle built from a real report.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildDemoSite } from '../../dev/simulator/sites/demo';
import type { Report } from '../../src/shared/report-model';
import { buildHandoffBundle } from '../../src/report/handoff';
import { renderReportCsv } from '../../src/report/csv';
import { runCli, simulate, siteArgs, tempDir } from './cli-harness';

// Each run starts a simulator and gathers a whole site; CI machines run several suites at once.
jest.setTimeout(90_000);

const HOSTILE = '<img src=x onerror="alert(1)"> HR & "Co"';

describe('mw-readiness check output', () => {
  it('escapes names from Jira in --format html and links only http(s)', async () => {
    const site = buildDemoSite();
    site.project('HR')!.name = HOSTILE;
    const sim = await simulate(site);
    try {
      const result = await runCli(siteArgs(sim, ['--format', 'html']));
      expect(result.code).toBe(1);
      const html = result.stdout;
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).not.toContain('<img');
      expect(html).not.toContain(HOSTILE);
      expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; HR &amp; &quot;Co&quot;');
      for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https?:\/\//);
      expect(html).not.toMatch(/<script/i);
      // The only stylesheet is the export's own print rules, in <head>: nothing from Jira adds one.
      const styles = [...html.matchAll(/<style[^>]*>/gi)];
      expect(styles).toHaveLength(1);
      expect(html.indexOf(styles[0]![0])).toBeLessThan(html.indexOf('</head>'));
      expect(html.slice(html.indexOf('</head>'))).not.toMatch(/<style/i);
    } finally {
      await sim.close();
    }
  });

  it('writes the report to --out, prints nothing on stdout, and says where it went', async () => {
    const dir = tempDir();
    const result = await runCli(['check', '--demo', '--format', 'json', '--out', 'report.json'], {}, { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Report written to report.json.');
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')) as Report;
    expect(report.schemaVersion).toBe(1);
  });

  it('exits 2 when --out cannot be written', async () => {
    const dir = tempDir();
    const result = await runCli(['check', '--demo', '--out', path.join('no-such-dir', 'r.txt')], {}, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('mw-readiness: The report could not be written to no-such-dir/r.txt (ENOENT).');
  });

  it('prints a plain table when piped and a coloured one on a terminal', async () => {
    const piped = await runCli(['check', '--demo']);
    expect(piped.stdout).toMatch(/^Moveworks readiness: http:\/\/127\.0\.0\.1:\d+\n/);
    expect(piped.stdout).toMatch(/^ {2}ERROR +SA-TIMEZONE +The time zone of Moveworks Bot/m);
    expect(piped.stdout).toMatch(/^Project HR — HR Help Desk \(company-managed\): NOT READY/m);
    expect(piped.stdout).not.toContain('\u001b[');
    const tty = await runCli(['check', '--demo'], {}, { isTTY: true });
    expect(tty.stdout).toContain('\u001b[31mFAIL');
    const noColor = await runCli(['check', '--demo'], { NO_COLOR: '1' }, { isTTY: true });
    expect(noColor.stdout).not.toContain('\u001b[');
  });

  it('builds the hand-off bundle and CSV from a real report', async () => {
    const result = await runCli(['check', '--demo', '--format', 'json']);
    const report = JSON.parse(result.stdout) as Report;
    const bundle = buildHandoffBundle(report);
    expect(bundle.projects.map((p) => p.key)).toEqual(report.projects.map((p) => p.key));
    const itsd = bundle.projects.find((p) => p.key === 'ITSD')!;
    expect(itsd.complete).toBe(true);
    expect(itsd.workflows.length).toBeGreaterThan(0);
    for (const wf of itsd.workflows) {
      expect(wf.resolve.transitionIds.length).toBeGreaterThan(0);
      expect(wf.statuses.every((s) => ['new', 'in_progress', 'waiting', 'resolved', null].includes(s.bucket))).toBe(true);
      expect(wf.statuses.some((s) => s.bucket === 'resolved')).toBe(true);
    }
    // HR has no global Resolve transition: the bundle says so rather than inventing one.
    const hr = bundle.projects.find((p) => p.key === 'HR')!;
    expect(hr.workflows.some((wf) => !wf.resolve.global)).toBe(true);

    const rows = renderReportCsv(report).trimEnd().split('\r\n');
    const checkCount = report.checks.length + report.projects.reduce((n, p) => n + p.checks.length, 0);
    expect(rows.filter((r) => /^(site|project),/.test(r))).toHaveLength(checkCount);
  });
});
