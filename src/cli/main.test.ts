import * as fs from 'fs';
import * as path from 'path';
import type { Report } from '../shared/report-model';
import { sampleReport } from '../report/testing/sample-report';
import { main } from './main';
import type { CliServices, SiteRunRequest } from './ports';
import { RunAbortedError } from './usage-error';

const TOKEN = 'tok-SECRET-1234567890';
const SA_TOKEN = 'sa-SECRET-0987654321';

function harness(options: { report?: Report; runError?: Error; files?: Record<string, string>; env?: Record<string, string>; isTTY?: boolean; stderrIsTTY?: boolean } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const written: Record<string, string> = {};
  const requests: SiteRunRequest[] = [];
  const services: CliServices = {
    runSite: async (request) => {
      requests.push(request);
      request.onProgress({ stage: 'projects', done: 1, total: 2, message: 'Reading project IT' });
      if (options.runError) throw options.runError;
      return options.report ?? sampleReport();
    },
    runDemo: async () => options.report ?? sampleReport(),
    openSite: async () => {
      throw new Error('fix is tested against the simulator (test/cli/fix-*.test.ts)');
    },
    readFile: async (file) => {
      const name = file.split('/').pop()!;
      if (options.files && name in options.files) return options.files[name];
      throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
    },
    writeFile: async (file, content) => {
      written[file] = content;
    },
  };
  const io = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s), isTTY: options.stderrIsTTY ?? false },
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
    cwd: '/work/x',
  };
  return {
    run: (argv: string[]) => main(argv, io, services),
    stdout: () => out.join(''),
    stderr: () => err.join(''),
    written,
    requests,
  };
}

const SITE_ARGS = ['check', '--site', 'https://acme.atlassian.net', '--email', 'admin@acme.com', '--token', TOKEN, '--service-account', 'bot@acme.com'];

