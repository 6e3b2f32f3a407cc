/**
 * Secrets: the API tokens given to the CLI and to the preview never appear in
 * anything the app writes or keeps. Known tokens are registered on the simulated
 * site; every output is captured (stdout, stderr, report files, stored values,
 * logger calls, error messages, including a 401, a token revoked mid-run and a
 * network failure) and searched for each token and its Basic-auth Base64 form.
 */
import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startSimulator, type RunningSimulator } from '../../dev/simulator/server';
import { FAULT_SCENARIOS } from '../../dev/simulator/fault-scenarios';
import { buildDemoSite, DEMO_CREDENTIALS, DEMO_END_USER_GROUP, DEMO_SERVICE_ACCOUNT_EMAIL } from '../../dev/simulator/sites/demo';
import { startPreview, type RunningPreview } from '../../dev/preview/preview';
import { main } from '../../src/cli/main';
import { cliServices } from '../../dev/simulator/cli-demo';
import { runReadiness } from '../../src/engine/run-readiness';
import { DEFAULT_ENGINE_SETTINGS } from '../../src/shared/report-model';
import { createHttpTransport } from '../../src/jira/http-transport';
import { Capture, secretForms } from './helpers/capture';
import { recordingLogger, type LogEntry } from './helpers/simulated-app';

const REPO = path.resolve(__dirname, '..', '..');
const ADMIN_EMAIL = DEMO_CREDENTIALS.admin.email;
const ADMIN_TOKEN = 'KNOWN-SECRET-admin-ATATT3xFfGF0c8Qx7Zp1';
const BOT_EMAIL = DEMO_SERVICE_ACCOUNT_EMAIL;
const BOT_TOKEN = 'KNOWN-SECRET-bot-ATATT3xFfGF0Lm42Vw9q';
const WRONG_TOKEN = 'KNOWN-SECRET-wrong-ATATT3xFfGF0zz11yy';
const NEEDLES = { ...secretForms(ADMIN_EMAIL, ADMIN_TOKEN, 'admin'), ...secretForms(BOT_EMAIL, BOT_TOKEN, 'service account'), ...secretForms(ADMIN_EMAIL, WRONG_TOKEN, 'wrong') };

let sim: RunningSimulator;
let tmp: string;
const capture = new Capture();

