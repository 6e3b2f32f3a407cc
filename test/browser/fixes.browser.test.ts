/**
 * "Fix it for me" end to end in Debian's Chromium: every fix of the registry, on the
 * local preview's demo site (started with the service account outside
 * jira-servicedesk-users, so the site fix has work too), as the site admin: the failing
 * check card, its fix button, the preview dialog listing each change with every
 * project and issue type it reaches (worked out here from the simulated site, not
 * from the app), Apply, the results ("N added, 0 failed") and the re-checked cards
 * passing. Screenshots before, of the dialog and after go to
 * test-results/fix-<id>-{before,preview,after}.png; axe-core finds nothing serious on
 * the page or in the dialog. Then the HR project admin on the desk's project settings
 * page: a fix they may run, and a site-admin-only fix that says who can run it.
 */
import * as path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { RunningPreview } from '../../dev/preview/preview';
import type { SiteModel } from '../../dev/simulator/model';
import { DEMO_CREDENTIALS } from '../../dev/simulator/sites/demo';
import { appAxeViolations, appFrame as harnessFrame, RESULTS, startBrowserSession, type BrowserSession } from './helpers/browser-harness';

jest.setTimeout(240_000);

let session: BrowserSession;
let preview: RunningPreview;
let page: Page;

function appFrame(): FrameLocator {
  return harnessFrame(page);
}

function axeViolations(label: string) {
  return appAxeViolations(page, label);
}

async function screenshot(name: string) {
  // Atlaskit's modal fades in and out: let it settle so the picture shows what a person sees.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(RESULTS, `${name}.png`) });
}

async function open(query: string) {
  await page.goto(`${preview.url}?${query}&theme=light`);
}

function model(): SiteModel {
  return preview.simulator!.model;
}

/** Nothing inside the element reaches past its right edge (no text or table overflowing a card or the dialog). */
async function fitsInside(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return [...el.querySelectorAll('*')].every((n) => n.getBoundingClientRect().right <= box.right + 1);
  });
}

interface Reach {
  projects: string[];
  issueTypes: string[];
}

/** Every service desk and request issue type whose workflow is one of `workflowNames`, read from the simulated site itself. */
function reachOfWorkflows(workflowNames: ReadonlySet<string>): Reach {
  const projects = new Set<string>();
  const issueTypes = new Set<string>();
  for (const project of model().serviceDesks()) {
    for (const typeId of new Set(project.requestTypes.map((r) => r.issueTypeId))) {
      const workflow = model().workflowFor(project, typeId);
      if (!workflow?.name || !workflowNames.has(workflow.name)) continue;
      projects.add(`${project.name} (${project.key})`);
      issueTypes.add(model().issueType(typeId)?.name ?? typeId);
    }
  }
  return { projects: [...projects], issueTypes: [...issueTypes] };
}

/** The workflows with a transition that shows the screen. */
function workflowsShowing(screenId: string): Set<string> {
  return new Set(
    model()
      .allWorkflows()
      .filter((w) => (w.transitions ?? []).some((t) => String((t.transitionScreen?.parameters as { screenId?: string } | undefined)?.screenId ?? '') === screenId))
      .map((w) => w.name!),
  );
}

/**
 * What a listed change must say it reaches: a workflow change every desk and issue type
 * running that workflow; a screen change every one whose workflows show the screen; a
 * change to something site-wide (a group) every desk.
 */
function expectedReach(changeText: string): Reach {
  const screen = model()
    .allScreens()
    .find((s) => changeText.includes(`screen “${s.name}”`) || new RegExp(`\\bscreen ${s.id}\\b`).test(changeText));
  if (screen && !/^Create the screen/.test(changeText)) return reachOfWorkflows(workflowsShowing(String(screen.id)));
  const workflow = model()
    .allWorkflows()
    .map((w) => w.name!)
    .filter((name) => changeText.includes(`workflow “${name}”`));
  if (workflow.length > 0) return reachOfWorkflows(new Set(workflow));
  const desk = model()
    .serviceDesks()
    .find((p) => changeText.includes(`(${p.key})`));
  return { projects: desk ? [`${desk.name} (${desk.key})`] : [], issueTypes: [] };
}

