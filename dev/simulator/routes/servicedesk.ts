/**
 * The JSM REST API: service desks, customers (experimental: 412 without
 * `X-ExperimentalApi: opt-in`), adding customers, and request types. Paging is
 * JSM's start/limit/size/isLastPage; errors are JSM's ErrorResponse.
 */
import type { SimProject, SimUser } from '../model';
import { CAPS, capped, intParam, jsmPage, type Sliceable } from '../paging';
import { requestTypeDto, serviceDeskDto, userDto } from '../representations';
import { jsmError, jsmExperimentalRequired, noContent, ok, type SimResponse } from '../responses';
import { isRecord, stringArray, type Route, type RouteContext } from './route';

/**
 * JSM reads {serviceDeskId} as a desk id, or as a project labelled `projectId:` /
 * `projectKey:` (or a bare key); a bare project id names no desk and 404s.
 */
export function findDesk(ctx: RouteContext): SimProject | SimResponse {
  const id = ctx.params.serviceDeskId!;
  const project = ctx.model.deskByIdentifier(id);
  if (!project) {
    return jsmError(404, `Service Desk with id ${id} does not exist.`, 'sd.admin.servicedesk.error.not.exists', [id]);
  }
  return project;
}

function isDesk(value: SimProject | SimResponse): value is SimProject {
  return 'key' in value && 'roles' in value;
}

function optedIn(ctx: RouteContext): boolean {
  const header = ctx.headers['x-experimentalapi'];
  const value = Array.isArray(header) ? header.join(',') : header;
  return (value ?? '').trim().toLowerCase() === 'opt-in';
}

function listDesks(ctx: RouteContext) {
  const start = intParam(ctx.query, 'start', 0);
  const limit = capped(ctx.query, 'limit', CAPS.jsm.default, CAPS.jsm.max);
  const desks = ctx.model
    .serviceDesks()
    .filter((p) => ctx.caller.accountType === 'atlassian' || ctx.model.isCustomer(p.id, ctx.caller.accountId));
  const page = jsmPage(desks, start, limit, ctx.baseUrl, ctx.path, ctx.query);
  return ok({ ...page, values: page.values.map((p) => serviceDeskDto(ctx.baseUrl, p)) });
}

/** One desk by any identifier JSM reads in {serviceDeskId}; customers see only their own desks. */
function getDesk(ctx: RouteContext) {
  const desk = findDesk(ctx);
  if (!isDesk(desk)) return desk;
  if (ctx.caller.accountType !== 'atlassian' && !ctx.model.isCustomer(desk.id, ctx.caller.accountId)) {
    return jsmError(403, 'You do not have permission to view this service project.', 'sd.servicedesk.view.permission.error');
  }
  return ok(serviceDeskDto(ctx.baseUrl, desk));
}

/** An array view over accountIds that looks users up only when a page is cut from it. */
function lazyUsers(ctx: RouteContext, ids: readonly string[]): Sliceable<SimUser> {
  return { length: ids.length, slice: (start?: number, end?: number) => ids.slice(start, end).map((id) => ctx.model.user(id)!) };
}

function listCustomers(ctx: RouteContext) {
  if (!optedIn(ctx)) return jsmExperimentalRequired();
  const desk = findDesk(ctx);
  if (!isDesk(desk)) return desk;
  if (!ctx.model.isAgent(ctx.caller.accountId, desk)) {
    return jsmError(403, 'You do not have permission to view the customers of this service project.', 'sd.customer.view.permission.error');
  }
  const start = intParam(ctx.query, 'start', 0);
  const limit = capped(ctx.query, 'limit', CAPS.jsm.default, CAPS.jsm.max);
  const text = (ctx.query.get('query') ?? '').toLowerCase();
  const ids = ctx.model.customersOf(desk.id);
  // Without a search only the page needs user lookups: desks with 20,000 customers stay cheap.
  const users: Sliceable<SimUser> = text
    ? ids
        .map((id) => ctx.model.user(id))
        .filter((u): u is SimUser => u !== undefined)
        .filter((u) => u.displayName.toLowerCase().includes(text) || (u.email !== undefined && !u.emailHidden && u.email.toLowerCase().includes(text)))
    : lazyUsers(ctx, ids);
  const page = jsmPage(users, start, limit, ctx.baseUrl, ctx.path, ctx.query);
  return ok({ ...page, values: page.values.map((u) => userDto(ctx.model, ctx.baseUrl, u, ctx.caller)) });
}

