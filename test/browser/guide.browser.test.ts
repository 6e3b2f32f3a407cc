/**
 * The dashboard as a guide, in Debian's Chromium over the local preview and the
 * simulated demo site: the overview's "What blocks Moveworks", the site checks' own
 * page, a desk page with its "Failing only" switch, each in the light and the dark
 * theme with axe-core (no serious or critical violation) and a screenshot under
 * test-results/; then the overview of 1,000 stored desks (the preview store seeded
 * from the demo run), whose first render from storage must come within a second
 * (the figure is printed).
 */
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { RunningPreview } from '../../dev/preview/preview';
import { seedLargeSite } from '../../dev/preview/large-site';
import { appAxeViolations, appFrame, appFrameHandle, RESULTS, startBrowserSession, type BrowserSession } from './helpers/browser-harness';

jest.setTimeout(240_000);

let session: BrowserSession;
let preview: RunningPreview;
let page: Page;

const THEMES = ['light', 'dark'] as const;

async function screenshot(name: string) {
  await page.screenshot({ path: path.join(RESULTS, `guide-${name}.png`), fullPage: true });
}

async function open(query: string, theme: (typeof THEMES)[number]) {
  await page.goto(`${preview.url}?${query}&theme=${theme}`);
  if (theme === 'dark') {
    const frame = await appFrameHandle(page);
    await frame.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'dark');
  }
}

beforeAll(async () => {
  session = await startBrowserSession('guide');
  ({ preview, page } = session);
});

afterAll(async () => {
  await session?.close();
});

describe.each(THEMES)('%s theme', (theme) => {
  test('the overview leads with what blocks Moveworks: steps in order, first step, who can do it, fixes', async () => {
    await open('as=site-admin&surface=admin&route=overview', theme);
    const app = appFrame(page);
    const blocks = app.locator('[data-testid="what-blocks"]');
    await blocks.waitFor();
    const steps = await blocks.locator('li[data-step]').evaluateAll((lis) => lis.map((li) => `${li.getAttribute('data-scope')}:${li.getAttribute('data-step')}`));
    expect(steps.length).toBeGreaterThan(0);
    // Site steps come before any desk's.
    const firstDesk = steps.findIndex((s) => s.startsWith('desk:'));
    expect(steps.slice(firstDesk < 0 ? steps.length : firstDesk).every((s) => s.startsWith('desk:'))).toBe(true);
    // HR misses customers on the demo site: that step names HR, says who can do it and offers the fix.
    const cust = blocks.locator('li[data-step="CUST-COVERAGE"]');
    expect(await cust.getByRole('button', { name: 'HR Help Desk (HR)' }).count()).toBe(1);
    expect(await cust.locator('[data-testid="who-CUST-COVERAGE"]').textContent()).toBeTruthy();
    expect(await cust.locator('[data-testid="step-fix-add-missing-customers"]').count()).toBe(1);
    // The guide comes before the desk table.
    const order = await app.locator('[data-testid="what-blocks"], [data-testid="matrix"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
    expect(order).toEqual(['what-blocks', 'matrix']);
    await screenshot(`overview-${theme}`);
    expect(await appAxeViolations(page, `overview (${theme})`)).toEqual([]);
  });

  test('the Site row opens the site checks on a page of their own', async () => {
    await open('as=site-admin&surface=admin&route=overview', theme);
    const app = appFrame(page);
    await app.locator('[data-testid="site-row"] [data-testid="open-site"]').click();
    await app.locator('[data-testid="site-page"]').waitFor();
    expect(await app.locator('[data-testid="site-page"] [data-check]').count()).toBeGreaterThan(0);
    await page.waitForFunction(() => new URLSearchParams(location.search).get('route') === 'overview/site');
    await screenshot(`site-${theme}`);
    expect(await appAxeViolations(page, `site page (${theme})`)).toEqual([]);
  });

  test("a desk page starts with the desk's failures, and 'Failing only' leaves just them", async () => {
    await open('as=site-admin&surface=admin&route=projects/HR', theme);
    const app = appFrame(page);
    await app.locator('[data-testid="project-page"]').waitFor();
    const bands = await app.locator('[data-testid="checks-desk"] [data-band]').evaluateAll((els) => els.map((e) => e.getAttribute('data-band')));
    expect(bands[0]).toBe('failures');
    expect(bands[bands.length - 1]).toBe('passes');
    expect(await app.locator('[data-testid="site-line"]').textContent()).toContain('Site checks:');
    await app.locator('[data-testid="failing-only-desk"]').click();
    const statuses = await app.locator('[data-testid="checks-desk"] > div:not([hidden]) [data-check]').evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 'fail')).toBe(true);
    // Evidence reads as tables with names, never JSON, and stays inside its card.
    const card = app.locator('[data-check="CUST-COVERAGE"]');
    await card.getByRole('button', { name: 'Show evidence' }).click();
    const evidence = card.locator('.mw-evidence');
    expect(await evidence.textContent()).not.toMatch(/[{}"]/);
    const fits = await evidence.evaluate((el) => {
      const cardBox = el.closest('[data-check]')!.getBoundingClientRect();
      return [...el.querySelectorAll('*')].every((n) => n.getBoundingClientRect().right <= cardBox.right + 1);
    });
    expect(fits).toBe(true);
    await screenshot(`desk-failing-only-${theme}`);
    expect(await appAxeViolations(page, `desk page (${theme})`)).toEqual([]);
  });
});

test('the overview of 1,000 stored desks renders from storage within a second; search and pages work', async () => {
  // The demo run's desks, copied under generated keys until the store holds 1,000.
  await seedLargeSite(preview.store, 1000);
  await open('as=site-admin&surface=admin&route=overview', 'light');
  const app = appFrame(page);
  await app.locator('[data-testid="matrix"]').waitFor({ timeout: 60_000 });
  const frame = await appFrameHandle(page);
  const timing = await frame.evaluate(() => ({
    render: performance.getEntriesByName('mw-first-report-render')[0]?.startTime ?? null,
    overview: performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/invoke')).map((r) => Math.round((r as PerformanceResourceTiming).duration)),
  }));
  expect(timing.render).not.toBeNull();
  process.stdout.write(`Overview of 1,000 stored desks: first render ${Math.round(timing.render as number)} ms after navigation (resolver calls: ${timing.overview.join(', ')} ms)\n`);
  expect(timing.render as number).toBeLessThan(1000);
  expect(await app.locator('[data-testid="desk-count"]').textContent()).toBe('1000 service desks');
  expect(await app.locator('[data-testid="matrix"] tbody tr').count()).toBe(25);
  await app.locator('[data-testid="desk-search"]').fill('D0500');
  await app.locator('[data-testid="desk-count"]', { hasText: '1 of 1000 service desks' }).waitFor();
  await app.locator('[data-testid="desk-search"]').fill('');
  await app.locator('[data-testid="desk-filter-ready"]').click();
  await app.locator('[data-testid="desk-table--pagination"]').getByRole('button', { name: /2/ }).first().click();
  await screenshot('overview-1000-desks');
  expect(await appAxeViolations(page, '1,000-desk overview')).toEqual([]);
});
