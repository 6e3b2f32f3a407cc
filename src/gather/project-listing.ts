/**
 * Which service desks are in scope: JSM's service desk list (desk id ↔ project) joined
 * with project search (style, issue type names), filtered by the configured keys.
 * A configured key Jira does not know stays in the list as `unavailable` so the
 * checks can say so instead of silently skipping it.
 */
import type { ProjectStyle } from '../shared/report-model';
import type { components as Platform } from '../jira/generated/jira-platform';
import type { components as ServiceDesk } from '../jira/generated/jira-servicedesk';
import type { JiraClient } from '../jira/jira-client';
import { JiraError } from '../jira/jira-error';
import { collectPages, jsmPages, startAtPages } from '../jira/paging';
import { failed, ok, toFetchError } from './fetched';
import type { Fetched, FetchError } from '../shared/fetched';

type Project = Platform['schemas']['Project'];
type ServiceDeskDTO = ServiceDesk['schemas']['ServiceDeskDTO'];

export const SERVICE_DESKS = '/rest/servicedeskapi/servicedesk';
export const PROJECT_SEARCH = '/rest/api/3/project/search';
/**
 * JSM reads a bare number here as a desk id only; a project is named `projectId:<id>`
 * (or by its key). Desk ids (1, 2, 3…) and project ids (10000+) differ on real sites.
 */
export const SERVICE_DESK = '/rest/servicedeskapi/servicedesk/{serviceDeskId}';

/** The `{serviceDeskId}` value that names a desk by its project's id. */
export function deskOfProject(projectId: string): string {
  return `projectId:${projectId}`;
}

/**
 * Up to this many configured keys are looked up one by one (project search by key,
 * then each desk: 1 + k calls) instead of paging every desk and every service
 * project on the site; a Forge job checks one desk, and a 200-desk site's full
 * listing is 8 pages.
 */
export const DIRECT_LISTING_MAX_KEYS = 5;

/** A project in scope before its details are read. */
export interface ListedProject {
  id: string;
  key: string;
  name: string;
  style: ProjectStyle;
  serviceDeskId?: string;
  /** issueTypeId → name, from project search's issueTypes expand. */
  issueTypeNames: Record<string, string>;
  unavailable?: FetchError;
}

export interface ProjectListing {
  listing: Fetched<true>;
  projects: ListedProject[];
}

export function styleOf(project: Pick<Project, 'style' | 'simplified'>): ProjectStyle {
  return project.style === 'next-gen' || project.simplified === true ? 'team-managed' : 'company-managed';
}

export async function listServiceDeskProjects(client: JiraClient, projectKeys: readonly string[]): Promise<ProjectListing> {
  const wanted = [...new Set(projectKeys.map((k) => k.trim().toUpperCase()).filter(Boolean))];
  if (wanted.length > 0 && wanted.length <= DIRECT_LISTING_MAX_KEYS) return listNamedProjects(client, wanted);
  let desks: ServiceDeskDTO[];
  let projects: Project[];
  try {
    [desks, projects] = await Promise.all([
      collectPages(jsmPages<ServiceDeskDTO>(client, SERVICE_DESKS, { pageSize: 50 })),
      collectPages(startAtPages<Project>(client, PROJECT_SEARCH, { query: { typeKey: 'service_desk', expand: 'issueTypes' }, pageSize: 50 })),
    ]);
  } catch (error) {
    const reason = toFetchError(error, `GET ${SERVICE_DESKS}`);
    // Keys the admin named still appear, each saying why it could not be read.
    return { listing: failed(reason), projects: projectKeys.map((key) => unavailableProject(key, reason)) };
  }
  return { listing: ok(true), projects: joinListing(desks, projects, projectKeys) };
}

/**
 * The named projects only: project search filtered by key (service projects, with
 * issue types), then each found project's desk by project id. A project JSM has no desk for
 * (404) is listed without one, as the full listing does; any other failure makes
 * the listing failed and that project unavailable, with Jira's reason.
 */
