/**
 * Per-project artifacts: the roles SA-PROJECT-ROLE needs (with their actors), the
 * desk's customers (account ids only, streamed page by page) and its request types.
 */
import type { ProjectStyle } from '../shared/report-model';
import type { components as Platform } from '../jira/generated/jira-platform';
import type { components as ServiceDesk } from '../jira/generated/jira-servicedesk';
import type { JiraClient } from '../jira/jira-client';
import { jsmPages, jsmPagesFrom, PEOPLE_MAX_PAGES, type JsmCursor } from '../jira/paging';
import { failed, settle, shapeError } from './fetched';
import type { IssueTypeRef, ProjectRole, RequestTypeRef, RoleActor } from './snapshot';
import type { Fetched } from '../shared/fetched';

type JiraProjectRole = Platform['schemas']['ProjectRole'];
type JiraRoleActor = Platform['schemas']['RoleActor'];
type UserDTO = ServiceDesk['schemas']['UserDTO'];
type RequestTypeDTO = ServiceDesk['schemas']['RequestTypeDTO'];

export const PROJECT_ROLES = '/rest/api/3/project/{projectIdOrKey}/role';
export const PROJECT_ROLE = '/rest/api/3/project/{projectIdOrKey}/role/{id}';
export const DESK_CUSTOMERS = '/rest/servicedeskapi/servicedesk/{serviceDeskId}/customer';
export const DESK_REQUEST_TYPES = '/rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype';

/** JSM caps customer and request type pages at 50. */
const JSM_PAGE_SIZE = 50;

/**
 * The roles worth reading in full: 'Service Desk Team'; team-managed projects name
 * their roles freely, so also any role that reads like a team or agent role.
 */
export function rolesToRead(roleNames: readonly string[], style: ProjectStyle): string[] {
  return roleNames.filter((name) => {
    const n = name.trim().toLowerCase();
    if (n === 'service desk team') return true;
    return style === 'team-managed' && (n.includes('team') || n.includes('agent'));
  });
}

/** Role id from the role's URL in GET …/role, e.g. ".../project/IT/role/10002" → "10002". */
export function roleIdFromUrl(url: string): string | undefined {
  const match = /\/role\/(\d+)\/?(?:\?.*)?$/.exec(url);
  return match?.[1];
}

export function toRoleActor(actor: JiraRoleActor): RoleActor | undefined {
  if (actor.type === 'atlassian-user-role-actor' || actor.actorUser) {
    const accountId = actor.actorUser?.accountId;
    if (!accountId) return undefined;
    return { type: 'user', accountId, ...(actor.displayName ? { displayName: actor.displayName } : {}) };
  }
  if (actor.type === 'atlassian-group-role-actor' || actor.actorGroup) {
    const groupName = actor.actorGroup?.name ?? actor.name;
    const groupId = actor.actorGroup?.groupId;
    if (!groupName && !groupId) return undefined;
    const displayName = actor.actorGroup?.displayName ?? actor.displayName;
    return { type: 'group', ...(groupName ? { groupName } : {}), ...(groupId ? { groupId } : {}), ...(displayName ? { displayName } : {}) };
  }
  return undefined;
}

export function gatherProjectRoles(client: JiraClient, projectKey: string, style: ProjectStyle): Promise<Fetched<ProjectRole[]>> {
  return settle(`GET ${PROJECT_ROLES}`, async () => {
    const map = await client.get<Record<string, string>>(PROJECT_ROLES, { path: { projectIdOrKey: projectKey } });
    if (!map || typeof map !== 'object' || Array.isArray(map)) throw shapeError(`GET ${PROJECT_ROLES}`, `Jira's answer for GET ${PROJECT_ROLES} is not a map of role names`);
    const wanted = rolesToRead(Object.keys(map), style);
    return Promise.all(
      wanted.map(async (name) => {
        const id = roleIdFromUrl(String(map[name]));
        if (!id) throw shapeError(`GET ${PROJECT_ROLES}`, `Jira's role URL for "${name}" has no role id`);
        const role = await client.get<JiraProjectRole>(PROJECT_ROLE, { path: { projectIdOrKey: projectKey, id } });
        const actors = (role.actors ?? []).map(toRoleActor).filter((a): a is RoleActor => a !== undefined);
        return { id: role.id !== undefined ? String(role.id) : id, name: role.name ?? name, actors };
      }),
    );
  });
}

