/**
 * The Non-production parity page in Debian's Chromium, over the preview's demo site
 * (ITSD paired with its test desk ITSDTEST, whose "Waiting for support" is renamed
 * "Waiting for agent"): the admin sub-page and the tab on ITSD's project settings
 * page show the pair with the difference first, what breaks in Moveworks and the
 * fix, in the light and the dark theme, with no serious or critical axe finding.
 * WF-EXPORT's card on ITSD's page downloads the hand-off bundle with that comparison.
 * Screenshots: test-results/parity-admin*.png, parity-project*.png, parity-handoff-card.png.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import type { RunningPreview } from '../../dev/preview/preview';
import { appAxeViolations, appFrame, appFrameHandle, RESULTS, startBrowserSession, type BrowserSession } from './helpers/browser-harness';

jest.setTimeout(180_000);

let session: BrowserSession;
let preview: RunningPreview;
let page: Page;

const PAIR = '[data-testid="parity-pair-ITSD-ITSDTEST"]';

beforeAll(async () => {
  session = await startBrowserSession('parity');
  ({ preview, page } = session);
});

afterAll(async () => {
  await session?.close();
});

/** The whole app: the preview's frame scrolls inside the viewport, so the viewport is made as tall as the app for the picture. */
async function screenshot(name: string) {
  const frame = await appFrameHandle(page);
  const height = await frame.evaluate(() => document.documentElement.scrollHeight);
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: viewport.width, height: Math.min(height + 100, 6000) });
  await page.waitForTimeout(200);
  await page.screenshot({ path: path.join(RESULTS, `${name}.png`), fullPage: true });
  await page.setViewportSize(viewport);
}

/** Jira's theme changes under the app (the preview's toolbar stands in for the user's choice). */
async function toDark() {
  await page.selectOption('#theme', 'dark');
  const frame = await appFrameHandle(page);
  await frame.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'dark');
  await page.waitForTimeout(300);
}

/** The pair's rows as the admin reads them: state, then what is compared. */
async function rows(app: FrameLocator): Promise<{ state: string; text: string }[]> {
  return app.locator(`${PAIR} [data-testid="parity-item"]`).evaluateAll((items) =>
    items.map((el) => ({ state: el.getAttribute('data-state') ?? '', text: (el.textContent ?? '').replace(/\s+/g, ' ').trim() })),
  );
}

