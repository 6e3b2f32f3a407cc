/**
 * gatherSnapshot: read everything the checks need from Jira once, into a
 * serialisable SiteSnapshot. Every artifact is a Fetched, so one failure never
 * aborts the run; only a first call that shows the site cannot be used at all
 * (credentials refused, site unreachable) throws, so the CLI can exit 2.
 *
 * Order: serverInfo → (service account, groups, project listing) → per project
 * (roles, customers, organizations and their members, request types) → workflows (schemes, by name, team-managed
 * pairs) → screens and the groups workflow conditions admit. Shared artifacts are
 * read once: groups and screens through a per-run cache, workflows by taking the
 * union of names before reading.
 */
import type { EngineSettings } from '../shared/report-model';
import type { components } from '../jira/generated/jira-platform';
import type { JiraClient } from '../jira/jira-client';
import { JiraError } from '../jira/jira-error';
import { mapWithConcurrency } from '../jira/concurrency';
import type { ArtifactKind } from './artifact-kind';
import { ArtifactCache } from './artifact-cache';
import { DeskOrganizations } from './desk-organizations';
import { failed, ok, toFetchError } from './fetched';
import { gatherGroupMembers, gatherGroupMembersById } from './group-members';
import type { GatherProgress } from './progress';
import { CustomerPaging, gatherProjectRoles, gatherRequestTypes, issueTypesInScope, type CustomerPager } from './project-details';
import { listServiceDeskProjects, type ListedProject, type ProjectListing } from './project-listing';
import { gatherScreen, readScreenNames, resolveCandidateScreenIds } from './screens';
import { gatherFieldNames, gatherResolutions } from './site-fields';
import { gatherServiceAccount, gatherServiceAccountSelf } from './service-account';
import type { GroupById, GroupMembers, ProjectSnapshot, ScreenFields, SiteSnapshot } from './snapshot';
import type { Fetched, FetchError, FetchErrorKind } from '../shared/fetched';
import { normaliseGroupNames } from '../shared/group-names';
import { conditionGroupIds } from './workflow-references';
import type { KnownArtifacts, KnownDesk } from './known-artifacts';
import { readTeamManagedWorkflow, readWorkflowSchemes, readWorkflowsByName, workflowsForIssueTypes, type WorkflowEntry } from './workflows';

type ServerInformation = components['schemas']['ServerInformation'];

export const SERVER_INFO = '/rest/api/3/serverInfo';
export const DEFAULT_GATHER_CONCURRENCY = 6;
/**
 * Customer pages in flight at once, in a lane of their own beside the requests
 * above. Each desk's pages are one sequential chain and the longest chain sets a
 * run's shortest end, so they never wait for a slot behind roles, request types or
 * workflows. Six pages in flight at Jira's ~40 ms a call (plus the client's own
 * time) can pass the 100 calls a second a burst limit allows one endpoint, so the
 * endpoint's rate gate, not the lane, sets their pace (four could not: 4 / 45 ms is
 * under 90 a second, and the runs were 3 % slower for it).
 */
export const CUSTOMER_PAGING_CONCURRENCY = 6;

/**
 * A first call failing like this means nothing else can work either: wrong
 * credentials, or a site that does not answer. Anything else is recorded and the
 * run goes on.
 */
export const FATAL_FIRST_CALL_KINDS: readonly FetchErrorKind[] = ['unauthorized', 'forbidden', 'network', 'timeout'];

