/**
 * The report e-mail in a browser: in the local preview (real bundle, real resolvers,
 * simulated Jira), Settings → 'Send a test report now' goes through Jira's notify
 * endpoint to the simulator; the preview's Outbox shows it. Saves a screenshot of
 * the rendered e-mail to test-results/email.png and runs axe on the Outbox.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startPreview, type RunningPreview } from '../../dev/preview/preview';

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '..', '..');
const BUILD = path.join(ROOT, 'static', 'dashboard', 'build');
const RESULTS = path.join(ROOT, 'test-results');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const AXE = require.resolve('axe-core/axe.min.js');
const quiet = { info() {}, warn() {}, error: (m: string, f?: Record<string, unknown>) => process.stderr.write(`[preview] ${m} ${JSON.stringify(f ?? {})}\n`) };

/** Rebuild the bundle when it is older than any dashboard source, so the Settings button under test is the current one. */
function ensureFreshBuild(): void {
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((max, e) => Math.max(max, e.isDirectory() ? newest(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs), 0);
  const index = path.join(BUILD, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newest(path.join(ROOT, 'static', 'dashboard', 'src'))) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'static/dashboard/vite.config.mts'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

let preview: RunningPreview;
let context: BrowserContext;
let page: Page;
let profileDir: string;
let dataDir: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium).`);
  ensureFreshBuild();
  mkdirSync(RESULTS, { recursive: true });
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'mw-preview-mail-'));
  preview = await startPreview({ port: 0, dataDir, fresh: true, log: quiet });
  await preview.queue.idle(); // the demo's first check: the test report needs a stored report
  profileDir = mkdtempSync(path.join(os.tmpdir(), 'mw-chromium-mail-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1100, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  await preview?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test("'Send a test report now' lands in the Outbox, rendered safely and readable", async () => {
  const sim = preview.simulator!;
  expect(sim.notifications).toHaveLength(0);

  await page.goto(`${preview.url}?as=site-admin&surface=admin&theme=light`);
  const app = page.frameLocator('iframe#app');
  await app.locator('[data-testid="tab-settings"]').click();
  await app.getByRole('button', { name: 'Send a test report now' }).click();
  const outcome = app.locator('[data-testid="test-report-outcome"]');
  await outcome.getByText('Test report: Sent.').waitFor({ timeout: 30_000 });
  expect(await outcome.textContent()).toMatch(/To 1 user and 1 group, about ITSD-\d+\./);
  expect(sim.notifications).toHaveLength(1);
  const sent = sim.notifications[0];
  expect(sent.subject).toMatch(/^\[Test\] Moveworks readiness for 127\.0\.0\.1:\d+: Not ready \(\d+%\)/);

  // The toolbar's Outbox link, outside the app frame.
  await page.getByRole('link', { name: 'Outbox' }).click();
  await page.waitForURL(/\/outbox$/);
  const mails = page.locator('[data-testid="outbox-mail"]');
  expect(await mails.count()).toBe(1);
  expect(await mails.first().locator('h2').textContent()).toBe(sent.subject);
  const names = await mails.first().locator('[data-testid="outbox-recipients"]').textContent();
  for (const r of sent.recipients) expect(names).toContain(r.displayName);

  // The e-mail renders inside its sandboxed frame: headings, the gate, what still blocks.
  const frameElement = mails.first().locator('[data-testid="outbox-html"]');
  expect(await frameElement.getAttribute('sandbox')).toBe('');
  const mail = page.frameLocator('[data-testid="outbox-html"]');
  await mail.getByText('What still blocks Moveworks').waitFor();
  expect(await mail.locator('h1').textContent()).toMatch(/^Moveworks readiness for 127\.0\.0\.1:\d+$/);
  expect(await mail.getByText('Not ready', { exact: true }).count()).toBeGreaterThan(0);
  expect(await mail.locator('script').count()).toBe(0);

  // The frame cannot size itself (no scripts in it): the test sizes it, and the window, to the whole e-mail.
  const height = await mail.locator('html').evaluate((el) => el.scrollHeight);
  await frameElement.evaluate((el, h) => {
    (el as HTMLIFrameElement).style.height = `${h + 20}px`;
  }, height);
  await page.setViewportSize({ width: 1100, height: height + 600 });
  const shot = path.join(RESULTS, 'email.png');
  await frameElement.screenshot({ path: shot });
  process.stdout.write(`E-mail screenshot: ${shot}\n`);

  // The Outbox's policy forbids every script; the test's own evaluation goes through the DevTools protocol, which the policy does not govern.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  expect(violations).toEqual([]);
});
