/**
 * `--project KEY` names desks; a key the site does not have (a typo, a project that
 * is not a service desk, or one the account cannot see) stops the run before any
 * check with one sentence and exit 2, rather than becoming an "unavailable" desk
 * deep in a report whose other desks took minutes to read. The lookup is the
 * gatherer's own listing (project search by key, then each desk), so the CLI and
 * the run agree on what exists.
 */
import { listServiceDeskProjects, SERVICE_DESKS } from '../gather/project-listing';
import type { JiraClient } from '../jira/jira-client';
import { UsageError } from './usage-error';

/** Up to this many existing keys are named in the sentence; more would not help anyone spot a typo. */
export const LIST_EXISTING_MAX = 10;

/** The keys the listing marked as not on the site (the gatherer's "no service desk project with key"). */
export function unknownKeys(projects: readonly { key: string; unavailable?: { kind: string; endpoint: string } }[]): string[] {
  return projects.filter((p) => p.unavailable?.kind === 'not_found' && p.unavailable.endpoint === `GET ${SERVICE_DESKS}`).map((p) => p.key);
}

/** Pure: the one sentence for unknown keys; `existing` undefined when the site's desks could not be listed. */
export function unknownKeysSentence(unknown: readonly string[], existing: readonly string[] | undefined, host: string): string {
  const named = unknown.length === 1 ? `project ${unknown[0]}` : `projects ${unknown.join(', ')}`;
  const head = `--project: no service desk ${named} on ${host} that this account can see`;
  if (existing === undefined) return `${head}; check the key(s), or run without --project to check every service desk.`;
  if (existing.length === 0) return `${head}; this account sees no service desk at all.`;
  if (existing.length > LIST_EXISTING_MAX) return `${head}; check the key(s), or run without --project to check all ${existing.length} service desks.`;
  return `${head}; the service desks are ${existing.join(', ')}.`;
}

/** Throws a UsageError naming every unknown key (and the keys that exist, when few); returns when all exist. */
export async function confirmProjectKeys(client: JiraClient, keys: readonly string[], host: string): Promise<void> {
  if (keys.length === 0) return;
  const named = await listServiceDeskProjects(client, keys);
  // A listing that failed is not "unknown": the run goes on and its report says why the desk could not be read.
  const unknown = unknownKeys(named.projects);
  if (unknown.length === 0) return;
  const all = await listServiceDeskProjects(client, []);
  const existing = all.listing.ok ? all.projects.filter((p) => !p.unavailable).map((p) => p.key) : undefined;
  throw new UsageError(unknownKeysSentence(unknown, existing, host));
}
