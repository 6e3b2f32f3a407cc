/**
 * What every browser test needs: a fresh production bundle, the local preview on a
 * free port with its own data folder, Debian's Chromium with the flags this machine
 * needs (a closed network refuses Chromium's background connections), and axe-core.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Frame, type FrameLocator, type Page } from 'playwright-core';
import { startPreview, type RunningPreview } from '../../../dev/preview/preview';
import type { DemoVariant } from '../../../dev/preview/demo-variants';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const RESULTS = path.join(ROOT, 'test-results');
const BUILD = path.join(ROOT, 'static', 'dashboard', 'build');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const AXE = require.resolve('axe-core/axe.min.js');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const quietLog = {
  info() {},
  warn() {},
  error: (m: string, f?: Record<string, unknown>) => process.stderr.write(`[preview] ${m} ${JSON.stringify(f ?? {})}\n`),
};

/** Rebuild the bundle when it is missing or older than any dashboard source, so no test drives a stale UI. */
function ensureFreshBuild(): void {
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
      const p = path.join(dir, e.name);
      return Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }, 0);
  const index = path.join(BUILD, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newest(path.join(ROOT, 'static', 'dashboard', 'src'))) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'static/dashboard/vite.config.mts'], {
    cwd: ROOT,
    stdio: 'inherit',
    // jest sets NODE_ENV=test, which would make Vite build a development-flavoured bundle.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export interface BrowserSession {
  preview: RunningPreview;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** Start the demo site from one of dev/preview/demo-variants.ts. */
  demoVariant?: DemoVariant;
}

/** Preview (demo site, first check finished) plus a Chromium page. */
export async function startBrowserSession(label: string, viewport = { width: 1280, height: 900 }, options: SessionOptions = {}): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium).`);
  ensureFreshBuild();
  mkdirSync(RESULTS, { recursive: true });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `mw-preview-${label}-`));
  const preview = await startPreview({ port: 0, dataDir, fresh: true, log: quietLog, ...(options.demoVariant ? { demoVariant: options.demoVariant } : {}) });
  // The preview seeds the demo settings and starts the first check: let it finish.
  await preview.queue.idle();
  const profileDir = mkdtempSync(path.join(os.tmpdir(), `mw-chromium-${label}-`));
  const context = await chromium.launchPersistentContext(profileDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    preview,
    context,
    page,
    async close() {
      await context.close();
      await preview.close();
      rmSync(profileDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string;
  nodes: string[];
}

/** axe-core's serious and critical violations in a page or frame where axe has been loaded. */
export async function seriousAxeViolations(target: Page | Frame): Promise<AxeViolation[]> {
  const all = await target.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The app's iframe in the preview page. */
export function appFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe#app');
}

/** The app's frame once it has loaded, for evaluating in it. */
export async function appFrameHandle(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe#app');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('The app frame did not load');
  return frame;
}

/** Runs axe-core inside the app frame: the serious and critical violations, also written to standard error. */
export async function appAxeViolations(page: Page, label: string): Promise<AxeViolation[]> {
  const frame = await appFrameHandle(page);
  await frame.addScriptTag({ path: AXE });
  const bad = await seriousAxeViolations(frame);
  if (bad.length) process.stderr.write(`axe on ${label}: ${JSON.stringify(bad, null, 2)}\n`);
  return bad;
}