export interface GatherOptions {
  /** A client authenticated as the service account itself (CLI --service-account-token). */
  serviceAccountClient?: JiraClient;
  /** Requests in flight at once (default 6). */
  concurrency?: number;
  onProgress?: (event: GatherProgress) => void;
  /** Artifacts the checks of this run need (default: all). Dependencies are added. */
  requires?: readonly ArtifactKind[];
  /** Clock for gatheredAt. */
  now?: () => Date;
  /**
   * End-user groups already read in this run (a Forge run reads them once for all
   * its per-desk jobs). Groups named here are not fetched again, whatever they hold,
   * so a failure passed in stays that failure; groups missing from it are read.
   */
  endUserGroups?: Readonly<Record<string, Fetched<GroupMembers>>>;
  /**
   * What the run already read in full (a Forge run's first job reads what the desks
   * share for every job): taken instead of read. Anything it does not know is read.
   */
  known?: KnownArtifacts | Promise<KnownArtifacts | undefined>;
  /**
   * Service desk ids known before the listing (a Forge run's start listed them):
   * their customer paging, the run's longest chains, starts before anything else,
   * even before `known` is ready.
   */
  startCustomersOf?: readonly string[];
  /**
   * Pages a desk's customers in the caller's own way (a Forge job that may read a
   * desk too large for one job across several); desks it leaves are paged as usual.
   */
  customerPager?: CustomerPager;
}

export const ALL_ARTIFACTS: readonly ArtifactKind[] = [
  'serverInfo',
  'serviceAccount',
  'serviceAccountSelf',
  'endUserGroups',
  'projectRoles',
  'customers',
  'organizations',
  'requestTypes',
  'workflows',
  'screens',
  'workflowGroups',
];

/** Pure: the artifacts to fetch, with what they depend on (screens, workflow groups → workflows → request types). */
export function artifactsToFetch(requires: readonly ArtifactKind[] | undefined): Set<ArtifactKind> {
  const wanted = new Set<ArtifactKind>(requires ?? ALL_ARTIFACTS);
  wanted.add('serverInfo');
  if (wanted.has('screens') || wanted.has('workflowGroups')) wanted.add('workflows');
  if (wanted.has('screens')) wanted.add('fields');
  if (wanted.has('workflows')) wanted.add('requestTypes');
  // A desk's customers are those added one by one and the members of its organizations: one half alone misleads.
  if (wanted.has('customers')) wanted.add('organizations');
  return wanted;
}

