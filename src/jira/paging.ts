/**
 * Paging for Jira's three list styles. Each helper is an async generator of pages,
 * so a caller can keep only what it needs (customers: account ids) instead of every
 * user object. Common rules:
 * - ask for a page size, but advance by what actually came back (servers cap it);
 * - stop on the server's own "last page" flag; without it, on `total`; without
 *   either, on an empty page;
 * - a page that is empty but claims more, totals that change, or an endless
 *   sequence of pages is a JiraError 'malformed': never loop forever, never
 *   silently truncate;
 * - each page asks for a slot with the number of pages read before it as its
 *   priority, so a long chain of pages is not held up by the first pages of others;
 * - a JSM list that has come back in several full pages has its next pages read
 *   ahead when the client reads ahead and the endpoint has room under its learned
 *   pace (`ReadAhead`, JiraClientOptions.readAhead).
 */
import type { Priority } from './concurrency';
import { JiraError } from './jira-error';
import type { JiraClient, Speculation } from './jira-client';
import { ReadAhead } from './read-ahead';
import type { PathParams, QueryParams } from './request-path';

export interface PageRequest {
  path?: PathParams;
  query?: QueryParams;
  headers?: Record<string, string>;
  /** What to ask for; the server may return fewer. */
  pageSize: number;
  /** Guard against a server that never ends the sequence. */
  maxPages?: number;
}

const DEFAULT_MAX_PAGES = 2000;
/**
 * For lists of people (a desk's customers, a group's or an organization's members):
 * an enterprise desk or all-staff group can pass 100,000 people, 2,000 pages of 50,
 * which the default guard would call endless. 20,000 pages is a million people.
 */
export const PEOPLE_MAX_PAGES = 20_000;

/** Full pages a JSM list shows before its next pages are read ahead: one this long is likely much longer. */
export const READ_AHEAD_AFTER_FULL_PAGES = 4;
/**
 * Pages read ahead of the next one a JSM list needs. With the next page that makes
 * 1 + this many calls in flight for one list: at Jira's ~45 ms a call, enough for one
 * list alone to use most of an endpoint's 100 calls a second. At most this many calls
 * are wasted at the list's end, and only when they were sent (room under the pace).
 */
export const READ_AHEAD_PAGES = 3;

function malformed(endpoint: string, message: string): JiraError {
  return new JiraError({ kind: 'malformed', endpoint: `GET ${endpoint}`, message: `Jira's paging for GET ${endpoint} is inconsistent: ${message}` });
}

function asRecord(body: unknown, endpoint: string): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw malformed(endpoint, 'expected an object page');
  return body as Record<string, unknown>;
}

function valuesOf<T>(page: Record<string, unknown>, endpoint: string): T[] {
  if (!Array.isArray(page.values)) throw malformed(endpoint, 'the page has no values list');
  return page.values as T[];
}

/** The `pageNo`th page (counted from 0) as Jira answers it; past `maxPages` the sequence is taken as endless. */
async function readPage(
  client: JiraClient,
  endpoint: string,
  request: PageRequest,
  pageNo: number,
  paging: QueryParams,
  priority: Priority = pageNo,
  speculation?: Speculation,
): Promise<unknown> {
  const maxPages = request.maxPages ?? DEFAULT_MAX_PAGES;
  if (pageNo >= maxPages) throw malformed(endpoint, `more than ${maxPages} pages`);
  return client.get<unknown>(endpoint, { path: request.path, headers: request.headers, query: { ...request.query, ...paging }, priority, ...(speculation ? { speculation } : {}) });
}

/** How a list style names where a page starts and how long it is. */
interface PagingNames {
  offset: 'startAt' | 'start';
  size: 'maxResults' | 'limit';
}

/** A `{ values }` page asked for at `offset`, which the server must answer from there. */
async function valuesPage<T>(client: JiraClient, endpoint: string, request: PageRequest, pageNo: number, names: PagingNames, offset: number) {
  return checkedValuesPage<T>(await readPage(client, endpoint, request, pageNo, { [names.offset]: offset, [names.size]: request.pageSize }), endpoint, names, offset);
}

function checkedValuesPage<T>(body: unknown, endpoint: string, names: PagingNames, offset: number) {
  const page = asRecord(body, endpoint);
  const values = valuesOf<T>(page, endpoint);
  const answered = page[names.offset];
  if (typeof answered === 'number' && answered !== offset) throw malformed(endpoint, `asked for ${names.offset}=${offset}, got ${answered}`);
  return { page, values };
}

/** Platform style: startAt / maxResults → { startAt, maxResults, total?, isLast?, values }. */
export async function* startAtPages<T>(client: JiraClient, endpoint: string, request: PageRequest): AsyncGenerator<T[]> {
  let startAt = 0;
  let firstTotal: number | undefined;
  for (let pageNo = 0; ; pageNo++) {
    const { page, values } = await valuesPage<T>(client, endpoint, request, pageNo, { offset: 'startAt', size: 'maxResults' }, startAt);
    const total = typeof page.total === 'number' ? page.total : undefined;
    if (total !== undefined) {
      if (firstTotal === undefined) firstTotal = total;
      else if (total !== firstTotal) throw malformed(endpoint, `total changed from ${firstTotal} to ${total}`);
      if (startAt + values.length > total) throw malformed(endpoint, `${startAt + values.length} items returned but total is ${total}`);
    }
    if (values.length > 0) yield values;
    const next = startAt + values.length;

    if (page.isLast === true) {
      // A last page short of the announced total would silently drop items.
      if (total !== undefined && next < total) throw malformed(endpoint, `the last page ends at ${next} items but total is ${total}`);
      return;
    }
    if (page.isLast === false) {
      if (values.length === 0) throw malformed(endpoint, 'an empty page claims there are more');
    } else if (total !== undefined) {
      if (next >= total) return;
      if (values.length === 0) throw malformed(endpoint, `an empty page at ${startAt} of ${total}`);
    } else if (values.length === 0) {
      return;
    }
    startAt = next;
  }
}

