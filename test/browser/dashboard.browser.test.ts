/**
 * End to end in Debian's Chromium: the real Custom UI bundle, served by the local
 * preview, calling the real resolvers against the simulated demo site. Checks the
 * overview gates, a fix previewed and confirmed, the project settings surface and the dark theme,
 * runs axe-core on every page, saves screenshots under test-results/ and prints the
 * first render time of the stored report.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { RunningPreview } from '../../dev/preview/preview';
import type { OverviewData } from '../../src/shared/resolver-api';
import { appAxeViolations, appFrame, appFrameHandle, RESULTS, startBrowserSession, type BrowserSession } from './helpers/browser-harness';

jest.setTimeout(180_000);

let session: BrowserSession;
let preview: RunningPreview;
let context: BrowserContext;
let page: Page;

async function invokeAsAdmin<T>(functionKey: string, payload: unknown = {}): Promise<T> {
  const res = await fetch(new URL('/api/invoke', preview.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ functionKey, payload, persona: 'site-admin', surface: 'admin' }),
  });
  const body = (await res.json()) as { success: boolean; data: T; errors?: unknown };
  if (!body.success) throw new Error(`${functionKey} failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

async function screenshot(name: string) {
  await page.screenshot({ path: path.join(RESULTS, `dashboard-${name}.png`), fullPage: true });
}

async function open(query: string) {
  await page.goto(`${preview.url}?${query}`);
}

beforeAll(async () => {
  session = await startBrowserSession('dashboard');
  ({ preview, context, page } = session);
});

afterAll(async () => {
  await session?.close();
});

test('overview shows the three demo desks with their gates, accessibly, and fast from the stored report', async () => {
  const stored = await invokeAsAdmin<OverviewData>('getOverview');
  const fac = stored.report?.projects.find((p) => p.key === 'FAC');
  expect(fac).toBeDefined();

  await open('as=site-admin&surface=admin&theme=light');
  const app = appFrame(page);
  await app.locator('[data-testid="matrix"]').waitFor();
  expect(await app.locator('[data-testid="gate-ITSD"]').textContent()).toBe('Ready');
  expect(await app.locator('[data-testid="gate-HR"]').textContent()).toBe('Not ready');
  const facExpected = fac!.ready === true ? 'Ready' : fac!.ready === false ? 'Not ready' : 'Unknown';
  expect(await app.locator('[data-testid="gate-FAC"]').textContent()).toBe(facExpected);
  expect(await app.locator('[data-testid="site-gate"]').textContent()).toBe(stored.report!.ready === true ? 'Ready' : stored.report!.ready === false ? 'Not ready' : 'Unknown');

  const frame = await appFrameHandle(page);
  const timing = await frame.evaluate(() => ({
    render: performance.getEntriesByName('mw-first-report-render')[0]?.startTime ?? null,
    scriptStart: performance.getEntriesByName('mw-start')[0]?.startTime ?? null,
    domContentLoaded: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.domContentLoadedEventEnd ?? null,
  }));
  expect(timing.render).not.toBeNull();
  process.stdout.write(
    `Dashboard first render of the stored report: ${Math.round(timing.render as number)} ms after navigation ` +
      `(bundle started at ${Math.round(timing.scriptStart ?? NaN)} ms, DOMContentLoaded at ${Math.round(timing.domContentLoaded ?? NaN)} ms)\n`,
  );

  await screenshot('overview');
  expect(await appAxeViolations(page, 'overview')).toEqual([]);
});

test('HR: "Add missing customers" turns CUST-COVERAGE to pass', async () => {
  await open('as=site-admin&surface=admin&theme=light');
  const app = appFrame(page);
  // The desk table's link (What blocks Moveworks names the desk too).
  await app.locator('[data-testid="matrix"]').getByRole('button', { name: 'HR Help Desk (HR)' }).click();
  await app.locator('[data-testid="project-page"]').waitFor();
  const card = app.locator('[data-check="CUST-COVERAGE"]');
  expect(await card.getAttribute('data-status')).toBe('fail');
  await card.getByRole('button', { name: 'Show evidence' }).click();
  await screenshot('project-hr-before-fix');
  expect(await appAxeViolations(page, 'project view')).toEqual([]);

  // Preview: the dialog says what will happen, as whom, and which desk it reaches; nothing has changed yet.
  await card.locator('[data-testid="fix-add-missing-customers"]').click();
  const dialog = app.locator('[data-testid="fix-dialog"]');
  const sentence = dialog.locator('[data-testid="fix-sentence"]');
  await sentence.waitFor({ timeout: 60_000 });
  expect(await sentence.textContent()).toMatch(/^Add \d+ users to HR Help Desk's customers as you\.$/);
  expect(await dialog.locator('[data-testid="fix-changes"]').textContent()).toContain('HR Help Desk (HR)');
  expect(await card.getAttribute('data-status')).toBe('fail');
  await screenshot('project-hr-fix-preview');
  expect(await appAxeViolations(page, 'fix preview')).toEqual([]);

  // Confirm: applied as the admin, results summarised, each change behind a toggle.
  await dialog.locator('[data-testid="fix-confirm"]').click();
  const summary = dialog.locator('[data-testid="fix-summary"]');
  await summary.waitFor({ timeout: 60_000 });
  expect(await summary.textContent()).toMatch(/^\d+ added, 0 failed$/);
  await dialog.getByRole('button', { name: 'Show each change' }).click();
  const outcomes = await dialog.locator('tr[data-outcome]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-outcome')));
  expect(outcomes.length).toBeGreaterThan(0);
  expect(outcomes.every((o) => o === 'applied')).toBe(true);
  await dialog.locator('[data-testid="fix-close"]').click();
  // A passing check joins the passing ones, collapsed until asked for.
  await app.locator('[data-testid="toggle-passes-desk"]').click();
  await app.locator('[data-check="CUST-COVERAGE"][data-status="pass"]').waitFor({ timeout: 30_000 });
  await screenshot('project-hr-after-fix');
});

test('project settings panel as the HR project admin, then the dark theme', async () => {
  await open('as=project-admin&surface=project&project=HR&theme=light');
  const app = appFrame(page);
  await app.locator('[data-testid="project-page"]').waitFor();
  expect(await app.locator('main').getAttribute('data-surface')).toBe('project');
  // The desk's own checks (CUST-COVERAGE may pass by now, collapsed with the passing ones).
  await app.locator('[data-testid="checks-desk"]').waitFor();
  // Site checks are context here: only a site admin may acknowledge or attest them.
  expect(await app.locator('[data-check="SA-TIMEZONE"]').getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
  expect(await app.locator('[data-check="SA-PROJECT-ROLE"]').getByRole('button', { name: 'Acknowledge' }).count()).toBe(1);
  await screenshot('project-panel');
  expect(await appAxeViolations(page, 'project panel')).toEqual([]);

  // Jira's theme changes under the app (the toolbar stands in for the user's choice): the app follows, unreloaded.
  await page.selectOption('#theme', 'dark');
  const frame = await appFrameHandle(page);
  await frame.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'dark');
  await page.waitForTimeout(300);
  await screenshot('project-panel-dark');
  expect(await appAxeViolations(page, 'project panel, dark')).toEqual([]);
});

test('re-check is keyboard reachable, shows progress and settles; settings, connector and history pages render accessibly; exports download', async () => {
  await open('as=site-admin&surface=admin&theme=light');
  const app = appFrame(page);
  await app.locator('[data-testid="matrix"]').waitFor();
  const before = await invokeAsAdmin<{ runId: string } | null>('getProgress');
  // Keyboard only: Tab from the top of the frame until Re-check has focus, then Enter.
  const frame = await appFrameHandle(page);
  await frame.focus('[data-testid="tab-overview"]');
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await frame.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'recheck');
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  // The button says "Checking…" while jobs run and comes back when the run is done.
  await app.getByRole('button', { name: 'Checking…' }).waitFor({ timeout: 10_000 }).catch(() => undefined);
  await app.getByRole('button', { name: 'Re-check', exact: true }).waitFor({ timeout: 60_000 });
  expect(await app.locator('[data-testid="gate-HR"]').textContent()).toBeTruthy();
  const after = await invokeAsAdmin<{ runId: string; state: string } | null>('getProgress');
  expect(after?.runId).not.toBe(before?.runId);
  expect(after?.state).toBe('done');

  const pages: [string, string][] = [
    ['tab-settings', '[data-testid="save-settings"]'],
    ['tab-connector', '[data-testid="connector-values"]'],
    ['tab-history', '[data-testid="history-table"]'],
  ];
  for (const [tab, ready] of pages) {
    await app.locator(`[data-testid="${tab}"]`).click();
    await app.locator(ready).waitFor({ timeout: 30_000 });
    await screenshot(tab.replace('tab-', 'admin-'));
    expect(await appAxeViolations(page, tab)).toEqual([]);
  }
  // Exports download as files: the JSON one is the report of report.schema.json.
  const [download] = await Promise.all([page.waitForEvent('download'), app.locator('[data-testid="export-json"]').click()]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const saved = path.join(RESULTS, download.suggestedFilename());
  await download.saveAs(saved);
  const exported = JSON.parse(readFileSync(saved, 'utf8')) as { schemaVersion: number; projects: { key: string }[] };
  expect(exported.schemaVersion).toBe(1);
  // Every desk of the demo site: ITSDTEST is ITSD's sandbox twin.
  expect(exported.projects.map((p) => p.key).sort()).toEqual(['FAC', 'HR', 'ITSD', 'ITSDTEST']);
  const [csv] = await Promise.all([page.waitForEvent('download'), app.locator('[data-testid="export-csv"]').click()]);
  expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  expect(await app.locator('[data-testid="connector-values"]').count()).toBe(0);
  expect(await app.locator('[data-testid="history-table"] tbody tr').count()).toBeGreaterThanOrEqual(1);
});

/** The toolbar's address is the preview's shareable link; its route follows the app. */
async function toolbarRoute(expected: string | null) {
  await page.waitForFunction((want) => new URLSearchParams(location.search).get('route') === want, expected);
}