/**
 * One string per distinct account id for a whole run. Every customer page parses
 * into fresh strings, so 200 desks sharing 20,000 end users would otherwise keep
 * ~670,000 copies of ~45-character ids alive until the report is built.
 */
export class AccountIdPool {
  private readonly ids = new Map<string, string>();

  intern(id: string): string {
    const known = this.ids.get(id);
    if (known !== undefined) return known;
    this.ids.set(id, id);
    return id;
  }

  get size(): number {
    return this.ids.size;
  }
}

// Keyed by the client's counter, which every view of one client shares: one pool per run.
const poolsByRun = new WeakMap<object, AccountIdPool>();

/** The id pool of the run `client` belongs to. */
export function accountIdPoolFor(client: JiraClient): AccountIdPool {
  let pool = poolsByRun.get(client.counter);
  if (!pool) poolsByRun.set(client.counter, (pool = new AccountIdPool()));
  return pool;
}

/** Where a desk's customer paging stands: the next page's offset and the pages read before it. */
export type CustomerCursor = JsmCursor;

/** When a desk's customer paging stops at the next page boundary (ms since the epoch, on `now`). */
export interface CustomerStop {
  atMs: number;
  now: () => number;
}

/** A desk's customers as one go read them: to the end, or up to a page boundary and where to read on. */
export type CustomersRead =
  | { complete: true; ids: string[]; pages: number }
  | { complete: false; ids: string[]; pages: number; next: CustomerCursor };

export interface ReadCustomersOptions {
  /** Read on from here (default: the first page). */
  from?: CustomerCursor;
  /** Stop at the first page boundary at or after this time; at least one page is always read. */
  stop?: CustomerStop;
  pool?: AccountIdPool;
}

/**
 * The desk's customers' account ids, page by page, from `from` until the last page
 * or the stop time. Jira's errors are thrown (the caller settles them). Listing
 * customers is experimental in JSM.
 */
export async function readCustomers(client: JiraClient, serviceDeskId: string, options: ReadCustomersOptions = {}): Promise<CustomersRead> {
  const pool = options.pool ?? accountIdPoolFor(client);
  // A Set: a customer added while paging can shift a page and appear twice.
  const ids = new Set<string>();
  let pages = 0;
  const request = { path: { serviceDeskId }, headers: { 'X-ExperimentalApi': 'opt-in' }, pageSize: JSM_PAGE_SIZE, maxPages: PEOPLE_MAX_PAGES };
  const stop = options.stop;
  const stopping = stop ? () => stop.now() >= stop.atMs : undefined;
  for await (const page of jsmPagesFrom<UserDTO>(client, DESK_CUSTOMERS, request, options.from, stopping ? { stopAsking: stopping } : {})) {
    pages += 1;
    for (const user of page.values) if (user.accountId) ids.add(pool.intern(user.accountId));
    // Checked only between pages, after one at least: every go moves the cursor on. A page
    // already read ahead is taken first, so the next go never reads it again.
    if (page.next && !page.nextAsked && stopping?.()) return { complete: false, ids: [...ids], pages, next: page.next };
  }
  return { complete: true, ids: [...ids], pages };
}

/** Account ids of every customer of the desk; listing customers is experimental in JSM. */
export function gatherCustomers(client: JiraClient, serviceDeskId: string | undefined, pool: AccountIdPool = accountIdPoolFor(client)): Promise<Fetched<string[]>> {
  if (!serviceDeskId) return Promise.resolve(noDesk(DESK_CUSTOMERS));
  return settle(`GET ${DESK_CUSTOMERS}`, async () => (await readCustomers(client, serviceDeskId, { pool })).ids);
}

/**
 * Pages one desk's customers in the caller's own way (a Forge job that may stop
 * its desk's paging and read on in a follow-up job); undefined: the usual way.
 * Given the client the paging would use, so it runs in the same lane and pace.
 */
export type CustomerPager = (client: JiraClient, serviceDeskId: string) => Promise<Fetched<string[]> | undefined>;