interface FixFlow {
  fixId: string;
  /** The preview route of the page with the card: `projects/HR`, `overview/site`. */
  route: string;
  /** The card whose fix button is clicked. */
  checkId: string;
  /** Every check the fix resolves there: each passes after the re-check. */
  resolves: string[];
  /** Asserts on the dialog's changes, beyond their reach. */
  changes?: (rows: string[]) => void;
  /** Instead of the desk from the change text: what every change reaches (a site fix). */
  reachAll?: () => Reach;
}

/** One fix, as a person does it: card → fix button → preview → Apply → results → re-checked cards. */
async function runFix(flow: FixFlow): Promise<void> {
  await open(`as=site-admin&surface=admin&route=${flow.route}`);
  const app = appFrame();
  const card = app.locator(`[data-check="${flow.checkId}"]`);
  await card.waitFor({ timeout: 30_000 });
  expect(await card.getAttribute('data-status')).toMatch(/^(fail|warn)$/);
  const button = card.locator(`[data-testid="fix-${flow.fixId}"]`);
  await button.scrollIntoViewIfNeeded();
  await screenshot(`fix-${flow.fixId}-before`);
  expect(await axeViolations(`${flow.fixId}: before`)).toEqual([]);

  await button.click();
  const dialog = app.locator('[data-testid="fix-dialog"]');
  await dialog.locator('[data-testid="fix-changes"]').waitFor({ timeout: 60_000 });
  expect(await dialog.locator('[data-testid="fix-sentence"]').textContent()).toMatch(/ as you\.$/);
  expect(await dialog.locator('[data-testid="fix-blockers"]').count()).toBe(0);
  const rows = await dialog.locator('[data-testid="fix-changes"] [data-change]').allTextContents();
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    const reach = flow.reachAll ? flow.reachAll() : expectedReach(row);
    expect(reach.projects.length).toBeGreaterThan(0);
    for (const p of reach.projects) expect([row, p, row.includes(p)]).toEqual([row, p, true]);
    for (const t of reach.issueTypes) expect([row, t, row.includes(t)]).toEqual([row, t, true]);
  }
  flow.changes?.(rows);
  // Nothing has changed yet.
  expect(await card.getAttribute('data-status')).toMatch(/^(fail|warn)$/);
  expect(await fitsInside(dialog)).toBe(true);
  await screenshot(`fix-${flow.fixId}-preview`);
  expect(await axeViolations(`${flow.fixId}: preview`)).toEqual([]);

  await dialog.locator('[data-testid="fix-confirm"]').click();
  const summary = dialog.locator('[data-testid="fix-summary"]');
  await dialog.locator('[data-testid="fix-results"][data-state="done"]').waitFor({ timeout: 120_000 });
  const said = (await summary.textContent()) ?? '';
  expect(said).toMatch(/^[1-9]\d* \S+, 0 failed$/);
  const rechecked = await dialog.locator('[data-testid="fix-rechecked"]').allTextContents();
  for (const id of flow.resolves) expect(rechecked.some((r) => r.includes(id))).toBe(true);
  await dialog.getByRole('button', { name: 'Show each change' }).click();
  const outcomes = await dialog.locator('tr[data-outcome]').evaluateAll((trs) => trs.map((r) => r.getAttribute('data-outcome')));
  expect(outcomes.length).toBe(rows.length);
  expect(outcomes.every((o) => o === 'applied')).toBe(true);
  expect(await fitsInside(dialog)).toBe(true);
  await screenshot(`fix-${flow.fixId}-results`);
  expect(await axeViolations(`${flow.fixId}: results`)).toEqual([]);

  await dialog.locator('[data-testid="fix-close"]').click();
  await dialog.waitFor({ state: 'detached' });
  for (const id of flow.resolves) await app.locator(`[data-check="${id}"][data-status="pass"]`).waitFor({ state: 'attached', timeout: 30_000 });
  // The passing checks are folded away: open them to show the card that just passed.
  const toggle = app.locator('[data-testid^="toggle-passes-"][aria-expanded="false"]');
  if ((await toggle.count()) > 0) await toggle.first().click();
  const passed = app.locator(`[data-check="${flow.checkId}"]`);
  await passed.scrollIntoViewIfNeeded();
  expect(await passed.locator(`[data-testid="fix-${flow.fixId}"]`).count()).toBe(0);
  expect(await fitsInside(passed)).toBe(true);
  await screenshot(`fix-${flow.fixId}-after`);
  expect(await axeViolations(`${flow.fixId}: after`)).toEqual([]);
}

