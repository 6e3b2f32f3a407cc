/**
 * The site's service desks as JSM lists them (start / limit / isLastPage, at most 50
 * a page), paged to the last page through JiraClient, so every page gets the retries
 * and rate gates of any other Jira call. A listing that fails part-way throws: a
 * caller that acts on "every desk" (a run's scope, pruning stored reports) must never
 * act on part of the list.
 *
 * JSM warns the listing "will be slow if the instance has hundreds of service desks",
 * and a resolver has 25 s, so a caller inside one gives the listing a time limit; a
 * listing that does not finish in time is an error too, never a shorter list.
 */
import { SERVICE_DESK, SERVICE_DESKS } from '../../gather/project-listing';
import type { components as ServiceDesk } from '../../jira/generated/jira-servicedesk';
import type { JiraClient } from '../../jira/jira-client';
import { JiraError } from '../../jira/jira-error';
import { collectPages, jsmPages } from '../../jira/paging';
import type { ServiceDeskOption } from '../../shared/resolver-api';

type ServiceDeskDTO = ServiceDesk['schemas']['ServiceDeskDTO'];

const PAGE_SIZE = 50;

/** The listing did not reach its last page within the time its caller had. */
export class DeskListingTimeout extends Error {
  constructor(readonly withinMs: number) {
    super(`Jira did not finish listing the site's service desks within ${Math.round(withinMs / 1000)} s.`);
    this.name = 'DeskListingTimeout';
  }
}

function option(desk: ServiceDeskDTO): ServiceDeskOption | undefined {
  if (!desk.projectKey || desk.id === undefined) return undefined;
  return { key: desk.projectKey, name: desk.projectName ?? desk.projectKey, id: String(desk.id) };
}

/** Every desk the client's identity may see; throws JiraError (or DeskListingTimeout) rather than answer part of them. */
export async function listServiceDesks(client: JiraClient, options: { withinMs?: number } = {}): Promise<ServiceDeskOption[]> {
  const listing = collectPages(jsmPages<ServiceDeskDTO>(client, SERVICE_DESKS, { pageSize: PAGE_SIZE })).then((desks) =>
    desks.map(option).filter((d): d is ServiceDeskOption => d !== undefined),
  );
  if (options.withinMs === undefined) return listing;
  const withinMs = options.withinMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeskListingTimeout(withinMs)), withinMs);
  });
  // Read-only: a listing abandoned for time may finish (or fail) unobserved.
  listing.catch(() => undefined);
  try {
    return await Promise.race([listing, late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One desk, named by its project key (JSM takes a project identifier in place of the
 * desk id): one call, where a fix needs only its own desk. Undefined when JSM has no
 * desk for that project or the caller may not see it.
 */
export async function findServiceDesk(client: JiraClient, projectKey: string): Promise<ServiceDeskOption | undefined> {
  try {
    const desk = await client.get<ServiceDeskDTO>(SERVICE_DESK, { path: { serviceDeskId: projectKey } });
    const found = desk && typeof desk === 'object' ? option(desk) : undefined;
    return found && found.key.toUpperCase() === projectKey.toUpperCase() ? found : undefined;
  } catch (error) {
    if (error instanceof JiraError && (error.kind === 'not_found' || error.kind === 'forbidden')) return undefined;
    throw error;
  }
}
