/**
 * Runs `mw-readiness` in-process with captured standard output and error, and
 * starts the simulator for a scenario. Shared by the end-to-end CLI tests.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { cliServices } from '../../dev/simulator/cli-demo';
import type { Report, CheckStatus } from '../../src/shared/report-model';
import { startSimulator, type RunningSimulator, type Scenario } from '../../dev/simulator/server';
import { DEMO_CREDENTIALS, DEMO_END_USER_GROUP } from '../../dev/simulator/sites/demo';
import type { SiteModel } from '../../dev/simulator/model';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunCliOptions {
  cwd?: string;
  isTTY?: boolean;
  /** Standing in for the terminal's yes/no prompt (`fix --apply` without --yes); absent: not a terminal. */
  confirm?: (question: string) => Promise<boolean>;
}

export async function runCli(argv: string[], env: Record<string, string> = {}, options: RunCliOptions = {}): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    env,
    isTTY: options.isTTY ?? false,
    ...(options.cwd ? { cwd: options.cwd } : {}),
    ...(options.confirm ? { confirm: options.confirm } : {}),
  }, cliServices());
  return { code, stdout: out.join(''), stderr: err.join('') };
}

export async function simulate(site: SiteModel, scenario?: Scenario): Promise<RunningSimulator> {
  return startSimulator({ site, host: '127.0.0.1', port: 0, ...(scenario ? { scenario } : {}) });
}

export const ADMIN = DEMO_CREDENTIALS.admin;
export const BOT = DEMO_CREDENTIALS.serviceAccount;

/** Arguments for a run as the demo admin against a simulator, checking the demo service account. */
export function siteArgs(sim: RunningSimulator, extra: string[] = []): string[] {
  return ['check', '--site', sim.url, '--email', ADMIN.email, '--token', ADMIN.token, '--service-account', BOT.email, '--end-user-group', DEMO_END_USER_GROUP, ...extra];
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'mw-readiness-cli-'));
}

/** A config file attesting the three Moveworks-side manual checks. */
export function writeAttestations(dir: string): string {
  const file = path.join(dir, 'mw-readiness.json');
  const at = '2026-11-27T10:00:00.000Z';
  fs.writeFileSync(
    file,
    JSON.stringify({
      attestations: {
        'MW-MARKETPLACE-APP': { by: 'Priya Raman', at, note: 'Installed from the Marketplace' },
        'MW-CONNECTOR': { by: 'Priya Raman', at },
        'MW-ACCOUNTID-SETTING': { by: 'Priya Raman', at },
      },
    }),
  );
  return file;
}

/** `scope` → check id → status, for assertions that read like the report. */
export function statuses(report: Report): Record<string, Record<string, CheckStatus>> {
  const table: Record<string, Record<string, CheckStatus>> = { site: {} };
  for (const c of report.checks) table.site[c.id] = c.status;
  for (const p of report.projects) {
    table[p.key] = {};
    for (const c of p.checks) table[p.key][c.id] = c.status;
  }
  return table;
}
