/**
 * Settings and the acknowledge dialog in Debian's Chromium, through the local preview
 * against the simulated demo site, in Jira's light and dark themes: people by name,
 * pickers that suggest before anything is typed, group search whatever the case, the
 * desk's own issue types, a refused empty service account under its field; the
 * acknowledge dialog saying what it does and putting a problem under its field; and
 * the printable HTML export opened and printed. axe-core (no serious or critical
 * violation) on each; screenshots under test-results/.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import type { RunningPreview } from '../../dev/preview/preview';
import { DEMO_CREDENTIALS } from '../../dev/simulator/sites/demo';
import { appAxeViolations, appFrame, appFrameHandle, RESULTS, startBrowserSession, type BrowserSession } from './helpers/browser-harness';

jest.setTimeout(180_000);

let session: BrowserSession;
let preview: RunningPreview;
let page: Page;

beforeAll(async () => {
  session = await startBrowserSession('settings');
  ({ preview, page } = session);
});

afterAll(async () => {
  await session?.close();
});

const THEMES = ['light', 'dark'] as const;

async function open(query: string) {
  await page.goto(`${preview.url}?${query}`);
}

/** Jira's theme as the host sets it; the app's tokens follow. */
async function themed(theme: 'light' | 'dark') {
  await page.selectOption('#theme', theme);
  const frame = await appFrameHandle(page);
  await frame.waitForFunction((t) => document.documentElement.getAttribute('data-color-mode') === t, theme);
  // The theme's token sheet loads asynchronously.
  await page.waitForTimeout(300);
}

async function screenshot(name: string) {
  await page.screenshot({ path: path.join(RESULTS, `settings-${name}.png`), fullPage: true });
}

/** Opens a react-select menu as a user does, and gives its listbox. */
async function openPicker(app: FrameLocator, inputId: string) {
  await app.locator(`#${inputId}`).click();
  const menu = app.locator('[role="listbox"]').first();
  await menu.waitFor({ timeout: 15_000 });
  return menu;
}

async function closePicker(app: FrameLocator, inputId: string) {
  await app.locator(`#${inputId}`).press('Escape');
}

describe('Settings', () => {
  it('shows people by name, suggests before typing, finds All for all-employees, and offers the desk issue types by name', async () => {
    await open('as=site-admin&surface=admin&route=settings&theme=light');
    const app = appFrame(page);
    await app.locator('[data-testid="save-settings"]').waitFor({ timeout: 30_000 });

    // The recipient the preview saved is a person, not an accountId.
    const recipients = app.locator('[data-testid="recipient-users-picker-select--container"]');
    await recipients.getByText('Elena Petrova', { exact: false }).waitFor({ timeout: 15_000 });
    expect(await recipients.textContent()).not.toContain(DEMO_CREDENTIALS.agent.accountId);

    // Opened before anything is typed: suggestions, not "No options".
    const people = await openPicker(app, 'recipientUsers');
    expect(await people.locator('[role="option"]').count()).toBeGreaterThan(0);
    expect(await app.getByText('No options').count()).toBe(0);
    await screenshot('people-suggestions');
    await closePicker(app, 'recipientUsers');

    // Group search ignores case: "All" finds all-employees.
    await app.locator('#recipientGroups').fill('All');
    await app.locator('[role="listbox"]').getByText('all-employees', { exact: true }).waitFor({ timeout: 15_000 });
    await closePicker(app, 'recipientGroups');

    // The weekday by name.
    expect(await app.locator('[data-field="weekday"]').textContent()).toMatch(/Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday/);

    // Issue types in scope come from the desk's request types, by name.
    const issueTypes = await openPicker(app, 'issueTypes');
    const first = (await issueTypes.locator('[role="option"]').first().textContent()) ?? '';
    expect(first).toMatch(/\(request types: .+\)/);
    await closePicker(app, 'issueTypes');

    // The report issue is explained, and the demo's ITSD is named as a customer-facing desk.
    expect(await app.locator('[data-testid="report-explained"]').textContent()).toContain('the report issue');
    expect(await app.locator('[data-testid="report-location-warning"]').textContent()).toContain('ITSD is a customer-facing service desk');

    for (const theme of THEMES) {
      await themed(theme);
      await screenshot(`page-${theme}`);
      expect(await appAxeViolations(page, `settings, ${theme}`)).toEqual([]);
    }
  });

  it('refuses to save without a service account, and says so under the field', async () => {
    await open('as=site-admin&surface=admin&route=settings&theme=light');
    const app = appFrame(page);
    await app.locator('[data-testid="save-settings"]').waitFor({ timeout: 30_000 });
    await app.locator('[data-field="serviceAccount"] [aria-label="Clear"], [data-field="serviceAccount"] [class*="clear-indicator"], [data-testid="service-account-picker-select--clear-indicator"]').first().click();
    await app.locator('[data-testid="save-settings"]').click();
    const error = app.locator('[data-testid="serviceAccount-error"]');
    await error.waitFor({ timeout: 15_000 });
    expect(await error.textContent()).toBe('Choose the Moveworks service account: every check starts from it.');
    for (const theme of THEMES) {
      await themed(theme);
      await screenshot(`service-account-required-${theme}`);
      expect(await appAxeViolations(page, `settings with an error, ${theme}`)).toEqual([]);
    }
  });
});

