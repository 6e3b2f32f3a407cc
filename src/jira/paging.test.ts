import { JiraClient } from './jira-client';
import { JiraError } from './jira-error';
import { arrayPages, collectPages, getArray, jsmPages, jsmPagesFrom, startAtPages } from './paging';
import { createFakeTransport, type FakeAnswer, type FakeHandler } from './testing/fake-transport';

const ITEMS = Array.from({ length: 7 }, (_, i) => ({ id: String(i) }));

function clientFor(path: string, handler: FakeHandler | FakeAnswer) {
  const transport = createFakeTransport().on('GET', path, handler);
  return { client: new JiraClient(transport, { sleep: async () => undefined }), transport };
}

/** A platform list that caps pages at `cap` whatever was asked, like Jira does. */
function startAtServer(cap: number, shape: { isLast?: boolean; total?: boolean } = { isLast: true, total: true }): FakeHandler {
  return ({ query }) => {
    const startAt = Number(query.get('startAt'));
    const size = Math.min(Number(query.get('maxResults')), cap);
    const values = ITEMS.slice(startAt, startAt + size);
    const body: Record<string, unknown> = { startAt, maxResults: size, values };
    if (shape.isLast) body.isLast = startAt + values.length >= ITEMS.length;
    if (shape.total) body.total = ITEMS.length;
    return { body };
  };
}

async function malformed(promise: Promise<unknown>): Promise<JiraError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(JiraError);
  expect((error as JiraError).kind).toBe('malformed');
  return error as JiraError;
}

