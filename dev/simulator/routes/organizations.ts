/**
 * JSM organizations: the organizations associated with a desk, and an
 * organization's members. A desk's customers are the people added one by one
 * (…/customer) and the members of its organizations; these two operations are how
 * the second half is read. Neither is experimental, so no opt-in header is needed.
 * Paging is JSM's start/limit/size/isLastPage (cap 50); errors are JSM's ErrorResponse.
 */
import type { SimProject, SimUser } from '../model';
import { CAPS, capped, intParam, jsmPage, type Sliceable } from '../paging';
import { organizationDto, userDto } from '../representations';
import { jsmError, ok, type SimResponse } from '../responses';
import type { Route, RouteContext } from './route';
import { findDesk } from './servicedesk';

function isDesk(value: SimProject | SimResponse): value is SimProject {
  return 'key' in value && 'roles' in value;
}

/** "Permissions required: Service desk's agent." Project and site admins are agents too. */
function listDeskOrganizations(ctx: RouteContext): SimResponse {
  const desk = findDesk(ctx);
  if (!isDesk(desk)) return desk;
  if (!ctx.model.isAgent(ctx.caller.accountId, desk)) {
    return jsmError(403, 'You do not have permission to view the organizations of this service project.', 'sd.organization.view.permission.error');
  }
  let organizations = ctx.model.organizationsOf(desk.id);
  // `accountId` narrows the list to the organizations that user belongs to; an unknown user is a 404.
  const accountId = ctx.query.get('accountId');
  if (accountId !== null && accountId !== '') {
    if (!ctx.model.user(accountId)) return jsmError(404, `The user with account ID ${accountId} does not exist.`, 'sd.user.error.not.exists', [accountId]);
    organizations = organizations.filter((o) => ctx.model.isOrganizationMember(o.id, accountId));
  }
  const start = intParam(ctx.query, 'start', 0);
  const limit = capped(ctx.query, 'limit', CAPS.jsm.default, CAPS.jsm.max);
  const page = jsmPage(organizations, start, limit, ctx.baseUrl, ctx.path, ctx.query);
  return ok({ ...page, values: page.values.map((o) => organizationDto(ctx.baseUrl, o)) });
}

/**
 * "Permissions required: Service desk administrator or agent." The document does
 * not say of which desk; the stricter reading is taken: an agent or admin of a desk
 * the organization is associated with (site admins administer every desk).
 */
function listOrganizationUsers(ctx: RouteContext): SimResponse {
  const id = ctx.params.organizationId!;
  const organization = /^\d+$/.test(id) ? ctx.model.organization(id) : undefined;
  if (!organization) return jsmError(404, `The organization with ID ${id} does not exist.`, 'sd.admin.organization.error.not.exists', [id]);
  const caller = ctx.caller.accountId;
  const mayRead = ctx.model.isSiteAdmin(caller) || ctx.model.desksOfOrganization(organization.id).some((desk) => ctx.model.isAgent(caller, desk));
  if (!mayRead) {
    return jsmError(403, 'You do not have permission to view the users of this organization.', 'sd.organization.user.view.permission.error');
  }
  const ids = ctx.model.membersOfOrganization(organization.id);
  const users: Sliceable<SimUser> = { length: ids.length, slice: (s?: number, e?: number) => ids.slice(s, e).map((a) => ctx.model.user(a)!) };
  const start = intParam(ctx.query, 'start', 0);
  const limit = capped(ctx.query, 'limit', CAPS.jsm.default, CAPS.jsm.max);
  const page = jsmPage(users, start, limit, ctx.baseUrl, ctx.path, ctx.query);
  return ok({ ...page, values: page.values.map((u) => userDto(ctx.model, ctx.baseUrl, u, ctx.caller)) });
}

export const organizationRoutes: Route[] = [
  { method: 'GET', template: '/rest/servicedeskapi/servicedesk/{serviceDeskId}/organization', api: 'servicedesk', handle: listDeskOrganizations },
  { method: 'GET', template: '/rest/servicedeskapi/organization/{organizationId}/user', api: 'servicedesk', handle: listOrganizationUsers },
];