/**
 * Every desk's customer paging, started as soon as the desks are listed.
 *
 * JSM's customer pages carry no total, so one desk's pages are strictly
 * sequential: a 20,000-customer desk is a chain of 400 calls. Started only when
 * its project gets one of the gatherer's few project slots, such a chain can run
 * nearly alone at the end of the run. Started here, every chain is under way from
 * the beginning: each desk has one page in flight at a time, and what is in flight
 * overall is bounded by the client's request limiter and the customer endpoint's
 * rate gate, not by project slots. Each desk is paged once, however often asked.
 */
export class CustomerPaging {
  private readonly byDesk = new Map<string, Promise<Fetched<string[]>>>();

  constructor(
    private readonly client: JiraClient,
    private readonly pager?: CustomerPager,
  ) {}

  /** Starts paging each desk not yet started; desks without an id are skipped. */
  start(serviceDeskIds: Iterable<string | undefined>): this {
    for (const id of serviceDeskIds) if (id) this.customers(id);
    return this;
  }

  /** The desk's customers: the paging already under way, or started now. */
  customers(serviceDeskId: string | undefined): Promise<Fetched<string[]>> {
    if (!serviceDeskId) return gatherCustomers(this.client, serviceDeskId);
    let paging = this.byDesk.get(serviceDeskId);
    if (!paging) this.byDesk.set(serviceDeskId, (paging = this.page(serviceDeskId)));
    return paging;
  }

  private page(serviceDeskId: string): Promise<Fetched<string[]>> {
    const pager = this.pager;
    if (!pager) return gatherCustomers(this.client, serviceDeskId);
    // A pager that throws fails this desk's customers only, like a failed page.
    return settle(`GET ${DESK_CUSTOMERS}`, async () => (await pager(this.client, serviceDeskId)) ?? gatherCustomers(this.client, serviceDeskId)).then((r) => (r.ok ? r.value : r));
  }
}

/** `new CustomerPaging(client).start(ids)`: every listed desk's customer paging under way at once. */
export function startCustomerPaging(client: JiraClient, serviceDeskIds: Iterable<string | undefined>): CustomerPaging {
  return new CustomerPaging(client).start(serviceDeskIds);
}

export function gatherRequestTypes(client: JiraClient, serviceDeskId: string | undefined): Promise<Fetched<RequestTypeRef[]>> {
  if (!serviceDeskId) return Promise.resolve(noDesk(DESK_REQUEST_TYPES));
  return settle(`GET ${DESK_REQUEST_TYPES}`, async () => {
    const refs: RequestTypeRef[] = [];
    for await (const page of jsmPages<RequestTypeDTO>(client, DESK_REQUEST_TYPES, { path: { serviceDeskId }, pageSize: JSM_PAGE_SIZE })) {
      for (const rt of page) {
        if (!rt.id || !rt.issueTypeId) throw shapeError(`GET ${DESK_REQUEST_TYPES}`, `A request type in Jira's answer has no id or issue type`);
        refs.push({ id: rt.id, name: rt.name ?? rt.id, issueTypeId: rt.issueTypeId });
      }
    }
    return refs;
  });
}

function noDesk<T>(endpoint: string): Fetched<T> {
  return failed({ kind: 'not_found', endpoint: `GET ${endpoint}`, message: 'Jira lists no service desk for this project, so its desk settings cannot be read.' });
}

/**
 * Issue types in scope: those behind the request types, narrowed by the admin's
 * list (ids or names, names case-insensitive) when there is one.
 */
export function issueTypesInScope(requestTypes: readonly RequestTypeRef[], names: Record<string, string>, configured: readonly string[] | undefined): IssueTypeRef[] {
  const ids = [...new Set(requestTypes.map((rt) => rt.issueTypeId))];
  const wanted = (configured ?? []).map((v) => v.trim()).filter(Boolean);
  const keep =
    wanted.length === 0
      ? ids
      : ids.filter((id) => wanted.includes(id) || (names[id] !== undefined && wanted.some((w) => w.toLowerCase() === names[id].toLowerCase())));
  return keep.map((id) => (names[id] ? { id, name: names[id] } : { id }));
}