describe('main', () => {
  it('prints the overview for --help, -h and help, with examples for check, fix and compare, and exits 0', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const h = harness();
      expect(await h.run(argv)).toBe(0);
      expect(h.stdout()).toMatch(/^Usage: mw-readiness <command> \[options\]/);
      for (const example of ['mw-readiness check --demo', 'mw-readiness fix --plan --demo --project HR', 'mw-readiness compare']) expect(h.stdout()).toContain(example);
      expect(h.stderr()).toBe('');
    }
  });

  it('prints one command\'s page for "<command> --help" and "help <command>"', async () => {
    const check = harness();
    expect(await check.run(['check', '--help'])).toBe(0);
    expect(check.stdout()).toMatch(/^Usage: mw-readiness check \[options\]/);
    expect(check.stdout()).toContain('--pair PROD=TEST');
    expect(check.stdout()).toContain('parityPairs');
    const fix = harness();
    expect(await fix.run(['help', 'fix'])).toBe(0);
    expect(fix.stdout()).toMatch(/^Usage: mw-readiness fix --plan \[options\]/);
    expect(fix.stdout()).toContain('--yes');
  });

  it('prints the version from package.json for --version', async () => {
    const h = harness();
    expect(await h.run(['--version'])).toBe(0);
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string };
    expect(h.stdout()).toBe(`mw-readiness ${pkg.version}\n`);
  });

  it('exits 2 with one sentence per problem and nothing on stdout for bad arguments', async () => {
    const h = harness();
    expect(await h.run(['check', '--format', 'xml'])).toBe(2);
    expect(h.stdout()).toBe('');
    const lines = h.stderr().trim().split('\n');
    expect(lines[0]).toBe('mw-readiness: --format must be text, json or html, not "xml".');
    expect(lines).toHaveLength(5); // format + site + email + token + service account
    expect(h.stderr()).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });

  it('prints only the JSON document on stdout and exits 1 when the site is not ready', async () => {
    const h = harness();
    expect(await h.run([...SITE_ARGS, '--format', 'json'])).toBe(1);
    const doc = JSON.parse(h.stdout());
    expect(doc.schemaVersion).toBe(1);
    expect(doc.ready).toBe(false);
    expect(h.stderr()).toContain('… Reading project IT (projects 1/2)');
    expect(h.stderr()).toContain('mw-readiness: Site NOT READY, score 50%');
  });

  it('exits 0 only when the report is ready, 1 when it is unknown', async () => {
    const ready = sampleReport();
    ready.ready = true;
    expect(await harness({ report: ready }).run(SITE_ARGS)).toBe(0);
    const unknown = sampleReport();
    unknown.ready = null;
    expect(await harness({ report: unknown }).run(SITE_ARGS)).toBe(1);
  });

  it('hands the plan to the runner: base URL, credentials and settings', async () => {
    const h = harness({ env: { MW_SERVICE_ACCOUNT_TOKEN: SA_TOKEN } });
    await h.run([...SITE_ARGS, '--project', 'IT', '--end-user-group', 'staff', '--skills', 'group-access']);
    expect(h.requests).toHaveLength(1);
    expect(h.requests[0]).toMatchObject({
      baseUrl: 'https://acme.atlassian.net',
      email: 'admin@acme.com',
      apiToken: TOKEN,
      serviceAccountToken: SA_TOKEN,
      settings: { serviceAccount: 'bot@acme.com', projectKeys: ['IT'], endUserGroups: ['staff'], skills: ['group-access'] },
    });
  });

  it('reads settings and attestations from --config; flags win', async () => {
    const config = JSON.stringify({ serviceAccount: 'cfg@acme.com', endUserGroups: ['cfg-group'], attestations: { 'MW-CONNECTOR': { by: 'Ada', at: '2026-11-27T10:00:00Z' } } });
    const h = harness({ files: { 'mw.json': config } });
    await h.run([...SITE_ARGS, '--config', 'mw.json']);
    expect(h.requests[0].settings.serviceAccount).toBe('bot@acme.com');
    expect(h.requests[0].settings.endUserGroups).toEqual(['cfg-group']);
    expect(h.requests[0].settings.attestations['MW-CONNECTOR']).toEqual({ by: 'Ada', at: '2026-11-27T10:00:00.000Z' });
  });

  it('exits 2 when the config file is missing', async () => {
    const h = harness();
    expect(await h.run([...SITE_ARGS, '--config', 'nope.json'])).toBe(2);
    expect(h.stderr().trim()).toBe('mw-readiness: The config file nope.json could not be read (no such file).');
  });

  it('exits 2 with the runner\'s sentence when the site refuses the credentials, and never shows the token', async () => {
    const h = harness({ runError: new RunAbortedError(`Authentication refused by acme.atlassian.net (401) for token ${TOKEN}.`) });
    expect(await h.run(SITE_ARGS)).toBe(2);
    expect(h.stderr()).toContain('Authentication refused by acme.atlassian.net (401)');
    expect(h.stderr() + h.stdout()).not.toContain(TOKEN);
    expect(h.stderr()).toContain('[redacted]');
  });

  it('turns an unexpected error into one redacted line, without a stack', async () => {
    const basic = Buffer.from(`admin@acme.com:${TOKEN}`).toString('base64');
    const h = harness({ runError: new Error(`boom with ${basic}\n    at something (file.ts:1:1)`) });
    expect(await h.run(SITE_ARGS)).toBe(2);
    expect(h.stderr()).toContain('mw-readiness: The run stopped unexpectedly: boom with [redacted]\n');
    expect(h.stderr()).not.toContain('file.ts');
    expect(h.stderr()).not.toContain(basic);
  });

  it('writes the report to --out and nothing to stdout', async () => {
    const h = harness();
    expect(await h.run([...SITE_ARGS, '--format', 'html', '--out', 'report.html'])).toBe(1);
    expect(h.stdout()).toBe('');
    expect(h.written['/work/x/report.html']).toMatch(/^<!DOCTYPE html>/);
    expect(h.stderr()).toContain('Report written to report.html.');
  });

  it('colours text only on a terminal without NO_COLOR', async () => {
    const tty = harness({ isTTY: true });
    await tty.run(SITE_ARGS);
    expect(tty.stdout()).toContain('\u001b[31mFAIL');
    const noColor = harness({ isTTY: true, env: { NO_COLOR: '1' } });
    await noColor.run(SITE_ARGS);
    expect(noColor.stdout()).not.toContain('\u001b[');
    const piped = harness({ isTTY: false });
    await piped.run(SITE_ARGS);
    expect(piped.stdout()).not.toContain('\u001b[');
    expect(piped.stdout()).toContain('FAIL');
  });

  it('draws the progress bar on a terminal\'s standard error and clears it before the summary', async () => {
    const h = harness({ stderrIsTTY: true });
    await h.run([...SITE_ARGS, '--format', 'json']);
    expect(h.stderr()).toContain('\r[##########----------] 1/2 projects · Reading project IT');
    expect(h.stderr()).toContain('\r\u001b[Kmw-readiness: Site NOT READY');
    const piped = harness({ stderrIsTTY: false });
    await piped.run([...SITE_ARGS, '--format', 'json']);
    expect(piped.stderr()).not.toContain('\r');
  });

    it('runs the demo without credentials', async () => {
    const h = harness();
    expect(await h.run(['check', '--demo', '--format', 'json'])).toBe(1);
    expect(JSON.parse(h.stdout()).site.baseUrl).toBe('https://acme.atlassian.net');
    expect(h.stderr()).toContain('built-in simulated site');
  });
});
