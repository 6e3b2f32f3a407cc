/**
 * The fewest calls any gatherer could make for a site shape — every artifact the
 * checks need read once, every list read in full pages at Jira's own caps — and
 * the shortest wall time latency, concurrency and the burst limit allow. Pure.
 */
import type { DeskShape, SiteShape } from './site-shape';

/** Page caps as Jira Cloud applies them (documented maxima, or what Jira silently caps to). */
export const JIRA_CAPS = {
  groupMember: 50,
  serviceDesks: 50,
  projectSearch: 50,
  customers: 50,
  /** GET …/servicedesk/{id}/organization and GET …/organization/{id}/user: JSM pages, cap 50. */
  organizations: 50,
  organizationMembers: 50,
  requestTypes: 50,
  /** GET /workflowscheme/project: projectId is documented with maxItems 100. */
  schemeProjects: 100,
  /** POST /workflows by name: no documented cap; 50 names per call is assumed. */
  workflowNames: 50,
  /** GET /screens by id: a page holds 100 screens by default. */
  screenNames: 100,
} as const;

export const ENDPOINTS = {
  serverInfo: 'GET /rest/api/3/serverInfo',
  userSearch: 'GET /rest/api/3/user/search',
  user: 'GET /rest/api/3/user',
  groupMember: 'GET /rest/api/3/group/member',
  serviceDesks: 'GET /rest/servicedeskapi/servicedesk',
  serviceDesk: 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}',
  projectSearch: 'GET /rest/api/3/project/search',
  roles: 'GET /rest/api/3/project/{projectIdOrKey}/role',
  role: 'GET /rest/api/3/project/{projectIdOrKey}/role/{id}',
  customers: 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer',
  organizations: 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/organization',
  organizationMembers: 'GET /rest/servicedeskapi/organization/{organizationId}/user',
  requestTypes: 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype',
  schemes: 'GET /rest/api/3/workflowscheme/project',
  workflows: 'POST /rest/api/3/workflows',
  screenNames: 'GET /rest/api/3/screens',
  screenTabs: 'GET /rest/api/3/screens/{screenId}/tabs',
  tabFields: 'GET /rest/api/3/screens/{screenId}/tabs/{tabId}/fields',
} as const;

export const LOWER_BOUND_FORMULA = [
  'calls ≥ 1 (serverInfo) + 2 (service account by e-mail: user/search + user)',
  '      + Σ_groups ⌈members_g / 50⌉                      (group/member)',
  '      + ⌈D / 50⌉ + ⌈P / 50⌉                            (servicedesk list, project/search)',
  '      + Σ_desks ( 2 + ⌈customers_d / 50⌉ + ⌈orgs_d / 50⌉ + ⌈requestTypes_d / 50⌉ )   (role list + Service Desk Team role; customers; organizations; request types)',
  '      + Σ_unique orgs ⌈members_o / 50⌉                  (organization members, each organization once)',
  '      + ⌈C / 100⌉ + ⌈W / 50⌉                            (workflow schemes; shared workflows by name)',
  '      + Σ_team-managed desks issueTypes_d              (POST /workflows per project + issue type)',
  '      + ⌈S / 100⌉ + Σ_resolve screens (1 + tabs_s)     (their names by id; screen tabs, then each tab\'s fields)',
  'D desks, P service_desk projects, C company-managed desks, W distinct workflows they use, S their Resolve screens;',
  'every ⌈n / cap⌉ of a list is at least 1 (an empty list is still one call); ⌈S / 100⌉ is 0 without screens.',
].join('\n');

const pages = (n: number, cap: number): number => Math.max(1, Math.ceil(n / cap));

export interface CallCount {
  total: number;
  byEndpoint: Record<string, number>;
}

function add(byEndpoint: Record<string, number>, endpoint: string, n: number): void {
  if (n > 0) byEndpoint[endpoint] = (byEndpoint[endpoint] ?? 0) + n;
}

function finish(byEndpoint: Record<string, number>): CallCount {
  const sorted: Record<string, number> = {};
  for (const key of Object.keys(byEndpoint).sort()) sorted[key] = byEndpoint[key]!;
  return { total: Object.values(sorted).reduce((a, b) => a + b, 0), byEndpoint: sorted };
}

/** Calls every run pays whatever its scope: server, service account, end-user groups, listing. */
function fixedCalls(shape: SiteShape, byEndpoint: Record<string, number>): void {
  add(byEndpoint, ENDPOINTS.serverInfo, 1);
  add(byEndpoint, ENDPOINTS.userSearch, 1);
  add(byEndpoint, ENDPOINTS.user, 1);
  for (const members of Object.values(shape.groupMembers)) add(byEndpoint, ENDPOINTS.groupMember, pages(members, JIRA_CAPS.groupMember));
  add(byEndpoint, ENDPOINTS.serviceDesks, pages(shape.desks, JIRA_CAPS.serviceDesks));
  add(byEndpoint, ENDPOINTS.projectSearch, pages(shape.serviceDeskProjects, JIRA_CAPS.projectSearch));
}

function deskCalls(desk: DeskShape, byEndpoint: Record<string, number>): void {
  add(byEndpoint, ENDPOINTS.roles, 1);
  add(byEndpoint, ENDPOINTS.role, 1);
  add(byEndpoint, ENDPOINTS.customers, pages(desk.customers, JIRA_CAPS.customers));
  add(byEndpoint, ENDPOINTS.organizations, pages(desk.organizations.length, JIRA_CAPS.organizations));
  add(byEndpoint, ENDPOINTS.requestTypes, pages(desk.requestTypes, JIRA_CAPS.requestTypes));
  if (desk.style === 'team-managed') add(byEndpoint, ENDPOINTS.workflows, desk.issueTypes);
}