async function listNamedProjects(client: JiraClient, keys: readonly string[]): Promise<ProjectListing> {
  let projects: Project[];
  try {
    projects = await collectPages(
      startAtPages<Project>(client, PROJECT_SEARCH, { query: { keys: [...keys], typeKey: 'service_desk', expand: 'issueTypes' }, pageSize: 50 }),
    );
  } catch (error) {
    const reason = toFetchError(error, `GET ${PROJECT_SEARCH}`);
    return { listing: failed(reason), projects: keys.map((key) => unavailableProject(key, reason)) };
  }
  const named = projects.filter((p) => p.id && p.key && keys.includes(p.key.toUpperCase()));
  const lookups = await Promise.all(named.map((project) => readDesk(client, project)));
  const desks = lookups.filter((l): l is { desk: ServiceDeskDTO } => 'desk' in l).map((l) => l.desk);
  let listing: Fetched<true> = ok(true);
  const listed = joinListing(desks, named, keys).map((project) => {
    const lookup = lookups[named.findIndex((p) => p.id === project.id)];
    if (!lookup || !('error' in lookup)) return project;
    listing = failed(lookup.error);
    return { ...unavailableProject(project.key, lookup.error), id: project.id, name: project.name };
  });
  return { listing, projects: listed };
}

type DeskLookup = { desk: ServiceDeskDTO } | { none: true } | { error: FetchError };

/**
 * The desk of one project, asked for by project id; the answer carries the desk's own
 * id (what every other desk endpoint takes) and its projectId, checked against ours.
 */
async function readDesk(client: JiraClient, project: Project): Promise<DeskLookup> {
  try {
    const desk = await client.get<ServiceDeskDTO>(SERVICE_DESK, { path: { serviceDeskId: deskOfProject(project.id!) } });
    if (!desk || typeof desk !== 'object' || desk.id === undefined || String(desk.projectId) !== project.id) {
      return {
        error: {
          kind: 'malformed',
          endpoint: `GET ${SERVICE_DESK}`,
          message: `Jira's answer for the service desk of project ${project.key} does not name that project.`,
        },
      };
    }
    return { desk: { ...desk, id: String(desk.id), projectId: String(desk.projectId), projectKey: project.key! } };
  } catch (error) {
    if (error instanceof JiraError && error.kind === 'not_found') return { none: true };
    return { error: toFetchError(error, `GET ${SERVICE_DESK}`) };
  }
}

/** Pure: desks ⋈ projects, narrowed to `projectKeys` (all when empty), sorted by key. */
export function joinListing(desks: readonly ServiceDeskDTO[], projects: readonly Project[], projectKeys: readonly string[]): ListedProject[] {
  const byId = new Map(projects.filter((p) => p.id && p.key).map((p) => [p.id!, p]));
  const listed: ListedProject[] = [];
  const seen = new Set<string>();
  for (const desk of desks) {
    if (!desk.projectId || !desk.projectKey) continue;
    const project = byId.get(desk.projectId);
    seen.add(desk.projectId);
    if (!project) {
      listed.push({
        ...unavailableProject(desk.projectKey, {
          kind: 'malformed',
          endpoint: `GET ${PROJECT_SEARCH}`,
          message: `Jira lists service desk ${desk.id} for project ${desk.projectKey}, but project search did not return that project.`,
        }),
        id: desk.projectId,
        name: desk.projectName ?? desk.projectKey,
        serviceDeskId: desk.id,
      });
      continue;
    }
    listed.push(fromProject(project, desk.id));
  }
  for (const project of byId.values()) {
    // A service project without a desk in JSM's list: still in scope, but its desk cannot be read.
    if (!seen.has(project.id!)) listed.push(fromProject(project, undefined));
  }

  const wanted = projectKeys.map((k) => k.trim().toUpperCase()).filter(Boolean);
  const inScope = wanted.length === 0 ? listed : listed.filter((p) => wanted.includes(p.key.toUpperCase()));
  for (const key of wanted) {
    if (!inScope.some((p) => p.key.toUpperCase() === key)) {
      inScope.push(
        unavailableProject(key, {
          kind: 'not_found',
          endpoint: `GET ${SERVICE_DESKS}`,
          message: `No service desk project with key ${key} exists on this site, or the app cannot see it.`,
        }),
      );
    }
  }
  return inScope.sort((a, b) => a.key.localeCompare(b.key));
}

function fromProject(project: Project, serviceDeskId: string | undefined): ListedProject {
  const issueTypeNames: Record<string, string> = {};
  for (const t of project.issueTypes ?? []) if (t.id && t.name) issueTypeNames[t.id] = t.name;
  const listed: ListedProject = { id: project.id!, key: project.key!, name: project.name ?? project.key!, style: styleOf(project), issueTypeNames };
  if (serviceDeskId) listed.serviceDeskId = serviceDeskId;
  return listed;
}

export function unavailableProject(key: string, reason: FetchError): ListedProject {
  return { id: '', key, name: key, style: 'company-managed', issueTypeNames: {}, unavailable: reason };
}