export async function gatherSnapshot(client: JiraClient, settings: EngineSettings, options: GatherOptions = {}): Promise<SiteSnapshot> {
  const concurrency = options.concurrency ?? DEFAULT_GATHER_CONCURRENCY;
  const jira = client.withConcurrency(concurrency);
  const wants = artifactsToFetch(options.requires);
  const cache = new ArtifactCache();
  const emit = (event: GatherProgress): void => options.onProgress?.(event);
  const host = hostOf(client.baseUrl);

  const customerLane = client.withConcurrency(CUSTOMER_PAGING_CONCURRENCY);
  const early = wants.has('customers') && options.startCustomersOf?.length ? new CustomerPaging(customerLane, options.customerPager).start(options.startCustomersOf) : undefined;
  const known = await options.known;
  emit({ stage: 'server', done: 0, total: 1, message: `Connecting to ${host}` });
  const serverInfo = (await known?.serverInfo()) ?? (await readServerInfo(jira));
  emit({ stage: 'server', done: 1, total: 1, message: `Connected to ${host}` });

  const serviceAccountP =
    wants.has('serviceAccount') && settings.serviceAccount?.trim()
      ? (async () => (await known?.serviceAccount()) ?? gatherServiceAccount(jira, settings.serviceAccount!))()
      : undefined;
  const selfP =
    wants.has('serviceAccountSelf') && options.serviceAccountClient ? gatherServiceAccountSelf(options.serviceAccountClient.withConcurrency(2)) : undefined;
  const groupsP = wants.has('endUserGroups')
    ? gatherEndUserGroups(jira, settings.endUserGroups, { cache, emit, ...(options.endUserGroups ? { known: options.endUserGroups } : {}), ...(known ? { knownSource: known } : {}) })
    : Promise.resolve({});

  emit({ stage: 'projects', done: 0, total: 1, message: 'Listing service desks' });
  const { listing, knownDesks } = await listProjects(jira, settings.projectKeys, known);
  emit({ stage: 'projects', done: 1, total: 1, message: `${listing.projects.length} service desk(s) in scope` });
  // Customer pages carry no total, so each desk's pages form a chain: start every chain now,
  // bounded by the client's limiter and rate gate, rather than when its project gets a slot.
  const customerPaging = wants.has('customers')
    ? (early ?? new CustomerPaging(customerLane, options.customerPager)).start(listing.projects.filter((p) => !p.unavailable).map((p) => p.serviceDeskId))
    : undefined;
  // One reader for the run: an organization associated with several desks is read once.
  const organizations = wants.has('organizations') ? new DeskOrganizations(jira) : undefined;

  const projects = await mapWithConcurrency(listing.projects, concurrency, (listed) =>
    gatherProjectDetails(jira, listed, settings, wants, organizations, knownDesks.get(listed.key)),
  );
  // A desk is read once its customers are. The workflows and screens below need none of them, so
  // they are read while the customer pages, the run's longest chains, go on, not after them.
  let projectsDone = 0;
  const desksRead = Promise.all(
    projects.map(async (project, i) => {
      const listed = listing.projects[i]!;
      if (customerPaging && !listed.unavailable) project.customers = await customerPaging.customers(listed.serviceDeskId);
      projectsDone += 1;
      emit({ stage: 'project-details', projectKey: listed.key, done: projectsDone, total: listing.projects.length, message: `Read ${listed.key}` });
    }),
  );

  const workflows: SiteSnapshot['workflows'] = {};
  if (wants.has('workflows')) await gatherWorkflows(jira, projects, workflows, emit, knownDesks, known);

  const screens: Record<string, Fetched<ScreenFields>> = {};
  const fieldNamesP = wants.has('fields') ? (async () => (await known?.fieldNames()) ?? gatherFieldNames(jira))() : undefined;
  const resolutionsP = wants.has('resolutions') ? gatherResolutions(jira) : undefined;
  const workflowGroupsP = wants.has('workflowGroups') ? gatherWorkflowGroups(jira, cache, workflows, emit, known) : undefined;
  if (wants.has('screens')) await gatherScreens(jira, cache, workflows, settings, screens, emit, known);
  await desksRead;

  const snapshot: SiteSnapshot = {
    baseUrl: client.baseUrl,
    gatheredAt: (options.now?.() ?? new Date()).toISOString(),
    serverInfo,
    endUserGroups: await groupsP,
    projectListing: listing.listing,
    projects,
    // Sorted so two runs over the same site serialise the same way.
    workflows: sortedByKey(workflows),
  };
  if (wants.has('screens')) snapshot.screens = sortedByKey(screens);
  if (fieldNamesP) snapshot.fieldNames = await fieldNamesP;
  if (resolutionsP) snapshot.resolutions = await resolutionsP;
  if (workflowGroupsP) snapshot.workflowGroups = await workflowGroupsP;
  if (serviceAccountP) snapshot.serviceAccount = await serviceAccountP;
  if (selfP) snapshot.serviceAccountSelf = await selfP;
  emit({ stage: 'done', done: 1, total: 1, message: 'Everything read' });
  return snapshot;
}

/**
 * The projects in scope. A desk the run already listed is taken as it is; only the
 * others are listed (by key, or the whole site when no keys are given).
 */
async function listProjects(jira: JiraClient, projectKeys: readonly string[], known: KnownArtifacts | undefined): Promise<{ listing: ProjectListing; knownDesks: Map<string, KnownDesk> }> {
  const knownDesks = new Map<string, KnownDesk>();
  const wanted = [...new Set(projectKeys.map((k) => k.trim().toUpperCase()).filter(Boolean))];
  if (!known || wanted.length === 0) return { listing: await listServiceDeskProjects(jira, projectKeys), knownDesks };
  for (const key of wanted) {
    const desk = await known.desk(key);
    if (desk) knownDesks.set(desk.listed.key, desk);
  }
  const rest = wanted.filter((key) => ![...knownDesks.keys()].some((k) => k.toUpperCase() === key));
  const listed = rest.length > 0 ? await listServiceDeskProjects(jira, rest) : { listing: ok(true as const), projects: [] };
  const projects = [...[...knownDesks.values()].map((d) => d.listed), ...listed.projects].sort((a, b) => a.key.localeCompare(b.key));
  return { listing: { listing: listed.listing, projects }, knownDesks };
}