/**
 * Where a JSM list is read on from: the offset of its next page, and how many pages
 * were read before it (each page's priority and the endless-list guard count on
 * from there, so a list read in several goes is paged as one list read in one).
 */
export interface JsmCursor {
  start: number;
  pages: number;
}

/** One JSM page, and where the list goes on: `next` is absent on the last page. */
export interface JsmPage<T> {
  values: T[];
  next?: JsmCursor;
  /**
   * The next page was already asked for (read ahead): a caller that stops here would
   * leave it read for nothing, and the list's next go would read it again. A caller
   * that wants to stop says so with `stopAsking` and stops at a page without it.
   */
  nextAsked?: boolean;
}

export interface JsmPagesOptions {
  /** True once the caller means to stop at a page boundary: no page is read ahead any more. */
  stopAsking?: () => boolean;
}

/**
 * JSM style, page by page with the cursor after each: a caller can stop at a page
 * boundary and read on later from the cursor (a desk too large for one Forge job).
 * Every page is yielded, an empty last page too. A list that has come back in
 * several full pages has its next pages read ahead when the endpoint has room under
 * its learned pace (`ReadAhead`).
 */
export async function* jsmPagesFrom<T>(
  client: JiraClient,
  endpoint: string,
  request: PageRequest,
  from: JsmCursor = { start: 0, pages: 0 },
  options: JsmPagesOptions = {},
): AsyncGenerator<JsmPage<T>> {
  const names: PagingNames = { offset: 'start', size: 'limit' };
  const maxPages = request.maxPages ?? DEFAULT_MAX_PAGES;
  const ahead = new ReadAhead((pageNo, offset, priority, speculation) =>
    readPage(client, endpoint, request, pageNo, { start: offset, limit: request.pageSize }, priority, speculation),
  );
  let start = from.start;
  let fullPages = 0;
  try {
    for (let pageNo = from.pages; ; pageNo++) {
      const asked = await ahead.take(pageNo);
      const { page, values } = asked ? checkedValuesPage<T>(asked.value, endpoint, names, start) : await valuesPage<T>(client, endpoint, request, pageNo, names, start);
      if (typeof page.size === 'number' && page.size !== values.length) throw malformed(endpoint, `size says ${page.size} but the page holds ${values.length}`);
      if (values.length === 0 && page.isLastPage === false) throw malformed(endpoint, 'an empty page claims there are more');
      if (page.isLastPage === true || values.length === 0) {
        yield { values };
        return;
      }
      fullPages = values.length === request.pageSize ? fullPages + 1 : 0;
      // Pages asked for ahead assumed full pages before them: a short one moves every offset after it.
      if (fullPages === 0) ahead.cancel();
      else if (fullPages >= READ_AHEAD_AFTER_FULL_PAGES && client.readsAhead('GET', endpoint) && !options.stopAsking?.()) {
        // Asked for before the caller takes this page: the next one is needed, those after it speculative.
        const next = start + values.length;
        for (let i = 0; i <= READ_AHEAD_PAGES && pageNo + 1 + i < maxPages; i++) ahead.ask(pageNo + 1 + i, next + i * request.pageSize, i > 0);
      }
      start += values.length;
      yield { values, next: { start, pages: pageNo + 1 }, ...(ahead.asked(pageNo + 1) ? { nextAsked: true } : {}) };
    }
  } finally {
    ahead.cancel();
  }
}

/** JSM style: start / limit → { start, limit, size, isLastPage, values }. */
export async function* jsmPages<T>(client: JiraClient, endpoint: string, request: PageRequest): AsyncGenerator<T[]> {
  for await (const page of jsmPagesFrom<T>(client, endpoint, request)) if (page.values.length > 0) yield page.values;
}

/**
 * Bare-array lists paged by startAt / maxResults (e.g. /user/search). There is no
 * "last" flag and a short page may only mean the server capped it, so this reads
 * until an empty page.
 */
export async function* arrayPages<T>(client: JiraClient, endpoint: string, request: PageRequest): AsyncGenerator<T[]> {
  let startAt = 0;
  for (let pageNo = 0; ; pageNo++) {
    const page = await readPage(client, endpoint, request, pageNo, { startAt, maxResults: request.pageSize });
    if (!Array.isArray(page)) throw malformed(endpoint, 'expected a list');
    if (page.length === 0) return;
    yield page as T[];
    startAt += page.length;
  }
}

/** A bare array answered in one go (no paging), e.g. /screens/{screenId}/tabs. */
export async function getArray<T>(client: JiraClient, endpoint: string, request: Omit<PageRequest, 'pageSize' | 'maxPages'> = {}): Promise<T[]> {
  const body = await client.get<unknown>(endpoint, request);
  if (!Array.isArray(body)) throw new JiraError({ kind: 'malformed', endpoint: `GET ${endpoint}`, message: `Jira's answer for GET ${endpoint} is not a list` });
  return body as T[];
}

/** Every item of a paged list. Use only where the items are small or few. */
export async function collectPages<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}
