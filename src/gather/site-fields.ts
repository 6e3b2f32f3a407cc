/**
 * What a site names site-wide, read once per gather: its fields (so a custom field a
 * check or fix mentions is named as admins know it, "Start date", even when no screen
 * shows it yet) and its resolutions (the value a Resolve transition can set when no
 * transition read sets one).
 */
import type { components } from '../jira/generated/jira-platform';
import type { JiraClient } from '../jira/jira-client';
import { collectPages, getArray, startAtPages } from '../jira/paging';
import type { Fetched } from '../shared/fetched';
import { settle } from './fetched';
import type { ResolutionRef } from './snapshot';

type FieldDetails = components['schemas']['FieldDetails'];
type ResolutionJsonBean = components['schemas']['ResolutionJsonBean'];

export const FIELDS = '/rest/api/3/field';
export const RESOLUTIONS = '/rest/api/3/resolution/search';

/** Field id → name. Jira lists only the fields the caller may see: a field left out stays named by its id. */
export function gatherFieldNames(client: JiraClient): Promise<Fetched<Record<string, string>>> {
  return settle(`GET ${FIELDS}`, async () => {
    const names: Record<string, string> = {};
    for (const field of await getArray<FieldDetails>(client, FIELDS)) if (field.id && field.name) names[field.id] = field.name;
    return names;
  });
}

export function gatherResolutions(client: JiraClient): Promise<Fetched<ResolutionRef[]>> {
  return settle(`GET ${RESOLUTIONS}`, async () => {
    const all = await collectPages(startAtPages<ResolutionJsonBean>(client, RESOLUTIONS, { pageSize: 50 }));
    return all.filter((r): r is ResolutionJsonBean & { id: string } => typeof r.id === 'string').map((r) => ({ id: r.id, name: r.name ?? r.id, isDefault: r.default === true }));
  });
}
