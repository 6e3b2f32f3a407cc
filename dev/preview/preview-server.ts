/**
 * The preview's HTTP server: the toolbar page at /, the production Custom UI bundle
 * under /app/ (index.html gets the bridge shim before the bundle), the Outbox of
 * e-mails the simulated Jira recorded at /outbox, and POST
 * /api/invoke, which runs the named resolver as the chosen persona. It listens on
 * loopback only; invoke demands a JSON content type so another site's page cannot
 * call it without a CORS preflight, which this server never grants.
 */
import * as http from 'node:http';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { InvocationContext } from '../../src/forge/deps';
import type { Logger } from '../../src/shared/logger';
import type { Envelope } from '../../src/shared/resolver-api';
import { bridgeShimScript } from './bridge-shim';
import { renderToolbarPage, type ToolbarOptions } from './toolbar-page';
import { OUTBOX_CSP, renderOutboxPage } from './outbox-page';
import type { RecordedNotification } from '../simulator/routes/route';
import { isPersonaId, type Persona, type PersonaId } from './personas';

export type ResolverFn = (payload: unknown, context: InvocationContext) => Promise<Envelope<unknown>>;

export interface PreviewServerOptions {
  buildDir: string;
  resolvers: Record<string, ResolverFn>;
  /** Only the identities this Jira offers (a real site has just one). */
  personas: Partial<Record<PersonaId, Persona>>;
  toolbar: ToolbarOptions;
  /** The simulator's recorded e-mails, read on every visit; absent on a real site. */
  outbox?: () => readonly RecordedNotification[];
  port: number;
  host?: string;
  log: Logger;
}

export interface PreviewServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

const SHIM_TAG = '<script src="./preview-bridge.js"></script>';
const MAX_BODY = 1024 * 1024;

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(body);
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface InvokeRequest {
  functionKey: string;
  payload: unknown;
  persona: PersonaId;
  surface: 'admin' | 'project';
  projectKey?: string;
}

/** Checks the shape of an invoke request from the frame; returns a reason when it is wrong. */
export function parseInvokeRequest(raw: unknown): InvokeRequest | string {
  if (typeof raw !== 'object' || raw === null) return 'Body must be a JSON object.';
  const r = raw as Record<string, unknown>;
  if (typeof r.functionKey !== 'string') return 'functionKey is missing.';
  if (!isPersonaId(r.persona)) return 'persona is unknown.';
  const surface = r.surface === 'project' ? 'project' : r.surface === 'admin' ? 'admin' : undefined;
  if (!surface) return 'surface must be admin or project.';
  if (surface === 'project' && typeof r.projectKey !== 'string') return 'projectKey is required on the project surface.';
  return {
    functionKey: r.functionKey,
    payload: r.payload ?? {},
    persona: r.persona,
    surface,
    projectKey: surface === 'project' ? (r.projectKey as string) : undefined,
  };
}

export async function startPreviewServer(o: PreviewServerOptions): Promise<PreviewServer> {
  const buildDir = path.resolve(o.buildDir);

  async function serveApp(res: http.ServerResponse, urlPath: string) {
    if (urlPath === '/app/preview-bridge.js') return send(res, 200, MIME['.js'], bridgeShimScript());
    const rel = decodeURIComponent(urlPath.slice('/app/'.length)) || 'index.html';
    const file = path.resolve(buildDir, rel);
    if (!file.startsWith(buildDir + path.sep)) return send(res, 403, 'text/plain', 'Forbidden');
    let content: Buffer;
    try {
      content = await fs.readFile(file);
    } catch {
      if (rel === 'index.html') return send(res, 503, 'text/plain', 'The dashboard is not built. Run `npm run build:ui`.');
      return send(res, 404, 'text/plain', 'Not found');
    }
    const ext = path.extname(file);
    if (rel === 'index.html') {
      // The shim must run before the bundle: @forge/bridge looks for it when it loads.
      return send(res, 200, MIME['.html'], content.toString('utf8').replace('<head>', `<head>\n    ${SHIM_TAG}`));
    }
    return send(res, 200, MIME[ext] ?? 'application/octet-stream', content);
  }

  async function invoke(req: http.IncomingMessage, res: http.ServerResponse) {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'text/plain', 'JSON only');
    let parsed: InvokeRequest | string;
    try {
      parsed = parseInvokeRequest(JSON.parse(await readBody(req)));
    } catch {
      parsed = 'Body must be JSON.';
    }
    if (typeof parsed === 'string') return send(res, 400, 'application/json', JSON.stringify({ success: false, errors: [{ errorType: 'VALIDATION', message: parsed }] }));
    const resolver = o.resolvers[parsed.functionKey];
    if (!resolver) {
      return send(res, 404, 'application/json', JSON.stringify({ success: false, errors: [{ errorType: 'NOT_FOUND', message: `No resolver named ${parsed.functionKey}.` }] }));
    }
    const persona = o.personas[parsed.persona];
    if (!persona) {
      // A real site has only the one identity whose token was given.
      return send(res, 400, 'application/json', JSON.stringify({ success: false, errors: [{ errorType: 'VALIDATION', message: `This preview has no ${parsed.persona} identity.` }] }));
    }
    const started = Date.now();
    try {
      const envelope = await resolver(parsed.payload, { accountId: persona.accountId, surface: parsed.surface, projectKey: parsed.projectKey });
      o.log.info('invoke', { resolver: parsed.functionKey, persona: persona.id, ms: Date.now() - started, success: envelope.success });
      send(res, 200, 'application/json', JSON.stringify(envelope));
    } catch (e) {
      // Resolvers should not throw; if one does, answer as Forge would surface it, without a stack.
      o.log.error('invoke threw', { resolver: parsed.functionKey, message: e instanceof Error ? e.message : String(e) });
      send(res, 200, 'application/json', JSON.stringify({ success: false, errors: [{ errorType: 'INTERNAL', message: 'The resolver failed unexpectedly.' }] }));
    }
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://preview.local');
    const p = url.pathname;
    const work =
      req.method === 'POST' && p === '/api/invoke'
        ? invoke(req, res)
        : req.method === 'GET' && (p === '/' || p === '/index.html')
          ? Promise.resolve(send(res, 200, MIME['.html'], renderToolbarPage(o.toolbar)))
          : req.method === 'GET' && p === '/outbox'
            ? Promise.resolve(
                send(res, 200, MIME['.html'], renderOutboxPage(o.outbox?.() ?? [], { siteLabel: o.toolbar.siteLabel, recording: Boolean(o.outbox) }), {
                  'content-security-policy': OUTBOX_CSP,
                }),
              )
          : req.method === 'GET' && p.startsWith('/app/')
            ? serveApp(res, p)
            : req.method === 'GET' && p === '/app'
              ? Promise.resolve(res.writeHead(302, { location: '/app/index.html' }).end())
              : Promise.resolve(send(res, 404, 'text/plain', 'Not found'));
    work.catch((e: unknown) => {
      o.log.error('preview request failed', { path: p, message: e instanceof Error ? e.message : String(e) });
      if (!res.headersSent) send(res, 500, 'text/plain', 'Preview server error');
    });
  });

  const host = o.host ?? '127.0.0.1';
  const port = await listen(server, o.port, host);
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Listens on the wanted port; when it is taken, on any free one. */
function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE' && port !== 0) {
        server.removeListener('error', onError);
        resolve(listen(server, 0, host));
      } else reject(e);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.removeListener('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
