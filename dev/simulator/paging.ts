/**
 * Jira's three paging styles, with the server caps applied silently as Jira does:
 * PageBean (startAt/maxResults/total/isLast/values), JSM PagedDTO
 * (start/limit/size/isLastPage/values) and bare arrays (startAt/maxResults only).
 */

/** A non-negative integer query parameter; absent or unparsable falls back to the default. */
export function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw.trim() === '') return fallback;
  const value = Number.parseInt(raw, 10);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** Anything a page can be cut from: an array, or a view that looks items up only for the page. */
export interface Sliceable<T> {
  readonly length: number;
  slice(start?: number, end?: number): T[];
}

export function slicePage<T>(all: Sliceable<T>, start: number, size: number): T[] {
  return all.slice(start, start + size);
}

export function capped(query: URLSearchParams, name: string, fallback: number, cap: number): number {
  return Math.min(intParam(query, name, fallback), cap);
}

/** Rebuilds the request URL with new paging values (for self / nextPage / _links). */
export function pageUrl(baseUrl: string, path: string, query: URLSearchParams, changes: Record<string, number>): string {
  const next = new URLSearchParams(query);
  for (const [key, value] of Object.entries(changes)) next.set(key, String(value));
  return `${baseUrl}${path}?${next.toString()}`;
}

export interface PageBean<T> {
  self: string;
  nextPage?: string;
  maxResults: number;
  startAt: number;
  total: number;
  isLast: boolean;
  values: T[];
}

export function pageBean<T>(all: Sliceable<T>, startAt: number, maxResults: number, baseUrl: string, path: string, query: URLSearchParams): PageBean<T> {
  const values = slicePage(all, startAt, maxResults);
  const isLast = startAt + values.length >= all.length;
  const page: PageBean<T> = {
    self: pageUrl(baseUrl, path, query, { startAt, maxResults }),
    maxResults,
    startAt,
    total: all.length,
    isLast,
    values,
  };
  if (!isLast) page.nextPage = pageUrl(baseUrl, path, query, { startAt: startAt + maxResults, maxResults });
  return page;
}

export interface JsmPage<T> {
  _expands: string[];
  size: number;
  start: number;
  limit: number;
  isLastPage: boolean;
  _links: { base: string; context: string; self: string; next?: string; prev?: string };
  values: T[];
}

export function jsmPage<T>(all: Sliceable<T>, start: number, limit: number, baseUrl: string, path: string, query: URLSearchParams): JsmPage<T> {
  const values = slicePage(all, start, limit);
  const isLastPage = start + values.length >= all.length;
  const links: JsmPage<T>['_links'] = {
    base: `${baseUrl}/rest/servicedeskapi`,
    context: '',
    self: pageUrl(baseUrl, path, query, { start, limit }),
  };
  if (!isLastPage) links.next = pageUrl(baseUrl, path, query, { start: start + limit, limit });
  if (start > 0) links.prev = pageUrl(baseUrl, path, query, { start: Math.max(0, start - limit), limit });
  return { _expands: [], size: values.length, start, limit, isLastPage, _links: links, values };
}

/** Server caps, as Jira Cloud applies them. */
export const CAPS = {
  projectSearch: { default: 50, max: 50 },
  groupMember: { default: 50, max: 50 },
  userSearch: { default: 50, max: 1000 },
  jsm: { default: 50, max: 50 },
  workflowSearch: { default: 50, max: 50 },
  groupsPicker: { default: 20, max: 1000 },
} as const;
