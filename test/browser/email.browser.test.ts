/**
 * The report e-mail in a browser: in the local preview (real bundle, real resolvers,
 * simulated Jira), Settings → 'Send a test report now' goes through Jira's notify
 * endpoint to the simulator; the preview's Outbox shows it. Saves a screenshot of
 * the rendered e-mail to test-results/email.png and runs axe on the Outbox.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { RunningPreview } from '../../dev/preview/preview';
import { AXE, RESULTS, seriousAxeViolations, startBrowserSession, type BrowserSession } from './helpers/browser-harness';

jest.setTimeout(180_000);

let session: BrowserSession;
let preview: RunningPreview;
let page: Page;

beforeAll(async () => {
  session = await startBrowserSession('mail', { width: 1100, height: 900 });
  ({ preview, page } = session);
});

afterAll(async () => {
  await session?.close();
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
  // The preview mails an ITSD agent and the HR agents' group about an issue in the ITSD service desk:
  // Jira reaches the agent only, and the outcome names the HR agents it leaves out.
  expect(await outcome.textContent()).toMatch(/Jira e-mails 1 person about ITSD-\d+\./);
  expect(await outcome.textContent()).toMatch(/Jira does not e-mail these recipients — they cannot see the report issue ITSD-\d+ in project ITSD/);
  expect(sim.notifications).toHaveLength(1);
  const sent = sim.notifications[0];
  expect(sent.subject).toMatch(/^\[Test\] Moveworks readiness for 127\.0\.0\.1:\d+: Not ready \(\d+(?:\.\d)?%\)/);

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
  // Each item of what still blocks says who can do it, as the Overview does.
  expect(await mail.getByText('Who can do it:').count()).toBeGreaterThan(0);
  expect(await mail.locator('body').textContent()).toMatch(/Who can do it: (Site admin|Service desk admin|Moveworks Setup)/);

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
  const violations = await seriousAxeViolations(page);
  expect(violations).toEqual([]);
});