/** Waits for whichever first page shows, then says whether it is Settings. */
async function settingsShown(app: FrameLocator): Promise<boolean> {
  await app.locator('[data-testid="matrix"], [data-testid="save-settings"]').first().waitFor({ timeout: 30_000 });
  return (await app.locator('[data-testid="save-settings"]').count()) === 1;
}

test("the Settings sub-page in Jira's sidebar opens Settings", async () => {
  await open('as=site-admin&surface=admin&route=settings&theme=light');
  const app = appFrame(page);
  expect(await settingsShown(app)).toBe(true);
  expect(await app.locator('[data-testid="tab-settings"]').getAttribute('aria-selected')).toBe('true');
});

test('the Configure link in Manage apps opens Settings, and its tabs leave the address alone', async () => {
  await open('as=site-admin&surface=configure&theme=light');
  const app = appFrame(page);
  expect(await settingsShown(app)).toBe(true);
  expect(await app.locator('main').getAttribute('data-surface')).toBe('admin');
  // Jira gives the Configure page no sub-pages, so a route there would name a page Jira cannot open.
  await app.locator('[data-testid="tab-history"]').click();
  await app.locator('[data-testid="history-table"]').waitFor({ timeout: 30_000 });
  expect(new URL(page.url()).searchParams.get('route')).toBeNull();
});

