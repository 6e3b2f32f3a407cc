/**
 * Screens as an administrator manages them: list them (GET /screens, PageBean,
 * case-insensitive partial match on the name, or only the screens named by `id`),
 * create one (it comes with a default
 * field tab), add a tab, add a field to a tab. All of these need Administer Jira.
 * A field is added once per screen: a second add, on any tab, is a 400.
 */
import type { components as Platform } from '../../../src/jira/generated/jira-platform';
import type { SimScreen, SimScreenField } from '../model';
import { intParam, pageUrl } from '../paging';
import { jiraError, jiraFieldErrors, ok } from '../responses';
import { SYSTEM_FIELDS } from '../system-fields';
import { isRecord, type Route, type RouteContext } from './route';

type P = Platform['schemas'];

export const SCREENS_ADMIN_ONLY = 'Only Jira administrators can manage screens.';
/** The tab Jira gives a new screen. */
export const DEFAULT_TAB_NAME = 'Field Tab';
const SCREEN_PAGE = { default: 100, max: 100 } as const;

function screenBean(screen: SimScreen): P['Screen'] {
  return { id: screen.id, name: screen.name, description: screen.description ?? '' };
}

function isAdmin(ctx: RouteContext): boolean {
  return ctx.model.isSiteAdmin(ctx.caller.accountId);
}

function listScreens(ctx: RouteContext) {
  if (!isAdmin(ctx)) return jiraError(403, SCREENS_ADMIN_ONLY);
  const startAt = intParam(ctx.query, 'startAt', 0);
  const maxResults = Math.min(intParam(ctx.query, 'maxResults', SCREEN_PAGE.default), SCREEN_PAGE.max);
  // `id` is an int64 array "provided as an ampersand-separated list": each value is one id,
  // so a comma-joined value names no screen rather than being split.
  const ids = new Set(ctx.query.getAll('id').map((v) => v.trim()));
  const text = (ctx.query.get('queryString') ?? '').toLowerCase();
  const all = ctx.model
    .allScreens()
    .filter((s) => ids.size === 0 || ids.has(String(s.id)))
    .filter((s) => !text || s.name.toLowerCase().includes(text));
  const page = all.slice(startAt, startAt + maxResults);
  const isLast = startAt + page.length >= all.length;
  const body: P['PageBeanScreen'] = {
    self: pageUrl(ctx.baseUrl, ctx.path, ctx.query, { startAt, maxResults }),
    ...(isLast ? {} : { nextPage: pageUrl(ctx.baseUrl, ctx.path, ctx.query, { startAt: startAt + maxResults, maxResults }) }),
    startAt,
    maxResults,
    total: all.length,
    isLast,
    values: page.map(screenBean),
  };
  return ok(body);
}

function createScreen(ctx: RouteContext) {
  if (!isAdmin(ctx)) return jiraError(403, SCREENS_ADMIN_ONLY);
  const name = isRecord(ctx.body) && typeof ctx.body.name === 'string' ? ctx.body.name.trim() : '';
  const description = isRecord(ctx.body) && typeof ctx.body.description === 'string' ? ctx.body.description : undefined;
  if (!name) return jiraFieldErrors(400, { name: 'The screen name must not be empty.' });
  if (name.length > 255) return jiraFieldErrors(400, { name: 'The screen name must not be longer than 255 characters.' });
  if (description !== undefined && description.length > 255) return jiraFieldErrors(400, { description: 'The screen description must not be longer than 255 characters.' });
  if (ctx.model.allScreens().some((s) => s.name.toLowerCase() === name.toLowerCase())) return jiraError(400, 'The name is used by another screen.');
  const screen: SimScreen = { id: ctx.model.nextScreenId(), name, ...(description !== undefined ? { description } : {}), tabs: [] };
  ctx.model.addScreen(screen);
  screen.tabs.push({ id: ctx.model.nextTabId(), name: DEFAULT_TAB_NAME, fields: [] });
  return ok(screenBean(screen), 201);
}

function screenFor(ctx: RouteContext): SimScreen | ReturnType<typeof jiraError> {
  const raw = ctx.params.screenId!;
  if (!/^\d+$/.test(raw)) return jiraError(400, `The screen ID '${raw}' is not valid.`);
  if (!isAdmin(ctx)) return jiraError(403, SCREENS_ADMIN_ONLY);
  const screen = ctx.model.screen(Number(raw));
  return screen ?? jiraError(404, `The screen with id ${raw} does not exist.`);
}

function addTab(ctx: RouteContext) {
  const screen = screenFor(ctx);
  if ('status' in screen) return screen;
  const name = isRecord(ctx.body) && typeof ctx.body.name === 'string' ? ctx.body.name.trim() : '';
  if (!name) return jiraFieldErrors(400, { name: 'The tab name must not be empty.' });
  if (name.length > 255) return jiraFieldErrors(400, { name: 'The tab name must not be longer than 255 characters.' });
  if (screen.tabs.some((t) => t.name.toLowerCase() === name.toLowerCase())) return jiraFieldErrors(400, { name: 'Screen Tab name must be unique.' });
  const tab = { id: ctx.model.nextTabId(), name, fields: [] };
  screen.tabs.push(tab);
  return ok({ id: tab.id, name: tab.name });
}

/** A field the site knows: one of Jira's own, or one of its custom fields. */
function knownField(ctx: RouteContext, fieldId: string): SimScreenField | undefined {
  if (SYSTEM_FIELDS[fieldId]) return { id: fieldId, name: SYSTEM_FIELDS[fieldId]! };
  const field = ctx.model.field(fieldId);
  return field ? { ...field } : undefined;
}

function addField(ctx: RouteContext) {
  const screen = screenFor(ctx);
  if ('status' in screen) return screen;
  const tab = screen.tabs.find((t) => String(t.id) === ctx.params.tabId);
  if (!tab) return jiraError(404, `The screen tab with id ${ctx.params.tabId} does not exist.`);
  const fieldId = isRecord(ctx.body) && typeof ctx.body.fieldId === 'string' ? ctx.body.fieldId.trim() : '';
  if (!fieldId) return jiraFieldErrors(400, { fieldId: 'The field ID must be provided.' });
  const field = knownField(ctx, fieldId);
  if (!field) return jiraError(404, `The field with id ${fieldId} does not exist.`);
  if (screen.tabs.some((t) => t.fields.some((f) => f.id === fieldId))) return jiraError(400, `Field with id '${fieldId}' already exists on the screen.`);
  tab.fields.push(field);
  return ok({ id: field.id, name: field.name });
}

export const screenWriteRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/screens', api: 'platform', handle: listScreens },
  { method: 'POST', template: '/rest/api/3/screens', api: 'platform', handle: createScreen },
  { method: 'POST', template: '/rest/api/3/screens/{screenId}/tabs', api: 'platform', handle: addTab },
  { method: 'POST', template: '/rest/api/3/screens/{screenId}/tabs/{tabId}/fields', api: 'platform', handle: addField },
];