beforeAll(async () => {
  const site = buildDemoSite();
  site.setApiToken(DEMO_CREDENTIALS.admin.accountId, ADMIN_TOKEN);
  site.setApiToken(DEMO_CREDENTIALS.serviceAccount.accountId, BOT_TOKEN);
  sim = await startSimulator({ site, host: '127.0.0.1', port: 0 });
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'mw-secrets-'));
});
afterAll(async () => {
  await sim?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

/** A free port nobody listens on: bind, note, close. */
async function closedPort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function runCli(label: string, argv: string[], env: Record<string, string> = {}): Promise<number> {
  const code = await main(argv, { stdout: capture.writer(`${label}: stdout`), stderr: capture.writer(`${label}: stderr`), env, isTTY: false, cwd: tmp }, cliServices());
  capture.add(`${label}: exit code`, String(code));
  return code;
}

const siteArgs = (token = ADMIN_TOKEN) => ['--site', sim.url, '--email', ADMIN_EMAIL, '--token', token];
const settingsArgs = ['--service-account', BOT_EMAIL, '--end-user-group', DEMO_END_USER_GROUP];

describe('the CLI in-process', () => {
  it('a full run with both tokens as flags, in every format, to stdout and to files', async () => {
    sim.setScenario({});
    expect(await runCli('text', ['check', ...siteArgs(), ...settingsArgs, '--service-account-token', BOT_TOKEN])).toBe(1);
    for (const format of ['json', 'html']) {
      const out = `report.${format}`;
      expect(await runCli(format, ['check', ...siteArgs(), ...settingsArgs, '--service-account-token', BOT_TOKEN, '--format', format, '--out', out])).toBe(1);
      capture.add(`${format}: report file`, await fs.readFile(path.join(tmp, out), 'utf8'));
    }
  });

  it('tokens from the environment', async () => {
    expect(
      await runCli('env', ['check', '--site', sim.url, '--email', ADMIN_EMAIL, ...settingsArgs, '--format', 'json'], {
        JIRA_API_TOKEN: ADMIN_TOKEN,
        MW_SERVICE_ACCOUNT_TOKEN: BOT_TOKEN,
      }),
    ).toBe(1);
  });

  it('a refused token (401 on the first call) stops with exit 2', async () => {
    expect(await runCli('401', ['check', ...siteArgs(WRONG_TOKEN), ...settingsArgs])).toBe(2);
  });

  it('a token revoked mid-run', async () => {
    sim.setScenario(FAULT_SCENARIOS.tokenRevoked);
    const code = await runCli('revoked', ['check', ...siteArgs(), ...settingsArgs, '--service-account-token', BOT_TOKEN, '--format', 'json']);
    sim.setScenario({});
    expect([1, 2]).toContain(code);
  });

  it('a site that does not answer (network failure)', async () => {
    expect(await runCli('network', ['check', '--site', `http://127.0.0.1:${await closedPort()}`, '--email', ADMIN_EMAIL, '--token', ADMIN_TOKEN, ...settingsArgs])).toBe(2);
  });

  it('bad arguments next to a token', async () => {
    expect(await runCli('usage', ['check', ...siteArgs(), '--format', 'pdf', `--service-account-token=${BOT_TOKEN}`])).toBe(2);
  });
});

describe('the engine directly (logger calls and thrown errors)', () => {
  const logs: LogEntry[] = [];
  afterAll(() => capture.add('engine: logger calls', logs));

  it('rate limits, retries and a revoked token are logged without credentials', async () => {
    const transport = createHttpTransport({ baseUrl: sim.url, email: ADMIN_EMAIL, apiToken: ADMIN_TOKEN });
    const serviceAccountTransport = createHttpTransport({ baseUrl: sim.url, email: BOT_EMAIL, apiToken: BOT_TOKEN });
    const settings = { ...DEFAULT_ENGINE_SETTINGS, serviceAccount: BOT_EMAIL, endUserGroups: [DEMO_END_USER_GROUP] };
    const clientOptions = { sleep: async () => undefined };
    for (const scenario of [FAULT_SCENARIOS.rateLimited, FAULT_SCENARIOS.flaky5xx, FAULT_SCENARIOS.customers403, FAULT_SCENARIOS.tokenRevoked]) {
      sim.setScenario(scenario);
      try {
        const { report, snapshot } = await runReadiness({ transport, serviceAccountTransport, settings, logger: recordingLogger(logs), clientOptions });
        capture.add(`engine ${scenario.name}: report`, report);
        capture.add(`engine ${scenario.name}: snapshot`, snapshot);
      } catch (error) {
        capture.addError(`engine ${scenario.name}: error`, error);
      }
    }
    sim.setScenario({});
    expect(logs.length).toBeGreaterThan(0);
  });

  it('a refused and an unreachable site throw errors without credentials', async () => {
    const settings = { ...DEFAULT_ENGINE_SETTINGS, serviceAccount: BOT_EMAIL };
    const wrong = createHttpTransport({ baseUrl: sim.url, email: ADMIN_EMAIL, apiToken: WRONG_TOKEN });
    await expect(runReadiness({ transport: wrong, settings, logger: recordingLogger(logs) })).rejects.toThrow();
    await runReadiness({ transport: wrong, settings }).catch((error) => capture.addError('engine 401: error', error));
    const down = createHttpTransport({ baseUrl: `http://127.0.0.1:${await closedPort()}`, email: ADMIN_EMAIL, apiToken: ADMIN_TOKEN });
    await runReadiness({ transport: down, settings, logger: recordingLogger(logs), clientOptions: { sleep: async () => undefined } }).then(
      () => {
        throw new Error('expected the unreachable site to fail');
      },
      (error) => capture.addError('engine network: error', error),
    );
  });
});

describe('the CLI as a separate process (node bin/mw-readiness.js)', () => {
  function spawnCli(label: string, args: string[], env: Record<string, string>): Promise<number> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(REPO, 'bin', 'mw-readiness.js'), ...args], {
        cwd: tmp,
        env: { PATH: process.env.PATH ?? '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => capture.add(`${label}: stdout`, chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => capture.add(`${label}: stderr`, chunk));
      child.on('error', reject);
      child.on('close', (code) => resolve(code ?? -1));
    });
  }

  it('a run with the tokens in the environment, and one with a refused token', async () => {
    // The launcher runs the compiled CLI; `npm run build:node` (npm install's prepare) makes it.
    expect(existsSync(path.join(REPO, 'dist', 'src', 'cli', 'main.js'))).toBe(true);
    const ok = await spawnCli('spawned', ['check', '--site', sim.url, '--email', ADMIN_EMAIL, ...settingsArgs, '--format', 'json'], {
      JIRA_API_TOKEN: ADMIN_TOKEN,
      MW_SERVICE_ACCOUNT_TOKEN: BOT_TOKEN,
    });
    expect(ok).toBe(1);
    const refused = await spawnCli('spawned 401', ['check', '--site', sim.url, '--email', ADMIN_EMAIL, '--token', WRONG_TOKEN, ...settingsArgs], {});
    expect(refused).toBe(2);
  }, 60_000);
});