/** The pair's heading, its difference first as a card of its own, with what breaks in Moveworks and the fix. */
async function expectDifferenceFirst(app: FrameLocator) {
  const pair = app.locator(PAIR);
  await pair.waitFor({ timeout: 30_000 });
  expect(await pair.getByRole('heading', { level: 2 }).textContent()).toBe('ITSD ↔ ITSDTEST');
  expect(await pair.locator('[data-testid="parity-headline"]').textContent()).toBe('1 difference');
  // Before anything else of the pair: the one difference, and only it until the matches are asked for.
  const first = pair.locator('[data-testid="parity-item"]').first();
  expect(await rows(app)).toEqual([{ state: 'different', text: expect.stringContaining('Status “Waiting for agent”') }]);
  expect(await first.getByRole('heading', { level: 4 }).textContent()).toBe('Status “Waiting for agent” (New / Reopened)');
  // Each side's value as that side names it.
  expect(await first.locator('[data-testid="parity-production"]').textContent()).toBe('named “Waiting for support”');
  expect(await first.locator('[data-testid="parity-non-production"]').textContent()).toBe('named “Waiting for agent”');
  // What breaks in Moveworks, and the side to change with how.
  expect(await first.getByRole('heading', { name: 'What breaks in Moveworks' }).count()).toBe(1);
  expect(await first.locator('[data-testid="parity-breaks"]').textContent()).toMatch(/^Moveworks' status mapping was tuned on “Waiting for agent”; production calls it “Waiting for support”/);
  expect(await first.locator('.mw-parity-fix').textContent()).toBe(
    'Fix on ITSD: Rename “Waiting for support” to “Waiting for agent” in production’s workflow, or ask your Moveworks team to map “Waiting for support” before go-live.',
  );
}

/** The matches, once shown, follow the difference. */
async function expectMatchesAfter(app: FrameLocator) {
  await app.locator('[data-testid="parity-toggle-same-ITSD-ITSDTEST"]').click();
  const items = await rows(app);
  expect(items.length).toBeGreaterThan(10);
  expect(items[0].state).toBe('different');
  expect(items.slice(1).map((i) => i.state)).toEqual(items.slice(1).map(() => 'same'));
  expect(items.some((i) => i.text.includes('Resolve transition id'))).toBe(true);
}

/** ITSD's project settings page, as the site admin, in the light theme. */
async function openItsdProjectPage(): Promise<FrameLocator> {
  await page.goto(`${preview.url}?as=site-admin&surface=project&project=ITSD&theme=light`);
  const app = appFrame(page);
  await app.locator('[data-testid="project-page"]').waitFor({ timeout: 30_000 });
  return app;
}

/** The comparison, difference first, pictured and checked with axe in the light theme and then in the dark one. */
async function expectComparisonInBothThemes(app: FrameLocator, name: string, label: string) {
  await expectDifferenceFirst(app);
  await screenshot(name);
  expect(await appAxeViolations(page, label)).toEqual([]);
  await expectMatchesAfter(app);

  await toDark();
  await screenshot(`${name}-dark`);
  expect(await appAxeViolations(page, `${label}, dark`)).toEqual([]);
}

test('the Parity sub-page shows ITSD ↔ ITSDTEST with the renamed status first, what breaks and the fix, light and dark, accessibly', async () => {
  await page.goto(`${preview.url}?as=site-admin&surface=admin&route=parity&theme=light`);
  const app = appFrame(page);
  await app.locator('[data-testid="parity-page"]').waitFor({ timeout: 30_000 });
  expect(await app.locator('[data-testid="tab-parity"]').getAttribute('aria-selected')).toBe('true');
  await expectComparisonInBothThemes(app, 'parity-admin', 'parity admin page');
});

test("ITSD's project settings page has the same comparison under its Parity tab, light and dark, accessibly", async () => {
  const app = await openItsdProjectPage();
  await app.locator('[data-testid="tab-parity"]').click();
  await app.locator('[data-testid="parity-page"]').waitFor({ timeout: 30_000 });
  await expectComparisonInBothThemes(app, 'parity-project', 'parity project page');
});

test("WF-EXPORT's card on ITSD's page downloads the hand-off bundle, its parity section naming the renamed status", async () => {
  const app = await openItsdProjectPage();
  // WF-EXPORT passes on ITSD, so its card is among the passing checks, collapsed until asked for.
  await app.locator('[data-testid="toggle-passes-desk"]').click();
  const card = app.locator('[data-check="WF-EXPORT"]');
  await card.screenshot({ path: path.join(RESULTS, 'parity-handoff-card.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), card.locator('[data-testid="download-handoff-ITSD"]').click()]);
  const saved = path.join(RESULTS, `parity-${download.suggestedFilename()}`);
  await download.saveAs(saved);
  const bundle = JSON.parse(readFileSync(saved, 'utf8')) as {
    kind: string;
    projects: { key: string; parity?: { pair: unknown; status: string; items: { state: string; subject: string; production: string; nonProduction: string; fixOn: string }[] } }[];
  };
  expect(bundle.kind).toBe('mw-readiness-handoff');
  expect(bundle.projects.map((p) => p.key)).toEqual(['ITSD']);
  const parity = bundle.projects[0].parity!;
  expect(parity.pair).toEqual({ production: 'ITSD', nonProduction: 'ITSDTEST' });
  expect(parity.status).toBe('warn');
  expect(parity.items).toEqual([
    expect.objectContaining({ state: 'different', subject: 'Status “Waiting for agent” (New / Reopened)', production: 'named “Waiting for support”', nonProduction: 'named “Waiting for agent”', fixOn: 'production' }),
  ]);
});
