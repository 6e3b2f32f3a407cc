/**
 * `mw-readiness check --pair PROD=TEST` (or "parityPairs" in the --config file)
 * decides PARITY-CONFIG as the app does: the paired test desk is read in the same
 * run and compared. The demo site's ITSDTEST is ITSD's copy with "Waiting for
 * support" renamed "Waiting for agent", so the pair shows that one difference.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Report } from '../../src/shared/report-model';
import { runCli, tempDir } from './cli-harness';

jest.setTimeout(120_000);

const parityOf = (report: Report, key: string) => report.projects.find((p) => p.key === key)?.checks.find((c) => c.id === 'PARITY-CONFIG');

it('with --pair ITSD=ITSDTEST, PARITY-CONFIG warns on ITSD naming the renamed status, reading ITSDTEST in the same run', async () => {
  const result = await runCli(['check', '--demo', '--format', 'json', '--project', 'ITSD', '--pair', 'ITSD=ITSDTEST']);
  expect(result.code).toBe(1);
  const report = JSON.parse(result.stdout) as Report;
  // Only the desk asked for is reported; its test desk was read to be compared.
  expect(report.projects.map((p) => p.key)).toEqual(['ITSD']);
  const parity = parityOf(report, 'ITSD')!;
  expect(parity.status).toBe('warn');
  expect(parity.summary).toMatch(/^1 difference from ITSDTEST: Status “Waiting for agent”/);
  expect(parity.remediation?.[0]?.text).toBe('On ITSD: Rename “Waiting for support” to “Waiting for agent” in production’s workflow, or ask your Moveworks team to map “Waiting for support” before go-live.');
});

it('without a pair, PARITY-CONFIG is not applicable and says how to pair', async () => {
  const result = await runCli(['check', '--demo', '--format', 'json', '--project', 'ITSD']);
  const report = JSON.parse(result.stdout) as Report;
  const parity = parityOf(report, 'ITSD')!;
  expect([parity.status, parity.summary]).toEqual(['not_applicable', expect.stringMatching(/^No non-production desk is paired with ITSD/)]);
});

it('reads "parityPairs" from the --config file, and the text report names the difference', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'mw-readiness.json');
  fs.writeFileSync(file, JSON.stringify({ parityPairs: [{ production: 'ITSD', nonProduction: 'ITSDTEST' }] }));
  const result = await runCli(['check', '--demo', '--config', file]);
  expect(result.code).toBe(1);
  const lines = result.stdout.split('\n');
  const at = lines.findIndex((l) => /^\s+WARN\s+PARITY-CONFIG\s+1 difference from ITSDTEST: Status “Waiting for agent”/.test(l));
  expect(at).toBeGreaterThan(-1);
  expect(lines[at + 1]).toMatch(/→ On ITSD: Rename “Waiting for support” to “Waiting for agent”/);
  // ITSDTEST is checked as a desk of its own on a whole-site run, and says where its comparison is.
  const json = await runCli(['check', '--demo', '--format', 'json', '--config', file]);
  const report = JSON.parse(json.stdout) as Report;
  expect(parityOf(report, 'ITSD')!.status).toBe('warn');
  expect(parityOf(report, 'ITSDTEST')).toMatchObject({ status: 'not_applicable', summary: 'ITSDTEST is the non-production desk of ITSD; the comparison is shown on ITSD' });
});

it('refuses a pair that is not two project keys, with exit 2 and one sentence', async () => {
  const result = await runCli(['check', '--demo', '--pair', 'ITSD']);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('mw-readiness: --pair "ITSD" must be PROD=TEST, two project keys such as ITSD=ITSDTEST.');
});