/**
 * Idempotent like JSM: existing customers are skipped. Unknown accounts answer 400,
 * yet, as JSM documents ("any valid customers are added, but no confirmation is
 * returned"), every valid account of the same call is added first: a caller that
 * reads the 400 as "nothing changed" is wrong here as on Jira.
 */
function addCustomers(ctx: RouteContext) {
  const desk = findDesk(ctx);
  if (!isDesk(desk)) return desk;
  if (!ctx.model.isProjectAdmin(ctx.caller.accountId, desk)) {
    return jsmError(403, 'You do not have permission to add customers to this service project.', 'sd.customer.add.permission.error');
  }
  if (!isRecord(ctx.body)) return jsmError(400, 'The request body is not valid.', 'sd.public.api.error.invalid.body');
  const accountIds = stringArray(ctx.body.accountIds);
  if (ctx.body.accountIds !== undefined && accountIds === undefined) {
    return jsmError(400, 'accountIds must be a list of account IDs.', 'sd.public.api.error.invalid.body');
  }
  if (stringArray(ctx.body.usernames)?.length) {
    return jsmError(400, 'usernames is no longer supported; use accountIds.', 'sd.public.api.error.usernames.deprecated');
  }
  const unknown = (accountIds ?? []).filter((id) => !ctx.model.user(id));
  ctx.model.addCustomers(desk.id, (accountIds ?? []).filter((id) => ctx.model.user(id)));
  if (unknown.length > 0) {
    return jsmError(400, `The following account IDs do not exist: ${unknown.join(', ')}`, 'sd.customer.add.invalid.accountids', unknown);
  }
  return noContent();
}

function listRequestTypes(ctx: RouteContext) {
  const desk = findDesk(ctx);
  if (!isDesk(desk)) return desk;
  if (ctx.caller.accountType !== 'atlassian' && !ctx.model.isCustomer(desk.id, ctx.caller.accountId)) {
    return jsmError(403, 'You do not have permission to view this service project.', 'sd.servicedesk.view.permission.error');
  }
  const start = intParam(ctx.query, 'start', 0);
  const limit = capped(ctx.query, 'limit', CAPS.jsm.default, CAPS.jsm.max);
  const text = (ctx.query.get('searchQuery') ?? '').toLowerCase();
  const types = desk.requestTypes.filter((t) => !text || t.name.toLowerCase().includes(text));
  const page = jsmPage(types, start, limit, ctx.baseUrl, ctx.path, ctx.query);
  return ok({ ...page, values: page.values.map((t) => requestTypeDto(ctx.baseUrl, desk, t)) });
}

export const serviceDeskRoutes: Route[] = [
  { method: 'GET', template: '/rest/servicedeskapi/servicedesk', api: 'servicedesk', handle: listDesks },
  { method: 'GET', template: '/rest/servicedeskapi/servicedesk/{serviceDeskId}', api: 'servicedesk', handle: getDesk },
  { method: 'GET', template: '/rest/servicedeskapi/servicedesk/{serviceDeskId}/customer', api: 'servicedesk', handle: listCustomers },
  { method: 'POST', template: '/rest/servicedeskapi/servicedesk/{serviceDeskId}/customer', api: 'servicedesk', handle: addCustomers },
  { method: 'GET', template: '/rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype', api: 'servicedesk', handle: listRequestTypes },
];