async function readServerInfo(jira: JiraClient): Promise<SiteSnapshot['serverInfo']> {
  try {
    const info = await jira.get<ServerInformation>(SERVER_INFO);
    const value: { baseUrl?: string; serverTimeZone?: string; deploymentType?: string } = {};
    if (info?.baseUrl) value.baseUrl = info.baseUrl;
    if (info?.serverTimeZone) value.serverTimeZone = info.serverTimeZone;
    if (info?.deploymentType) value.deploymentType = info.deploymentType;
    return ok(value);
  } catch (error) {
    if (error instanceof JiraError && FATAL_FIRST_CALL_KINDS.includes(error.kind)) throw error;
    return failed(toFetchError(error, `GET ${SERVER_INFO}`));
  }
}


export interface GroupGatherOptions {
  cache?: ArtifactCache;
  emit?: (e: GatherProgress) => void;
  /** Groups already read in this run: taken as they are, not fetched. */
  known?: Readonly<Record<string, Fetched<GroupMembers>>>;
  /** Groups the run read in full elsewhere (another job): taken when there, else read. */
  knownSource?: Pick<KnownArtifacts, 'endUserGroup'>;
}

/** Every configured end-user group's members; each group is its own Fetched. */
export async function gatherEndUserGroups(
  jira: JiraClient,
  names: readonly string[],
  options: GroupGatherOptions = {},
): Promise<Record<string, Fetched<GroupMembers>>> {
  const unique = normaliseGroupNames(names);
  const cache = options.cache ?? new ArtifactCache();
  const known = options.known ?? {};
  let done = 0;
  const read = await Promise.all(
    unique.map(async (name) => {
      const members = Object.prototype.hasOwnProperty.call(known, name)
        ? known[name]!
        : await cache.once(`group:${name}`, async () => (await options.knownSource?.endUserGroup(name)) ?? gatherGroupMembers(jira, name));
      done += 1;
      options.emit?.({ stage: 'end-user-groups', done, total: unique.length, message: `Read group ${name}` });
      return [name, members] as const;
    }),
  );
  return Object.fromEntries(read);
}

async function gatherProjectDetails(
  jira: JiraClient,
  listed: ListedProject,
  settings: EngineSettings,
  wants: Set<ArtifactKind>,
  deskOrganizations: DeskOrganizations | undefined,
  known: KnownDesk | undefined,
): Promise<ProjectSnapshot> {
  const base = { id: listed.id, key: listed.key, name: listed.name, style: listed.style, ...(listed.serviceDeskId ? { serviceDeskId: listed.serviceDeskId } : {}) };
  if (listed.unavailable) {
    const reason = failed<never>(listed.unavailable);
    return { ...base, unavailable: listed.unavailable, roles: reason, customers: reason, organizations: reason, requestTypes: reason, issueTypes: [], workflowByIssueType: reason };
  }
  // An artifact no check of the run needs stays absent: the check runner refuses a check that requires it.
  // The desk's customers come in on their own (gatherSnapshot).
  const [roles, organizations, requestTypes] = await Promise.all([
    wants.has('projectRoles') ? (known?.roles ?? gatherProjectRoles(jira, listed.key, listed.style)) : undefined,
    deskOrganizations ? (known?.organizations ?? deskOrganizations.of(listed.serviceDeskId)) : undefined,
    wants.has('requestTypes') ? (known?.requestTypes ?? gatherRequestTypes(jira, listed.serviceDeskId)) : undefined,
  ]);
  const issueTypes = requestTypes?.ok ? issueTypesInScope(requestTypes.value, listed.issueTypeNames, settings.issueTypesInScope[listed.key]) : [];
  const project: ProjectSnapshot = { ...base, issueTypes };
  if (roles) project.roles = roles;
  if (organizations) project.organizations = organizations;
  if (requestTypes) project.requestTypes = requestTypes;
  // Filled in by gatherWorkflows when workflows are wanted; unknown at once when the request types are.
  if (requestTypes && !requestTypes.ok && wants.has('workflows')) project.workflowByIssueType = failed(dependsOnRequestTypes(requestTypes.error));
  return project;
}