function sharedWorkflowCalls(desks: readonly DeskShape[], byEndpoint: Record<string, number>): void {
  const company = desks.filter((d) => d.style === 'company-managed');
  if (company.length === 0) return;
  add(byEndpoint, ENDPOINTS.schemes, Math.ceil(company.length / JIRA_CAPS.schemeProjects));
  const names = new Set(company.flatMap((d) => d.workflowNames));
  add(byEndpoint, ENDPOINTS.workflows, Math.ceil(names.size / JIRA_CAPS.workflowNames));
  const screens = new Map<string, number>();
  for (const desk of company) for (const [id, tabs] of Object.entries(desk.screens)) screens.set(id, tabs);
  // No screen, no listing: unlike a list read whatever its length, it may be 0.
  add(byEndpoint, ENDPOINTS.screenNames, Math.ceil(screens.size / JIRA_CAPS.screenNames));
  add(byEndpoint, ENDPOINTS.screenTabs, screens.size);
  add(byEndpoint, ENDPOINTS.tabFields, [...screens.values()].reduce((a, b) => a + b, 0));
}

/** Each organization the desks share is read once, however many of them it serves. */
function organizationMemberCalls(shape: SiteShape, desks: readonly DeskShape[], byEndpoint: Record<string, number>): void {
  const ids = new Set(desks.flatMap((d) => d.organizations));
  for (const id of ids) add(byEndpoint, ENDPOINTS.organizationMembers, pages(shape.organizationMembers[id] ?? 0, JIRA_CAPS.organizationMembers));
}

/** The lower bound of a whole-site run (the CLI, or one Forge run over every desk in one job). */
export function lowerBound(shape: SiteShape): CallCount {
  const byEndpoint: Record<string, number> = {};
  fixedCalls(shape, byEndpoint);
  for (const desk of shape.deskShapes) deskCalls(desk, byEndpoint);
  organizationMemberCalls(shape, shape.deskShapes, byEndpoint);
  sharedWorkflowCalls(shape.deskShapes, byEndpoint);
  return finish(byEndpoint);
}

/** The same bound for one desk alone (a Forge queue job: settings.projectKeys = [key]). */
export function singleDeskLowerBound(shape: SiteShape, key: string): CallCount {
  const desk = shape.deskShapes.find((d) => d.key === key);
  if (!desk) throw new Error(`No desk ${key} in the shape`);
  const byEndpoint: Record<string, number> = {};
  fixedCalls(shape, byEndpoint);
  // A job for one named desk lists it directly (project search by key + its desk), not by paging every desk.
  delete byEndpoint[ENDPOINTS.serviceDesks];
  byEndpoint[ENDPOINTS.projectSearch] = 1;
  add(byEndpoint, ENDPOINTS.serviceDesk, 1);
  deskCalls(desk, byEndpoint);
  organizationMemberCalls(shape, [desk], byEndpoint);
  sharedWorkflowCalls([desk], byEndpoint);
  return finish(byEndpoint);
}

export interface TimingModel {
  /** Mean latency of one call, ms. */
  latencyMs: number;
  /** Calls in flight at once. */
  concurrency: number;
  /** Burst limit per endpoint: at most maxRequests per perMs; absent = none. */
  burst?: { maxRequests: number; perMs: number };
}

export interface WallTimeBound {
  ms: number;
  /** Which limit sets it. */
  limitedBy: 'latency × calls / concurrency' | 'burst limit' | 'longest sequential chain';
  latencyMs: number;
  burstMs: number;
  chainMs: number;
}

/**
 * The shortest wall time for `calls`: the larger of (a) all calls' latency spread
 * over the concurrency, (b) the busiest endpoint's calls at its burst rate, and
 * (c) the longest chain that cannot be parallelised: serverInfo, the listing's
 * pages, then one desk's customer pages (JSM's customer pages carry no total, so
 * each page waits for the one before).
 */
export function wallTimeBound(shape: SiteShape, calls: CallCount, timing: TimingModel, deskKeys?: readonly string[]): WallTimeBound {
  const latencyMs = (calls.total * timing.latencyMs) / timing.concurrency;
  const busiest = Math.max(0, ...Object.values(calls.byEndpoint));
  const burstMs = timing.burst ? (busiest / timing.burst.maxRequests) * timing.burst.perMs : 0;
  const desks = deskKeys ? shape.deskShapes.filter((d) => deskKeys.includes(d.key)) : shape.deskShapes;
  const longestDesk = Math.max(0, ...desks.map((d) => pages(d.customers, JIRA_CAPS.customers)));
  const listing = Math.max(pages(shape.desks, JIRA_CAPS.serviceDesks), pages(shape.serviceDeskProjects, JIRA_CAPS.projectSearch));
  const longestGroup = Math.max(0, ...Object.values(shape.groupMembers).map((m) => pages(m, JIRA_CAPS.groupMember)));
  const chainMs = (1 + Math.max(listing + longestDesk, longestGroup)) * timing.latencyMs;
  const ms = Math.max(latencyMs, burstMs, chainMs);
  const limitedBy = ms === chainMs ? 'longest sequential chain' : ms === burstMs ? 'burst limit' : 'latency × calls / concurrency';
  return { ms, limitedBy, latencyMs, burstMs, chainMs };
}