describe('as the site admin, every fix from its failing check to a pass', () => {
  beforeAll(async () => {
    session = await startBrowserSession('fixes', { width: 1280, height: 900 }, { demoVariant: 'no-product-access' });
    ({ preview, page } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  test('grant-service-management-access: SA-PRODUCT-ACCESS on the site page, reaching every desk', async () => {
    await runFix({
      fixId: 'grant-service-management-access',
      route: 'overview/site',
      checkId: 'SA-PRODUCT-ACCESS',
      resolves: ['SA-PRODUCT-ACCESS'],
      reachAll: () => ({ projects: model().serviceDesks().map((p) => `${p.name} (${p.key})`), issueTypes: [] }),
      changes: (rows) => expect(rows).toEqual([expect.stringContaining('to the default group of Jira Service Management')]),
    });
  });

  test('add-to-service-desk-team: SA-PROJECT-ROLE on HR', async () => {
    await runFix({
      fixId: 'add-to-service-desk-team',
      route: 'projects/HR',
      checkId: 'SA-PROJECT-ROLE',
      resolves: ['SA-PROJECT-ROLE'],
      changes: (rows) => expect(rows).toEqual([expect.stringContaining('Service Desk Team role of HR Help Desk (HR)')]),
    });
  });

  test('add-missing-customers: CUST-COVERAGE on HR', async () => {
    await runFix({
      fixId: 'add-missing-customers',
      route: 'projects/HR',
      checkId: 'CUST-COVERAGE',
      resolves: ['CUST-COVERAGE'],
      changes: (rows) => expect(rows).toEqual([expect.stringMatching(/customers of HR Help Desk \(HR\)/)]),
    });
  });

  test('add-global-transitions: WF-ANY-TO-RESOLVED, -IN-PROGRESS and -REOPENED on HR', async () => {
    await runFix({
      fixId: 'add-global-transitions',
      route: 'projects/HR',
      checkId: 'WF-ANY-TO-RESOLVED',
      resolves: ['WF-ANY-TO-RESOLVED', 'WF-ANY-TO-IN-PROGRESS', 'WF-ANY-TO-REOPENED'],
      changes: (rows) => expect(rows.every((r) => r.includes('global transition'))).toBe(true),
    });
  });

  test('add-resolve-screen-fields: WF-RESOLVE-SCREEN-ASSIGNEE and -FIELDS on HR, fields by name', async () => {
    await runFix({
      fixId: 'add-resolve-screen-fields',
      route: 'projects/HR',
      checkId: 'WF-RESOLVE-SCREEN-ASSIGNEE',
      resolves: ['WF-RESOLVE-SCREEN-ASSIGNEE', 'WF-RESOLVE-SCREEN-FIELDS'],
      changes: (rows) => {
        expect(rows.some((r) => r.includes('Assignee'))).toBe(true);
        // The onboarding screen lacks the custom field its Done validator requires: named as admins know it.
        expect(rows.some((r) => r.includes('Start date'))).toBe(true);
        expect(rows.join(' ')).not.toContain('customfield_');
      },
    });
  });

  test('configure-bot-transitions: WF-BOT-TRANSITIONS-RESTRICTED, WF-RESOLVE-SETS-RESOLUTION and WF-REOPEN-UNASSIGNS on team-managed FAC', async () => {
    await runFix({
      fixId: 'configure-bot-transitions',
      route: 'projects/FAC',
      checkId: 'WF-BOT-TRANSITIONS-RESTRICTED',
      resolves: ['WF-BOT-TRANSITIONS-RESTRICTED', 'WF-RESOLVE-SETS-RESOLUTION', 'WF-REOPEN-UNASSIGNS'],
    });
  });
});

describe('as the HR project admin, on the desk’s project settings page', () => {
  beforeAll(async () => {
    session = await startBrowserSession('fixes-project-admin');
    ({ preview, page } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  test('runs "Add the service account to Service Desk Team" on HR; a site-admin-only fix says who can run it', async () => {
    await open('as=project-admin&surface=project&project=HR');
    const app = appFrame();
    await app.locator('[data-testid="project-page"]').waitFor();
    expect(await app.locator('main').getAttribute('data-surface')).toBe('project');

    // The screens are Jira administration: the card names the fix and who may run it, with no button.
    const screenCard = app.locator('[data-check="WF-RESOLVE-SCREEN-ASSIGNEE"]');
    expect(await screenCard.getAttribute('data-status')).toBe('fail');
    expect(await screenCard.locator('[data-testid="fix-add-resolve-screen-fields"]').count()).toBe(0);
    const who = screenCard.locator('[data-testid="fix-who-add-resolve-screen-fields"]');
    expect(await who.textContent()).toMatch(/Jira administrator/);
    await screenCard.scrollIntoViewIfNeeded();
    await screenshot('fix-project-admin-site-admin-only');
    expect(await axeViolations('project admin: a fix for someone else')).toEqual([]);

    // HR's workflows are company-managed, shared configuration: the preview says why nothing is done, and who can.
    const workflowCard = app.locator('[data-check="WF-ANY-TO-RESOLVED"]');
    await workflowCard.locator('[data-testid="fix-add-global-transitions"]').click();
    const blocked = app.locator('[data-testid="fix-dialog"]');
    const blockers = blocked.locator('[data-testid="fix-blockers"]');
    await blockers.waitFor({ timeout: 60_000 });
    expect(await blockers.textContent()).toContain('Who can: a Jira administrator');
    // Blocked is not done: the dialog does not say Jira already has it.
    expect(await blocked.locator('[data-testid="fix-sentence"]').count()).toBe(0);
    expect(await blocked.locator('[data-testid="fix-confirm"]').isDisabled()).toBe(true);
    await screenshot('fix-project-admin-blocked');
    expect(await axeViolations('project admin: a blocked fix')).toEqual([]);
    await blocked.getByRole('button', { name: 'Cancel' }).click();
    await blocked.waitFor({ state: 'detached' });
    expect(await workflowCard.getAttribute('data-status')).toBe('fail');

    const card = app.locator('[data-check="SA-PROJECT-ROLE"]');
    expect(await card.getAttribute('data-status')).toBe('fail');
    await card.locator('[data-testid="fix-add-to-service-desk-team"]').scrollIntoViewIfNeeded();
    await screenshot('fix-project-admin-before');
    await card.locator('[data-testid="fix-add-to-service-desk-team"]').click();
    const dialog = app.locator('[data-testid="fix-dialog"]');
    await dialog.locator('[data-testid="fix-changes"]').waitFor({ timeout: 60_000 });
    expect(await dialog.locator('[data-testid="fix-changes"] [data-change]').allTextContents()).toEqual([expect.stringContaining('HR Help Desk (HR)')]);
    await screenshot('fix-project-admin-preview');
    expect(await axeViolations('project admin: preview')).toEqual([]);
    await dialog.locator('[data-testid="fix-confirm"]').click();
    await dialog.locator('[data-testid="fix-results"][data-state="done"]').waitFor({ timeout: 60_000 });
    expect(await dialog.locator('[data-testid="fix-summary"]').textContent()).toBe('1 added, 0 failed');
    await dialog.locator('[data-testid="fix-close"]').click();
    await app.locator('[data-check="SA-PROJECT-ROLE"][data-status="pass"]').waitFor({ state: 'attached', timeout: 30_000 });
    // Jira holds the change, made as the project admin, not as the app.
    const hr = model().project('HR')!;
    expect(model().hasProjectRole(DEMO_CREDENTIALS.serviceAccount.accountId, hr, 'Service Desk Team')).toBe(true);
    const roleWrites = preview.simulator!.requests.filter((r) => r.method === 'POST' && r.endpoint === 'POST /rest/api/3/project/{projectIdOrKey}/role/{id}');
    expect(roleWrites.map((r) => [r.status, r.accountId])).toEqual([[200, DEMO_CREDENTIALS.projectAdmin.accountId]]);
    await screenshot('fix-project-admin-after');
    expect(await axeViolations('project admin: after')).toEqual([]);
  });
});
