import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as net from 'node:net';
import { parseInvokeRequest, startPreviewServer, type PreviewServer, type ResolverFn } from './preview-server';
import type { Persona, PersonaId } from './personas';
import type { InvocationContext } from '../../src/forge/deps';

const quiet = { info() {}, warn() {}, error() {} };
const transport = { baseUrl: 'http://sim', request: async () => ({ status: 500, headers: { get: () => null }, text: async () => '' }) };
const personas = {
  'site-admin': { id: 'site-admin', label: 'Site admin', accountId: 'acc-admin', displayName: 'Priya <Admin>', transport },
  agent: { id: 'agent', label: 'Agent', accountId: 'acc-agent', displayName: 'Elena', transport },
} as unknown as Record<PersonaId, Persona>;

function buildDir(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'mw-build-'));
  writeFileSync(path.join(d, 'index.html'), '<!doctype html><html><head><title>x</title></head><body><script type="module" src="./assets/app.js"></script></body></html>');
  return d;
}

describe('preview server', () => {
  let server: PreviewServer;
  const seen: { payload: unknown; ctx: InvocationContext }[] = [];
  const resolvers: Record<string, ResolverFn> = {
    getOverview: async (payload, ctx) => {
      seen.push({ payload, ctx });
      return ctx.accountId === 'acc-admin' ? { success: true, data: { ok: true } } : { success: false, errors: [{ errorType: 'UNAUTHORISED', message: 'no' }] };
    },
    crash: async () => {
      throw new Error('secret detail');
    },
  };

  beforeAll(async () => {
    server = await startPreviewServer({
      buildDir: buildDir(),
      resolvers,
      personas,
      toolbar: { personas: Object.values(personas), desks: [{ key: 'HR', name: 'HR <Help> Desk' }], siteLabel: 'sim' },
      outbox: () => [{ at: '2026-11-30T09:00:00.000Z', issueKey: 'ITSD-1', from: 'acc-admin', subject: 'Moveworks readiness: Ready (100%)', htmlBody: '<p>hi</p>', textBody: 'hi', recipients: [] }],
      port: 0,
      log: quiet,
    });
  });
  afterAll(() => server.close());

  const post = (body: unknown, type = 'application/json') =>
    fetch(new URL('/api/invoke', server.url), { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify(body) });

  it('serves the Outbox under a script-free content security policy, linked from the toolbar', async () => {
    const res = await fetch(new URL('/outbox', server.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await res.text()).toContain('Moveworks readiness: Ready (100%)');
    expect(await (await fetch(server.url)).text()).toContain('<a href="/outbox">Outbox</a>');
  });

  it('injects the bridge shim before the bundle in index.html and serves it', async () => {
    const html = await (await fetch(new URL('/app/index.html', server.url))).text();
    expect(html.indexOf('preview-bridge.js')).toBeGreaterThan(-1);
    expect(html.indexOf('preview-bridge.js')).toBeLessThan(html.indexOf('assets/app.js'));
    const shim = await (await fetch(new URL('/app/preview-bridge.js', server.url))).text();
    expect(shim).toContain('__bridge');
  });

  it('runs the resolver as the chosen persona with the surface from the frame, not the payload', async () => {
    const res = await post({ functionKey: 'getOverview', payload: { projectKey: 'EVIL' }, persona: 'site-admin', surface: 'project', projectKey: 'HR' });
    expect(await res.json()).toEqual({ success: true, data: { ok: true } });
    expect(seen.at(-1)).toEqual({ payload: { projectKey: 'EVIL' }, ctx: { accountId: 'acc-admin', surface: 'project', projectKey: 'HR' } });
    const denied = await post({ functionKey: 'getOverview', payload: {}, persona: 'agent', surface: 'admin' });
    expect((await denied.json()).errors[0].errorType).toBe('UNAUTHORISED');
  });

  it('refuses non-JSON posts, unknown personas and unknown resolvers', async () => {
    expect((await post({}, 'text/plain')).status).toBe(415);
    expect((await post({ functionKey: 'getOverview', persona: 'root', surface: 'admin' })).status).toBe(400);
    expect((await post({ functionKey: 'nope', persona: 'agent', surface: 'admin' })).status).toBe(404);
  });

  it('answers a throwing resolver as INTERNAL without its message', async () => {
    const body = await (await post({ functionKey: 'crash', persona: 'agent', surface: 'admin' })).json();
    expect(body).toEqual({ success: false, errors: [{ errorType: 'INTERNAL', message: 'The resolver failed unexpectedly.' }] });
  });

  it('escapes names in the toolbar page and does not serve files outside the build', async () => {
    const page = await (await fetch(server.url)).text();
    expect(page).toContain('Priya &lt;Admin&gt;');
    expect(page).toContain('HR &lt;Help&gt; Desk');
    expect(page).not.toContain('<Admin>');
    expect((await fetch(new URL('/app/..%2F..%2F..%2Fetc%2Fpasswd', server.url))).status).toBe(403);
  });

  it('takes a free port when the wanted one is busy', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const busy = (blocker.address() as net.AddressInfo).port;
    const other = await startPreviewServer({ buildDir: buildDir(), resolvers, personas, toolbar: { personas: [], desks: [], siteLabel: 's' }, port: busy, log: quiet });
    try {
      expect(other.port).not.toBe(busy);
      expect((await fetch(other.url)).status).toBe(200);
    } finally {
      await other.close();
      blocker.close();
    }
  });
});

describe('parseInvokeRequest', () => {
  it('requires a project key on the project surface', () => {
    expect(parseInvokeRequest({ functionKey: 'x', persona: 'agent', surface: 'project' })).toBe('projectKey is required on the project surface.');
    expect(parseInvokeRequest({ functionKey: 'x', persona: 'agent', surface: 'admin', projectKey: 'HR' })).toEqual({
      functionKey: 'x',
      payload: {},
      persona: 'agent',
      surface: 'admin',
      projectKey: undefined,
    });
  });
});