function dependsOnRequestTypes(error: FetchError): FetchError {
  return { ...error, message: `The request types could not be read, so the issue types and workflows in scope are unknown: ${error.message}` };
}

async function gatherWorkflows(
  jira: JiraClient,
  projects: ProjectSnapshot[],
  workflows: SiteSnapshot['workflows'],
  emit: (e: GatherProgress) => void,
  knownDesks: ReadonlyMap<string, KnownDesk> = new Map(),
  known?: KnownArtifacts,
): Promise<void> {
  const readable: ProjectSnapshot[] = [];
  for (const project of projects.filter((p) => !p.unavailable && p.requestTypes?.ok)) {
    if (!(await takeKnownWorkflows(project, knownDesks.get(project.key), workflows, known))) readable.push(project);
  }
  const company = readable.filter((p) => p.style === 'company-managed');
  const team = readable.filter((p) => p.style === 'team-managed');
  emit({ stage: 'workflows', done: 0, total: readable.length, message: 'Reading workflow schemes' });

  const schemes = await readWorkflowSchemes(
    jira,
    company.map((p) => p.id),
  );
  const names = new Set<string>();
  for (const project of company) {
    const scheme = schemes.get(project.id)!;
    if (!scheme.ok) {
      project.workflowByIssueType = scheme;
      continue;
    }
    const mapping = workflowsForIssueTypes(
      scheme.value,
      project.issueTypes.map((t) => t.id),
    );
    for (const name of Object.values(mapping)) names.add(name);
    project.workflowByIssueType = ok(mapping);
  }

  // A workflow the run already knows (or another project here brought in) is not read again.
  const unread = [...names].filter((name) => !workflows[name]).sort();
  emit({ stage: 'workflows', done: 0, total: unread.length, message: `Reading ${unread.length} workflow(s)` });
  Object.assign(workflows, await readWorkflowsByName(jira, unread));

  await Promise.all(
    team.map(async (project) => {
      const mapping: Record<string, string> = {};
      const entries = await Promise.all(project.issueTypes.map((type) => readTeamManagedWorkflow(jira, project.id, type.id)));
      project.issueTypes.forEach((type, i) => {
        mapping[type.id] = storeTeamManaged(workflows, entries[i], project.key, type.id);
      });
      project.workflowByIssueType = ok(mapping);
    }),
  );
  emit({ stage: 'workflows', done: Object.keys(workflows).length, total: Object.keys(workflows).length, message: `Read ${Object.keys(workflows).length} workflow(s)` });
}

/**
 * A desk whose workflow mapping the run already knows, with every workflow it maps
 * to: taken as it is (true). Anything missing and the desk is read as usual (false).
 */