test('a tab puts its route in the address; back returns; the shared link opens the same page', async () => {
  await open('as=site-admin&surface=admin&route=overview&theme=light');
  const app = appFrame(page);
  await app.locator('[data-testid="matrix"]').waitFor();
  await app.locator('[data-testid="tab-history"]').click();
  await app.locator('[data-testid="history-table"]').waitFor({ timeout: 30_000 });
  await toolbarRoute('history');
  const shared = page.url();

  const frame = await appFrameHandle(page);
  await frame.evaluate(() => window.history.back());
  await app.locator('[data-testid="matrix"]').waitFor();
  expect(await app.locator('[data-testid="tab-overview"]').getAttribute('aria-selected')).toBe('true');
  await toolbarRoute('overview');

  // A desk opened from the overview is a route of its own.
  // The desk table's link (What blocks Moveworks names the desk too).
  await app.locator('[data-testid="matrix"]').getByRole('button', { name: 'HR Help Desk (HR)' }).click();
  await app.locator('[data-testid="project-page"]').waitFor();
  await toolbarRoute('projects/HR');

  await page.goto(shared);
  await appFrame(page).locator('[data-testid="history-table"]').waitFor({ timeout: 30_000 });
  expect(await appFrame(page).locator('[data-testid="tab-history"]').getAttribute('aria-selected')).toBe('true');
});

test('the agent is shown the designed permission-denied state', async () => {
  await open('as=agent&surface=admin&theme=light');
  const app = appFrame(page);
  await app.getByText('You do not have access').waitFor();
  await screenshot('agent-denied');
  expect(await appAxeViolations(page, 'permission denied')).toEqual([]);
});
