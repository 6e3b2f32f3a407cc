/**
 * The installed command for real: `node bin/mw-readiness.js` in a child process,
 * from the compiled dist/ (built here when missing or older than the sources, as
 * `npm install`'s prepare step would). Proves the launcher, the exit status and
 * that the process ends on its own once the demo simulator is closed.
 */
import { spawnSync, type SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { reportValidator } from '../../src/report/testing/report-validator';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'mw-readiness.js');
const ENTRY = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function ensureBuilt(): void {
  const sources = Math.max(newestSource(path.join(ROOT, 'src')), newestSource(path.join(ROOT, 'dev')));
  if (fs.existsSync(ENTRY) && fs.statSync(ENTRY).mtimeMs >= sources) return;
  const build = spawnSync('npm', ['run', 'build:node'], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
  // tsc still emits when another part of the tree has a type error; the type check itself is `npm test`'s job.
  if (!fs.existsSync(ENTRY)) throw new Error(`npm run build:node did not produce ${ENTRY}:\n${build.stdout}\n${build.stderr}`);
}

function cli(args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  const { NO_COLOR: _drop, ...inherited } = process.env;
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...inherited, JIRA_SITE: '', JIRA_EMAIL: '', JIRA_API_TOKEN: '', MW_SERVICE_ACCOUNT: '', MW_SERVICE_ACCOUNT_TOKEN: '', ...env },
  });
}

describe('node bin/mw-readiness.js', () => {
  beforeAll(ensureBuilt, 300_000);

  it('check --demo prints the report, ends by itself and exits 1 (the demo site has gaps)', () => {
    const run = cli(['check', '--demo']);
    expect(run.error).toBeUndefined(); // no timeout: nothing kept the process alive
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^Moveworks readiness: http:\/\/127\.0\.0\.1:\d+$/m);
    expect(run.stdout).toMatch(/^Project HR — HR Help Desk \(company-managed\): NOT READY/m);
    expect(run.stdout).not.toContain('\u001b['); // a pipe is not a terminal
    expect(run.stderr).toContain('checking the built-in simulated site (demo)');
  });

  it('check --demo --format json prints nothing but a schema-valid document', () => {
    const run = cli(['check', '--demo', '--format', 'json']);
    expect(run.status).toBe(1);
    const validate = reportValidator();
    expect(validate(JSON.parse(run.stdout))).toBe(true);
  });

  it('exits 2 with one sentence and no stack for bad arguments, 0 for --help and --version', () => {
    const bad = cli(['check', '--format', 'pdf', '--demo']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('mw-readiness: --format must be text, json or html, not "pdf".\n');
    const help = cli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: mw-readiness <command> \[options\]/);
    const version = cli(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout).toBe(`mw-readiness ${(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version}\n`);
  });

  it('fix --apply off a terminal needs --yes (exit 2); fix --plan --demo prints the plan and exits 1', () => {
    const unconfirmed = cli(['fix', '--apply', '--demo']);
    expect(unconfirmed.status).toBe(2);
    expect(unconfirmed.stderr).toBe('mw-readiness: --apply changes Jira: add --yes to confirm it when not on a terminal.\n');
    const plan = cli(['fix', '--plan', '--demo', '--project', 'HR']);
    expect(plan.error).toBeUndefined();
    expect(plan.status).toBe(1);
    expect(plan.stdout).toContain('to the Service Desk Team role of HR Help Desk (HR)');
  });
});
