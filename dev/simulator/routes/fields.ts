/**
 * The site's fields and resolutions, as any signed-in user reads them: GET /field (a
 * bare array of Jira's system fields and the site's custom fields, each with its name)
 * and GET /resolution/search (PageBean, `id` repeated, `onlyDefault`).
 */
import type { components as Platform } from '../../../src/jira/generated/jira-platform';
import type { SimResolution } from '../model';
import { intParam, pageBean } from '../paging';
import { ok } from '../responses';
import { SYSTEM_FIELDS } from '../system-fields';
import type { Route, RouteContext } from './route';

type P = Platform['schemas'];

const RESOLUTION_PAGE = { default: 50, max: 50 } as const;

function systemField(id: string, name: string): P['FieldDetails'] {
  return { id, key: id, name, custom: false, orderable: true, navigable: true, searchable: true, clauseNames: [id], schema: { type: 'string', system: id } };
}

function customField(id: string, name: string): P['FieldDetails'] {
  const customId = Number(id.replace(/^customfield_/, ''));
  return {
    id,
    key: id,
    name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [`cf[${customId}]`, name],
    schema: { type: 'string', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield', customId },
  };
}

function listFields(ctx: RouteContext) {
  const custom = ctx.model.allFields().filter((f) => f.id.startsWith('customfield_'));
  const body: P['FieldDetails'][] = [...Object.entries(SYSTEM_FIELDS).map(([id, name]) => systemField(id, name)), ...custom.map((f) => customField(f.id, f.name))];
  return ok(body);
}

function resolutionBean(ctx: RouteContext, r: SimResolution): P['ResolutionJsonBean'] {
  return { self: `${ctx.baseUrl}/rest/api/3/resolution/${r.id}`, id: r.id, name: r.name, description: r.description, default: Boolean(r.isDefault) };
}

function searchResolutions(ctx: RouteContext) {
  const startAt = intParam(ctx.query, 'startAt', 0);
  const maxResults = Math.min(intParam(ctx.query, 'maxResults', RESOLUTION_PAGE.default), RESOLUTION_PAGE.max);
  // `id` is repeated, one value each, as the screens listing takes it.
  const ids = new Set(ctx.query.getAll('id').map((v) => v.trim()));
  const onlyDefault = ctx.query.get('onlyDefault') === 'true';
  const all = ctx.model
    .allResolutions()
    .filter((r) => ids.size === 0 || ids.has(r.id))
    .filter((r) => !onlyDefault || r.isDefault)
    .map((r) => resolutionBean(ctx, r));
  const body: P['PageBeanResolutionJsonBean'] = pageBean(all, startAt, maxResults, ctx.baseUrl, ctx.path, ctx.query);
  return ok(body);
}

export const fieldRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/field', api: 'platform', handle: listFields },
  { method: 'GET', template: '/rest/api/3/resolution/search', api: 'platform', handle: searchResolutions },
];
