/**
 * Runs that cannot start or finish exit 2 with one sentence on standard error,
 * and no token ever reaches standard output or standard error.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { FAULT_SCENARIOS } from '../../dev/simulator/fault-scenarios';
import { buildDemoSite } from '../../dev/simulator/sites/demo';
import { ADMIN, BOT, runCli, simulate, siteArgs } from './cli-harness';

// Each run starts a simulator and gathers a whole site; CI machines run several suites at once.
jest.setTimeout(90_000);

async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The lines a user reads, without progress lines. */
function messages(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.startsWith('mw-readiness: ') && !l.startsWith('mw-readiness: checking'));
}

function expectNoSecret(result: { stdout: string; stderr: string }, secrets: string[]): void {
  for (const secret of secrets) {
    expect(result.stdout).not.toContain(secret);
    expect(result.stderr).not.toContain(secret);
  }
}

describe('mw-readiness check that cannot run', () => {
  it('exits 2 with one sentence for bad arguments, without touching the network', async () => {
    const result = await runCli(['check', '--site', 'ftp://acme.atlassian.net', '--email', 'a@acme.com', '--token', 'T0KEN-abcdef', '--service-account', 'bot@acme.com']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(messages(result.stderr)).toEqual([
      'mw-readiness: --site "ftp://acme.atlassian.net" must start with https:// (http:// is accepted only for 127.0.0.1 or localhost).',
    ]);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expectNoSecret(result, ['T0KEN-abcdef']);
  });

  it('exits 2 for an unknown option and for a missing command', async () => {
    const unknown = await runCli(['check', '--demo', '--colour']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('mw-readiness: Unknown option --colour; run "mw-readiness --help" to see the options.\n');
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(messages(none.stderr)).toHaveLength(1);
  });

  it('exits 2 when nothing listens on the site\'s port', async () => {
    const port = await closedPort();
    const token = 'UNREACHABLE-token-123456';
    const result = await runCli(['check', '--site', `http://127.0.0.1:${port}`, '--email', 'a@acme.com', '--token', token, '--service-account', 'bot@acme.com']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = messages(result.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^mw-readiness: Could not reach 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED.*; check --site and the network\\.$`));
    expectNoSecret(result, [token]);
  });

  it('exits 2 "authentication refused" for a wrong token, and never shows it', async () => {
    const sim = await simulate(buildDemoSite());
    const wrong = 'WRONG-token-value-7f3a9c';
    try {
      const args = ['check', '--site', sim.url, '--email', ADMIN.email, '--token', wrong, '--service-account', BOT.email, '--format', 'json'];
      const result = await runCli(args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      const lines = messages(result.stderr);
      expect(lines).toEqual([
        `mw-readiness: Authentication refused by ${new URL(sim.url).host} (HTTP 401): check the e-mail and API token (an API token, not the password).`,
      ]);
      expect(lines[0]).toMatch(/authentication refused/i);
      expectNoSecret(result, [wrong, Buffer.from(`${ADMIN.email}:${wrong}`).toString('base64')]);
      // The run stopped at the first call: nothing was gathered.
      expect(sim.requests.map((r) => r.endpoint)).toEqual(['GET /rest/api/3/myself']);
    } finally {
      await sim.close();
    }
  });

  it('exits 2 when the credentials stop working after the first call', async () => {
    const sim = await simulate(buildDemoSite(), FAULT_SCENARIOS.tokenRevoked);
    try {
      const result = await runCli(siteArgs(sim, ['--format', 'json']));
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(messages(result.stderr)).toEqual([expect.stringMatching(/^mw-readiness: Authentication refused by .* \(HTTP 401\)/)]);
    } finally {
      await sim.close();
    }
  });
});

describe('tokens', () => {
  it('appear nowhere in the output of a full run, in any format, from flags or the environment', async () => {
    const sim = await simulate(buildDemoSite());
    try {
      for (const format of ['text', 'json', 'html']) {
        const viaFlags = await runCli(siteArgs(sim, ['--format', format, '--service-account-token', BOT.token]));
        expect(viaFlags.code).toBe(1);
        expect(viaFlags.stdout.length).toBeGreaterThan(1000);
        expectNoSecret(viaFlags, [ADMIN.token, BOT.token]);
      }
      const viaEnv = await runCli(['check', '--format', 'json'], {
        JIRA_SITE: sim.url,
        JIRA_EMAIL: ADMIN.email,
        JIRA_API_TOKEN: ADMIN.token,
        MW_SERVICE_ACCOUNT: BOT.email,
        MW_SERVICE_ACCOUNT_TOKEN: BOT.token,
      });
      expect(viaEnv.code).toBe(1);
      expect(JSON.parse(viaEnv.stdout).checks.find((c: { id: string }) => c.id === 'SA-API-TOKEN').status).toBe('pass');
      expectNoSecret(viaEnv, [ADMIN.token, BOT.token]);
    } finally {
      await sim.close();
    }
  });
});