describe("the preview's resolvers against a site given by e-mail and token", () => {
  let preview: RunningPreview;
  const logs: LogEntry[] = [];
  let dataDir: string;

  beforeAll(async () => {
    dataDir = path.join(tmp, 'preview-data');
    preview = await startPreview({
      realSite: { baseUrl: sim.url, email: ADMIN_EMAIL, apiToken: ADMIN_TOKEN },
      dataDir,
      fresh: true,
      port: 0,
      host: '127.0.0.1',
      log: recordingLogger(logs),
    });
  });
  afterAll(async () => {
    await preview?.close();
  });

  async function invoke(functionKey: string, payload: unknown): Promise<{ success: boolean; data?: unknown }> {
    const response = await fetch(new URL('/api/invoke', preview.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ functionKey, payload, persona: 'site-admin', surface: 'admin' }),
    });
    const text = await response.text();
    capture.add(`preview ${functionKey}: response`, text);
    return JSON.parse(text);
  }

  it('settings, a run, the overview, exports, connector values and history', async () => {
    const current = (await invoke('getSettings', {})) as { success: boolean; data: { settings: object; version: number } };
    expect(current.success).toBe(true);
    const saved = await invoke('saveSettings', { settings: { ...current.data.settings, serviceAccount: BOT_EMAIL, endUserGroups: [DEMO_END_USER_GROUP] }, version: current.data.version });
    expect(saved.success).toBe(true);
    expect((await invoke('startRecheck', {})).success).toBe(true);
    await preview.queue.idle();
    sim.setScenario(FAULT_SCENARIOS.tokenRevoked);
    await invoke('startRecheck', {});
    await preview.queue.idle();
    sim.setScenario({});
    await invoke('startRecheck', {});
    await preview.queue.idle();
    for (const [name, payload] of [
      ['getOverview', {}],
      ['getConnectorValues', {}],
      ['getHistory', {}],
      ['exportReport', { format: 'json' }],
      ['exportReport', { format: 'csv' }],
      ['exportReport', { format: 'html' }],
      ['exportReport', { format: 'handoff' }],
      ['sendTestReport', {}],
    ] as const) {
      await invoke(name, payload);
    }
    const files = await fs.readdir(dataDir, { recursive: true });
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const full = path.join(dataDir, String(file));
      if ((await fs.stat(full)).isFile()) capture.add(`preview store: ${file}`, await fs.readFile(full, 'utf8'));
    }
    capture.add('preview: logger calls', logs);
  });
});

describe('the search', () => {
  it('finds no token in any captured output', () => {
    const hits = capture.findAll(NEEDLES);
    console.log(`Secrets: searched ${capture.sources.length} captured outputs (${capture.size} characters) for ${Object.keys(NEEDLES).length} secret forms; found ${hits.length}`);
    expect(hits).toEqual([]);
  });

  it("nothing even reached the CLI's last-line redactor: no output carries its [redacted] mark", () => {
    expect(capture.findAll({ 'redaction mark': '[redacted]' })).toEqual([]);
  });

  it('the search would find a leak (the needles and the capture work)', () => {
    const probe = new Capture();
    probe.add('probe', `Authorization: Basic ${Buffer.from(`${ADMIN_EMAIL}:${ADMIN_TOKEN}`).toString('base64')}`);
    expect(probe.findAll(NEEDLES)).toEqual(['admin Basic auth in probe']);
  });

  it('the capture holds the outputs it should (not an empty pass)', () => {
    expect(capture.sources).toEqual(expect.arrayContaining(['json: report file', 'html: report file', '401: stderr', 'network: stderr', 'spawned: stdout', 'preview: logger calls']));
  });
});
