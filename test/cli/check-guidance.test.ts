/**
 * What `mw-readiness check` tells a person beyond the report: a --project key the
 * site does not have stops the run at once with one sentence (exit 2) instead of
 * an "unavailable" desk in the report, and the text report ends with where the
 * site stands and the next step.
 */
import { buildDemoSite } from '../../dev/simulator/sites/demo';
import { runCli, simulate, siteArgs } from './cli-harness';
import { fixesForCheck } from '../../src/fixes/registry';

jest.setTimeout(90_000);

describe('mw-readiness check guidance', () => {
  it('stops with exit 2 and one sentence naming an unknown --project key and the desks that exist, before reading any desk', async () => {
    const sim = await simulate(buildDemoSite());
    try {
      const result = await runCli(siteArgs(sim, ['--project', 'HR', '--project', 'NOPE']));
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const host = new URL(sim.url).host;
      expect(result.stderr.trim().split('\n').pop()).toBe(
        `mw-readiness: --project: no service desk project NOPE on ${host} that this account can see; the service desks are FAC, HR, ITSD, ITSDTEST.`,
      );
      // Nothing of HR was read: the run stopped at the listing.
      expect(sim.requests.some((r) => r.path.includes('/role') || r.path.includes('/customer'))).toBe(false);
    } finally {
      await sim.close();
    }
  });

  it('names every unknown key at once, for fix as for check', async () => {
    const result = await runCli(['fix', '--plan', '--demo', '--project', 'nope', '--project', 'XY']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^mw-readiness: --project: no service desk projects NOPE, XY on 127\.0\.0\.1:\d+ that this account can see; the service desks are FAC, HR, ITSD, ITSDTEST\.$/m);
  });

  it('ends the text report with where the site stands, its score, and the next step', async () => {
    const result = await runCli(['check', '--demo', '--project', 'HR']);
    expect(result.code).toBe(1);
    const [standing, next] = result.stdout.trimEnd().split('\n').slice(-2);
    expect(standing).toMatch(/^Site NOT READY, score \d+(\.\d)?% \(\d+ of \d+ required checks pass\)\. 5 required checks fail on HR; /);
    const offer = /^Next: run `mw-readiness fix --plan --demo --project HR` to see the changes the app can make for ([A-Z, -]+); for the rest, follow the → steps under each check above \(docs\/checks\/([A-Z-]+)\.md explains \2\)/.exec(next!);
    expect(offer).not.toBeNull();
    const offered = offer![1]!.split(', ');
    // Exactly the failing checks a registered fix resolves: the next step follows the registry.
    expect(offered).toEqual(expect.arrayContaining(['SA-PROJECT-ROLE', 'CUST-COVERAGE']));
    for (const id of offered) expect(fixesForCheck(id).length).toBeGreaterThan(0);
    expect(fixesForCheck(offer![2]!)).toEqual([]);
  });

  it('keeps --format json a pure document and gives the next step on standard error', async () => {
    const result = await runCli(['check', '--demo', '--format', 'json']);
    expect(result.code).toBe(1);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
    expect(result.stderr).toMatch(/^mw-readiness: Next: run `mw-readiness fix --plan --demo( --project [A-Z]+)*( --project HR)/m);
  });
});
