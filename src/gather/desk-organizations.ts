/**
 * A desk's organizations and their members. JSM counts the members of the
 * organizations associated with a desk among its customers, but its customer
 * listing holds only the customers added one by one, so CUST-COVERAGE needs both.
 * Neither operation is experimental (no opt-in header). An organization shared by
 * several desks is read once per run: its members are kept by organization id.
 */
import type { components as ServiceDesk } from '../jira/generated/jira-servicedesk';
import type { JiraClient } from '../jira/jira-client';
import { jsmPages, PEOPLE_MAX_PAGES } from '../jira/paging';
import { failed, ok, settle, shapeError } from './fetched';
import { accountIdPoolFor, type AccountIdPool } from './project-details';
import type { DeskOrganization } from './snapshot';
import type { Fetched } from '../shared/fetched';

type OrganizationDTO = ServiceDesk['schemas']['OrganizationDTO'];
type UserDTO = ServiceDesk['schemas']['UserDTO'];

export const DESK_ORGANIZATIONS = '/rest/servicedeskapi/servicedesk/{serviceDeskId}/organization';
export const ORGANIZATION_USERS = '/rest/servicedeskapi/organization/{organizationId}/user';

/** JSM caps organization and organization-member pages at 50. */
const JSM_PAGE_SIZE = 50;

export class DeskOrganizations {
  private readonly membersById = new Map<string, Promise<Fetched<string[]>>>();

  constructor(
    private readonly client: JiraClient,
    private readonly pool: AccountIdPool = accountIdPoolFor(client),
  ) {}

  /** The desk's organizations with their member ids; any unreadable part makes the whole a failure. */
  async of(serviceDeskId: string | undefined): Promise<Fetched<DeskOrganization[]>> {
    if (!serviceDeskId) {
      return failed({ kind: 'not_found', endpoint: `GET ${DESK_ORGANIZATIONS}`, message: 'Jira lists no service desk for this project, so its organizations cannot be read.' });
    }
    const listed = await this.list(serviceDeskId);
    if (!listed.ok) return listed;
    const members = await Promise.all(listed.value.map((o) => this.members(o.id)));
    const organizations: DeskOrganization[] = [];
    for (const [i, organization] of listed.value.entries()) {
      const read = members[i]!;
      // Half of the desk's customers unknown is not "no customers there": the check must say it could not decide.
      if (!read.ok) return failed({ ...read.error, message: `The members of organization "${organization.name}" could not be read: ${read.error.message}` });
      organizations.push({ ...organization, memberIds: read.value });
    }
    return ok(organizations);
  }

  private list(serviceDeskId: string): Promise<Fetched<{ id: string; name: string }[]>> {
    return settle(`GET ${DESK_ORGANIZATIONS}`, async () => {
      const byId = new Map<string, { id: string; name: string }>();
      for await (const page of jsmPages<OrganizationDTO>(this.client, DESK_ORGANIZATIONS, { path: { serviceDeskId }, pageSize: JSM_PAGE_SIZE })) {
        for (const o of page) {
          if (!o.id) throw shapeError(`GET ${DESK_ORGANIZATIONS}`, 'An organization in Jira\'s answer has no id');
          byId.set(o.id, { id: o.id, name: o.name ?? o.id });
        }
      }
      return [...byId.values()];
    });
  }

  /** Member account ids of one organization, read once per run whichever desk asks first. */
  private members(organizationId: string): Promise<Fetched<string[]>> {
    let read = this.membersById.get(organizationId);
    if (!read) {
      read = settle(`GET ${ORGANIZATION_USERS}`, async () => {
        const ids = new Set<string>();
        for await (const page of jsmPages<UserDTO>(this.client, ORGANIZATION_USERS, { path: { organizationId }, pageSize: JSM_PAGE_SIZE, maxPages: PEOPLE_MAX_PAGES })) {
          for (const user of page) if (user.accountId) ids.add(this.pool.intern(user.accountId));
        }
        return [...ids];
      });
      this.membersById.set(organizationId, read);
    }
    return read;
  }
}