describe('startAtPages', () => {
  it('advances by what came back when the server caps the page size', async () => {
    const { client, transport } = clientFor('/rest/api/3/group/member', startAtServer(3));
    const all = await collectPages(startAtPages<{ id: string }>(client, '/rest/api/3/group/member', { pageSize: 50, query: { groupname: 'all-staff' } }));
    expect(all.map((x) => x.id)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect(transport.requests.map((r) => r.path)).toEqual([
      '/rest/api/3/group/member?groupname=all-staff&startAt=0&maxResults=50',
      '/rest/api/3/group/member?groupname=all-staff&startAt=3&maxResults=50',
      '/rest/api/3/group/member?groupname=all-staff&startAt=6&maxResults=50',
    ]);
  });

  it('falls back to total when isLast is missing', async () => {
    const { client, transport } = clientFor('/rest/api/3/project/search', startAtServer(4, { total: true }));
    const all = await collectPages(startAtPages(client, '/rest/api/3/project/search', { pageSize: 4 }));
    expect(all).toHaveLength(7);
    expect(transport.requests).toHaveLength(2);
  });

  it('reads until an empty page when neither isLast nor total is sent', async () => {
    const { client, transport } = clientFor('/rest/api/3/project/search', startAtServer(4, {}));
    const all = await collectPages(startAtPages(client, '/rest/api/3/project/search', { pageSize: 4 }));
    expect(all).toHaveLength(7);
    expect(transport.requests).toHaveLength(3);
  });

  it('rejects an empty page that claims there are more', async () => {
    const { client } = clientFor('/rest/api/3/group/member', ({ query }) => ({ body: { startAt: Number(query.get('startAt')), isLast: false, values: [] } }));
    const error = await malformed(collectPages(startAtPages(client, '/rest/api/3/group/member', { pageSize: 50 })));
    expect(error.message).toContain('empty page');
  });

  it('rejects a total that changes between pages', async () => {
    let call = 0;
    const { client } = clientFor('/rest/api/3/group/member', ({ query }) => {
      const startAt = Number(query.get('startAt'));
      return { body: { startAt, total: call++ === 0 ? 7 : 9, values: ITEMS.slice(startAt, startAt + 3) } };
    });
    await malformed(collectPages(startAtPages(client, '/rest/api/3/group/member', { pageSize: 3 })));
  });

  it('rejects a last page that ends short of the announced total', async () => {
    const { client } = clientFor('/rest/api/3/project/search', ({ query }) => {
      const page = startAtServer(3)({ query } as never) as { body: Record<string, unknown> };
      return { body: { ...page.body, total: ITEMS.length + 5 } };
    });
    const error = await malformed(collectPages(startAtPages(client, '/rest/api/3/project/search', { pageSize: 3 })));
    expect(error.message).toContain('total is 12');
  });

  it('rejects a missing values list and a wrong startAt echo', async () => {
    const a = clientFor('/rest/api/3/group/member', { body: { isLast: true } });
    await malformed(collectPages(startAtPages(a.client, '/rest/api/3/group/member', { pageSize: 3 })));
    const b = clientFor('/rest/api/3/group/member', { body: { startAt: 0, isLast: false, values: [{ id: 'x' }] } });
    await malformed(collectPages(startAtPages(b.client, '/rest/api/3/group/member', { pageSize: 3 })));
  });

  it('never loops forever on a server that always says there is more', async () => {
    const { client, transport } = clientFor('/rest/api/3/group/member', ({ query }) => ({ body: { startAt: Number(query.get('startAt')), isLast: false, values: [{ id: 'x' }] } }));
    await malformed(collectPages(startAtPages(client, '/rest/api/3/group/member', { pageSize: 1, maxPages: 20 })));
    expect(transport.requests).toHaveLength(20);
  });
});

describe('jsmPages', () => {
  function jsmServer(cap: number): FakeHandler {
    return ({ query }) => {
      const start = Number(query.get('start'));
      const limit = Math.min(Number(query.get('limit')), cap);
      const values = ITEMS.slice(start, start + limit);
      return { body: { start, limit, size: values.length, isLastPage: start + values.length >= ITEMS.length, values } };
    };
  }

  it('pages by start/limit, advancing by size, stopping on isLastPage', async () => {
    const { client, transport } = clientFor('/rest/servicedeskapi/servicedesk/1/customer', jsmServer(2));
    const pages: number[] = [];
    for await (const page of jsmPages(client, '/rest/servicedeskapi/servicedesk/{serviceDeskId}/customer', {
      pageSize: 50,
      path: { serviceDeskId: '1' },
      headers: { 'X-ExperimentalApi': 'opt-in' },
    })) {
      pages.push(page.length);
    }
    expect(pages).toEqual([2, 2, 2, 1]);
    expect(transport.requests[1].path).toBe('/rest/servicedeskapi/servicedesk/1/customer?start=2&limit=50');
    expect(transport.requests[0].headers).toMatchObject({ 'X-ExperimentalApi': 'opt-in' });
  });

  it('rejects an empty page with isLastPage false, and a size that disagrees with values', async () => {
    const a = clientFor('/rest/servicedeskapi/servicedesk', { body: { start: 0, size: 0, isLastPage: false, values: [] } });
    await malformed(collectPages(jsmPages(a.client, '/rest/servicedeskapi/servicedesk', { pageSize: 50 })));
    const b = clientFor('/rest/servicedeskapi/servicedesk', { body: { start: 0, size: 5, isLastPage: true, values: [{}] } });
    await malformed(collectPages(jsmPages(b.client, '/rest/servicedeskapi/servicedesk', { pageSize: 50 })));
  });

  const CUSTOMERS = '/rest/servicedeskapi/servicedesk/{serviceDeskId}/customer';
  const request = { pageSize: 50, path: { serviceDeskId: '1' } };

  it('gives the cursor after each page; read on from a cursor, the list goes on where it stopped and ends as one read would', async () => {
    const { client, transport } = clientFor('/rest/servicedeskapi/servicedesk/1/customer', jsmServer(2));
    const first: { ids: string[]; next?: { start: number; pages: number } }[] = [];
    for await (const page of jsmPagesFrom<{ id: string }>(client, CUSTOMERS, request)) {
      first.push({ ids: page.values.map((v) => v.id), ...(page.next ? { next: page.next } : {}) });
      if (first.length === 2) break;
    }
    expect(first).toEqual([
      { ids: ['0', '1'], next: { start: 2, pages: 1 } },
      { ids: ['2', '3'], next: { start: 4, pages: 2 } },
    ]);
    const rest: { ids: string[]; next?: unknown }[] = [];
    for await (const page of jsmPagesFrom<{ id: string }>(client, CUSTOMERS, request, first[1]!.next)) rest.push({ ids: page.values.map((v) => v.id), ...(page.next ? { next: page.next } : {}) });
    // The last page carries no cursor: nothing is left to read.
    expect(rest).toEqual([{ ids: ['4', '5'], next: { start: 6, pages: 3 } }, { ids: ['6'] }]);
    expect(transport.requests.map((r) => new URL(r.path, 'http://x').searchParams.get('start'))).toEqual(['0', '2', '4', '6']);
  });

  it('counts the pages read before the cursor towards the endless-list guard', async () => {
    const endless = clientFor('/rest/servicedeskapi/servicedesk/1/customer', ({ query }) => ({ body: { start: Number(query.get('start')), size: 1, isLastPage: false, values: [{}] } }));
    const readAll = async () => {
      for await (const page of jsmPagesFrom(endless.client, CUSTOMERS, { ...request, maxPages: 5 }, { start: 4, pages: 4 })) expect(page.values).toHaveLength(1);
    };
    await malformed(readAll());
    expect(endless.transport.requests).toHaveLength(1);
  });
});

describe('bare arrays', () => {
  it('arrayPages reads startAt/maxResults arrays until an empty page, advancing by what came back', async () => {
    const { client, transport } = clientFor('/rest/api/3/user/search', ({ query }) => {
      const startAt = Number(query.get('startAt'));
      return { body: ITEMS.slice(startAt, startAt + Math.min(5, Number(query.get('maxResults')))) };
    });
    const all = await collectPages(arrayPages(client, '/rest/api/3/user/search', { pageSize: 100, query: { query: 'bot@acme.com' } }));
    expect(all).toHaveLength(7);
    expect(transport.requests.map((r) => r.path)).toEqual([
      '/rest/api/3/user/search?query=bot%40acme.com&startAt=0&maxResults=100',
      '/rest/api/3/user/search?query=bot%40acme.com&startAt=5&maxResults=100',
      '/rest/api/3/user/search?query=bot%40acme.com&startAt=7&maxResults=100',
    ]);
  });

  it('getArray returns an unpaged list and rejects an object', async () => {
    const a = clientFor('/rest/api/3/screens/1/tabs', { body: [{ id: 1, name: 'Tab' }] });
    await expect(getArray(a.client, '/rest/api/3/screens/{screenId}/tabs', { path: { screenId: 1 } })).resolves.toEqual([{ id: 1, name: 'Tab' }]);
    const b = clientFor('/rest/api/3/screens/1/tabs', { body: { values: [] } });
    await malformed(getArray(b.client, '/rest/api/3/screens/{screenId}/tabs', { path: { screenId: 1 } }));
  });
});