async function takeKnownWorkflows(project: ProjectSnapshot, desk: KnownDesk | undefined, workflows: SiteSnapshot['workflows'], known: KnownArtifacts | undefined): Promise<boolean> {
  const mapping = desk?.workflowByIssueType;
  if (!known || !mapping?.ok) return false;
  // Only for the issue types this run has in scope, which the known mapping must cover.
  if (project.issueTypes.some((t) => mapping.value[t.id] === undefined)) return false;
  const keys = [...new Set(project.issueTypes.map((t) => mapping.value[t.id]!))];
  const entries = await Promise.all(keys.map(async (key) => workflows[key] ?? (await known.workflow(key))));
  if (entries.some((e) => e === undefined || !e.ok)) return false;
  keys.forEach((key, i) => {
    workflows[key] = entries[i]!;
  });
  project.workflowByIssueType = ok(Object.fromEntries(project.issueTypes.map((t) => [t.id, mapping.value[t.id]!])));
  return true;
}

/**
 * Files a team-managed workflow under its name. Names are only unique per project
 * there, so a clash with a different workflow gets the project key appended; a
 * read that failed is filed under a key naming the project and issue type.
 */
export function storeTeamManaged(workflows: SiteSnapshot['workflows'], entry: WorkflowEntry, projectKey: string, issueTypeId: string): string {
  if (!entry.ok) {
    const key = `${projectKey} issue type ${issueTypeId} (team-managed)`;
    workflows[key] = entry;
    return key;
  }
  const name = entry.value.workflow.name ?? `${projectKey} issue type ${issueTypeId}`;
  for (const key of [name, `${name} (${projectKey})`]) {
    const existing = workflows[key];
    if (!existing) {
      workflows[key] = entry;
      return key;
    }
    if (existing.ok && existing.value.workflow.id !== undefined && existing.value.workflow.id === entry.value.workflow.id) return key;
  }
  const key = `${name} (${projectKey} ${issueTypeId})`;
  workflows[key] = entry;
  return key;
}

async function gatherScreens(
  jira: JiraClient,
  cache: ArtifactCache,
  workflows: SiteSnapshot['workflows'],
  settings: EngineSettings,
  screens: Record<string, Fetched<ScreenFields>>,
  emit: (e: GatherProgress) => void,
  known?: KnownArtifacts,
): Promise<void> {
  const ids = new Set<string>();
  for (const entry of Object.values(workflows)) {
    if (!entry.ok) continue;
    for (const id of resolveCandidateScreenIds(entry.value.workflow, entry.value.statuses, settings.statusBucketOverrides)) ids.add(id);
  }
  const sorted = [...ids].sort();
  const taken = await Promise.all(sorted.map(async (id) => (await known?.screen(id)) ?? null));
  // The names of the screens read here, in one listing beside their tabs.
  const toRead = sorted.filter((_, i) => taken[i] === null);
  const names = toRead.length > 0 ? readScreenNames(jira, toRead) : undefined;
  let done = 0;
  await Promise.all(
    sorted.map(async (id, i) => {
      screens[id] = await cache.once(`screen:${id}`, async () => taken[i] ?? gatherScreen(jira, id, names));
      done += 1;
      emit({ stage: 'screens', done, total: ids.size, message: `Read screen ${id}` });
    }),
  );
}

/** The members of every group a workflow condition admits (Restrict issue transition), each once, by groupId. */
async function gatherWorkflowGroups(
  jira: JiraClient,
  cache: ArtifactCache,
  workflows: SiteSnapshot['workflows'],
  emit: (e: GatherProgress) => void,
  known?: KnownArtifacts,
): Promise<Record<string, Fetched<GroupById>>> {
  const ids = new Set<string>();
  for (const entry of Object.values(workflows)) {
    if (entry.ok) for (const id of conditionGroupIds(entry.value.workflow.transitions ?? [])) ids.add(id);
  }
  const read: Record<string, Fetched<GroupById>> = {};
  let done = 0;
  await Promise.all(
    [...ids].sort().map(async (id) => {
      read[id] = await cache.once(`groupId:${id}`, async () => (await known?.workflowGroup(id)) ?? gatherGroupMembersById(jira, id));
      done += 1;
      emit({ stage: 'workflows', done, total: ids.size, message: `Read group ${id} named by a workflow condition` });
    }),
  );
  return sortedByKey(read);
}

function sortedByKey<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