describe('the acknowledge dialog', () => {
  it('says what acknowledging does, puts a missing reason under its field, accessibly in both themes', async () => {
    await open('as=site-admin&surface=admin&route=projects/HR&theme=light');
    const app = appFrame(page);
    await app.locator('[data-testid="project-page"]').waitFor({ timeout: 30_000 });
    const button = app.locator('[data-testid^="acknowledge-"]').first();
    await button.waitFor({ timeout: 15_000 });
    await button.click();
    const dialog = app.getByRole('dialog');
    await dialog.waitFor();
    const intro = await dialog.locator('[data-testid="reason-dialog-intro"]').allTextContents();
    expect(intro.join(' ')).toContain('does not change');
    expect(intro.join(' ')).toContain('What blocks Moveworks');
    await dialog.locator('[data-testid="reason-dialog-submit"]').click();
    expect(await dialog.locator('[data-testid="mw-reason-error"]').textContent()).toBe('Say why this is acceptable.');
    expect(await dialog.getByRole('alert').count()).toBe(0);
    for (const theme of THEMES) {
      await themed(theme);
      await page.screenshot({ path: path.join(RESULTS, `settings-ack-dialog-${theme}.png`) });
      expect(await appAxeViolations(page, `acknowledge dialog, ${theme}`)).toEqual([]);
    }
  });

  it('offers no Acknowledge on a check that could not be checked', async () => {
    await open('as=site-admin&surface=admin&route=projects/HR&theme=light');
    const app = appFrame(page);
    await app.locator('[data-testid="project-page"]').waitFor({ timeout: 30_000 });
    const errored = app.locator('article[data-status="error"]');
    for (let i = 0; i < (await errored.count()); i++) {
      expect(await errored.nth(i).getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    }
  });
});

describe('the printable HTML export', () => {
  it('downloads a readable report that prints every check opened', async () => {
    await open('as=site-admin&surface=admin&route=history&theme=light');
    const app = appFrame(page);
    await app.locator('[data-testid="export-html"]').waitFor({ timeout: 30_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), app.locator('[data-testid="export-html"]').click()]);
    expect(download.suggestedFilename()).toMatch(/\.html$/);
    const saved = path.join(RESULTS, `settings-${download.suggestedFilename()}`);
    await download.saveAs(saved);
    const html = readFileSync(saved, 'utf8');
    expect(html).not.toMatch(/&quot;[A-Za-z]+&quot;:/);

    const report = await session.context.newPage();
    try {
      await report.setContent(html);
      const closedBefore = await report.locator('details:not([open])').count();
      expect(closedBefore).toBeGreaterThan(0);
      await report.emulateMedia({ media: 'print' });
      // Printed, the content of a closed check is visible.
      const hidden = await report.evaluate(() =>
        Array.from(document.querySelectorAll('details:not([open])')).filter((d) => {
          const body = d.querySelector(':scope > div') as HTMLElement | null;
          return !body || body.getBoundingClientRect().height === 0;
        }).length,
      );
      expect(hidden).toBe(0);
      await report.screenshot({ path: path.join(RESULTS, 'settings-export-print.png'), fullPage: true });
    } finally {
      await report.close();
    }
  });
});
