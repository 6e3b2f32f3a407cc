/**
 * Where a workflow is used, as Jira says: every project (any type, not only the desks a
 * run read) and the issue types in each that run it. A fix's preview reads this for the
 * workflows its plan changes, so a workflow shared with a desk outside the preview or a
 * software project is listed in the change's reach. Jira shows it to Jira
 * administrators; a refusal stays a failure, and the reach then says Jira did not say.
 */
import type { components } from '../jira/generated/jira-platform';
import type { JiraClient } from '../jira/jira-client';
import { collectPages, startAtPages } from '../jira/paging';
import type { Fetched } from '../shared/fetched';
import { settle, shapeError } from './fetched';
import { PROJECT_SEARCH } from './project-listing';
import type { WorkflowUsage } from './snapshot';

type P = components['schemas'];

export const PROJECT_USAGES = '/rest/api/3/workflow/{workflowId}/projectUsages';
export const ISSUE_TYPE_USAGES = '/rest/api/3/workflow/{workflowId}/project/{projectId}/issueTypeUsages';
/** Jira takes 1 to 200 a page. */
const USAGES_PAGE = 200;
/** A cursor that never ends is Jira misbehaving, not a site this large. */
const MAX_CURSOR_PAGES = 1_000;
/** project/search takes at most 50 ids a request. */
const IDS_PER_SEARCH = 50;

/** Every value of a nextPageToken-paged answer; `pageOf` picks the page out of the body. */
async function cursorValues<T>(client: JiraClient, endpoint: string, path: Record<string, string>, pageOf: (body: unknown) => { values?: T[]; nextPageToken?: string } | undefined): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  for (let pages = 0; pages < MAX_CURSOR_PAGES; pages++) {
    const body = await client.get<unknown>(endpoint, { path, query: { maxResults: String(USAGES_PAGE), ...(token ? { nextPageToken: token } : {}) } });
    const page = pageOf(body);
    if (!page || !Array.isArray(page.values)) throw shapeError(`GET ${endpoint}`, 'the answer has no page of values');
    all.push(...page.values);
    token = page.nextPageToken;
    if (!token) return all;
  }
  throw shapeError(`GET ${endpoint}`, `more than ${MAX_CURSOR_PAGES} pages`);
}

/** One workflow's usages: its projects by id, each with the issue types that run it. */
export function readWorkflowUsage(client: JiraClient, workflowId: string): Promise<Fetched<WorkflowUsage>> {
  return settle(`GET ${PROJECT_USAGES}`, async () => {
    const projects = await cursorValues<P['ProjectUsage']>(client, PROJECT_USAGES, { workflowId }, (b) => (b as P['WorkflowProjectUsageDTO'] | undefined)?.projects);
    const ids = [...new Set(projects.map((p) => p.id).filter((id): id is string => typeof id === 'string'))];
    const usage: WorkflowUsage = { projects: [] };
    for (const projectId of ids) {
      const types = await cursorValues<P['WorkflowProjectIssueTypeUsage']>(client, ISSUE_TYPE_USAGES, { workflowId, projectId }, (b) => (b as P['WorkflowProjectIssueTypeUsageDTO'] | undefined)?.issueTypes);
      usage.projects.push({ id: projectId, issueTypeIds: types.map((t) => t.id).filter((id): id is string => typeof id === 'string') });
    }
    return usage;
  });
}

/**
 * The usages of each workflow id, and the key, name and issue type names of every
 * project they name (project search by id, any project type). A project Jira does not
 * list to the caller keeps its id as its name.
 */
export async function readWorkflowUsages(client: JiraClient, workflowIds: readonly string[]): Promise<Record<string, Fetched<WorkflowUsage>>> {
  const out: Record<string, Fetched<WorkflowUsage>> = {};
  for (const id of new Set(workflowIds)) out[id] = await readWorkflowUsage(client, id);
  const projectIds = [...new Set(Object.values(out).flatMap((u) => (u.ok ? u.value.projects.map((p) => p.id) : [])))];
  const named = new Map<string, P['Project']>();
  for (let i = 0; i < projectIds.length; i += IDS_PER_SEARCH) {
    const ids = projectIds.slice(i, i + IDS_PER_SEARCH);
    const found = await settle(`GET ${PROJECT_SEARCH}`, () => collectPages(startAtPages<P['Project']>(client, PROJECT_SEARCH, { query: { id: ids, expand: 'issueTypes' }, pageSize: 50 })));
    if (found.ok) for (const p of found.value) if (p.id) named.set(String(p.id), p);
  }
  for (const usage of Object.values(out)) {
    if (!usage.ok) continue;
    for (const project of usage.value.projects) {
      const p = named.get(project.id);
      if (!p) continue;
      if (p.key) project.key = p.key;
      if (p.name) project.name = p.name;
      const names: Record<string, string> = {};
      for (const t of p.issueTypes ?? []) if (t.id && t.name) names[t.id] = t.name;
      project.issueTypeNames = names;
    }
  }
  return out;
}
