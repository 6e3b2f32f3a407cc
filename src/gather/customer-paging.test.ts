import { JiraClient } from '../jira/jira-client';
import { createFakeTransport } from '../jira/testing/fake-transport';
import { accountIdPoolFor, AccountIdPool, CustomerPaging, gatherCustomers, readCustomers, startCustomerPaging } from './project-details';

const CUSTOMERS = /^\/rest\/servicedeskapi\/servicedesk\/(\d+)\/customer$/;

/** Desks 1..n with `sizes[i]` customers, paged 50 at a time like JSM (no total, isLastPage). */
function deskSite(sizes: number[], limit: number) {
  const transport = createFakeTransport();
  const order: { desk: string; start: number }[] = [];
  let inFlight = 0;
  let peak = 0;
  sizes.forEach((size, i) => {
    const desk = String(i + 1);
    transport.on('GET', `/rest/servicedeskapi/servicedesk/${desk}/customer`, async ({ query, headers }) => {
      if (headers?.['X-ExperimentalApi'] !== 'opt-in') return { status: 412, body: { errorMessage: 'This API is experimental.' } };
      const start = Number(query.get('start'));
      const pageSize = Number(query.get('limit'));
      order.push({ desk, start });
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight -= 1;
      const values = Array.from({ length: Math.max(0, Math.min(pageSize, size - start)) }, (_, k) => ({ accountId: `d${desk}-u${start + k}` }));
      return { body: { start, limit: pageSize, size: values.length, isLastPage: start + values.length >= size, values } };
    });
  });
  const client = new JiraClient(transport, { sleep: async () => undefined }).withConcurrency(limit);
  return { transport, client, order, peak: () => peak };
}

describe('CustomerPaging', () => {
  it("starts every desk's paging at once, and a chain that has read more pages is served before others' first pages", async () => {
    const site = deskSite([260, 40, 120, 10, 75], 3);
    const paging = startCustomerPaging(site.client, ['1', '2', '3', '4', '5']);
    const results = await Promise.all(['1', '2', '3', '4', '5'].map((id) => paging.customers(id)));

    // Every desk's first page is asked for at once; the first three fill the limiter's slots.
    expect(site.order.slice(0, 3)).toEqual(['1', '2', '3'].map((desk) => ({ desk, start: 0 })));
    // The longest chain does not wait behind the first pages queued after it: its second page goes first.
    const firstPageOf5 = site.order.findIndex((c) => c.desk === '5' && c.start === 0);
    const secondPageOf1 = site.order.findIndex((c) => c.desk === '1' && c.start === 50);
    expect(secondPageOf1).toBeLessThan(firstPageOf5);
    // …and every desk is still under way long before the longest chain ends.
    expect(firstPageOf5).toBeLessThan(site.order.findIndex((c) => c.desk === '1' && c.start === 250));
    // What is in flight is bounded by the request limiter, not by the number of desks.
    expect(site.peak()).toBe(3);
    expect(results.map((r) => (r.ok ? r.value.length : -1))).toEqual([260, 40, 120, 10, 75]);
    expect(results[0]!.ok && results[0].value.slice(0, 2)).toEqual(['d1-u0', 'd1-u1']);
  });

  it('reads a desk of more than 100,000 customers (2,001 pages) to its end, not taking it for an endless list', async () => {
    const site = deskSite([100_050], 6);
    const result = await gatherCustomers(site.client, '1');
    expect(result.ok && result.value.length).toBe(100_050);
    expect(site.order).toHaveLength(2_001);
  });

  it('reads every page once, however often a desk is asked for, with the experimental header', async () => {
    const site = deskSite([120, 50], 6);
    const paging = new CustomerPaging(site.client).start(['1', '2', '1', undefined]);
    const [a, b, again] = await Promise.all([paging.customers('1'), paging.customers('2'), paging.customers('1')]);
    expect(a).toBe(again);
    expect(b.ok && b.value).toHaveLength(50);
    // 120 customers: pages at 0, 50, 100; 50 customers: one full last page.
    expect(site.order.filter((c) => c.desk === '1').map((c) => c.start)).toEqual([0, 50, 100]);
    expect(site.order.filter((c) => c.desk === '2').map((c) => c.start)).toEqual([0]);
    for (const request of site.transport.requests) {
      expect(request.path).toMatch(/customer\?start=\d+&limit=50$/);
      expect(CUSTOMERS.test(request.path.split('?')[0]!)).toBe(true);
    }
    expect(site.transport.requests).toHaveLength(4);
  });

  it('a desk without a service desk id is an error saying why, never an empty pass', async () => {
    const site = deskSite([], 2);
    const result = await new CustomerPaging(site.client).customers(undefined);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.kind).toBe('not_found');
    expect(site.transport.requests).toHaveLength(0);
  });

  it('a failed page is the desk’s error, and the other desks are still read', async () => {
    const site = deskSite([100, 100], 2);
    site.transport.on('GET', '/rest/servicedeskapi/servicedesk/1/customer', { status: 403, body: { errorMessage: 'No permission' } });
    const paging = startCustomerPaging(site.client, ['1', '2']);
    const [one, two] = await Promise.all([paging.customers('1'), paging.customers('2')]);
    expect(!one.ok && one.error).toMatchObject({ kind: 'forbidden', endpoint: 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer' });
    expect(two.ok && two.value).toHaveLength(100);
  });
});

describe('a desk read in several goes', () => {
  /** A clock that moves one tick each time it is read. */
  const ticking = () => {
    let now = 0;
    return () => ++now;
  };

  it.each([
    // [stop after ticks, pages the first go reads, where it stops]
    [1, 1, { start: 50, pages: 1 }],
    [3, 3, { start: 150, pages: 3 }],
    [5, 5, { start: 250, pages: 5 }],
  ])('stopping after %i tick(s) reads %i page(s) and stops at %o; the next go reads on to the same list, every page once', async (ticks, pages, next) => {
    const site = deskSite([260], 6);
    const now = ticking();
    const first = await readCustomers(site.client, '1', { stop: { atMs: ticks, now } });
    expect(first).toMatchObject({ complete: false, pages, next });
    expect(first.ids).toHaveLength(pages * 50);
    const rest = await readCustomers(site.client, '1', { from: (first as { next: { start: number; pages: number } }).next });
    expect(rest).toMatchObject({ complete: true, pages: 6 - pages });
    expect([...first.ids, ...rest.ids]).toEqual(Array.from({ length: 260 }, (_, i) => `d1-u${i}`));
    expect(site.order.map((c) => c.start)).toEqual([0, 50, 100, 150, 200, 250]);
  });

  it('reads one page at least, even past its stop time, and never stops after the last page', async () => {
    const site = deskSite([120, 50], 6);
    const late = { atMs: 0, now: () => 10 };
    expect(await readCustomers(site.client, '1', { stop: late })).toMatchObject({ complete: false, pages: 1, next: { start: 50, pages: 1 } });
    const whole = await readCustomers(site.client, '2', { stop: late });
    expect(whole).toMatchObject({ complete: true, pages: 1 });
    expect(whole.ids).toHaveLength(50);
  });

  it('CustomerPaging takes a pager for the desks it pages its own way, the rest as usual; a pager that throws fails only its desk', async () => {
    const site = deskSite([120, 50, 70], 6);
    const asked: string[] = [];
    const paging = new CustomerPaging(site.client, async (client, id) => {
      asked.push(id);
      if (id === '1') return { ok: true, value: ['from-the-pager'] };
      if (id === '3') throw new Error('storage failed');
      return undefined;
    }).start(['1', '2', '3']);
    const [one, two, three] = await Promise.all(['1', '2', '3'].map((id) => paging.customers(id)));
    expect(one).toEqual({ ok: true, value: ['from-the-pager'] });
    expect(two.ok && two.value).toHaveLength(50);
    expect(three.ok).toBe(false);
    expect(asked).toEqual(['1', '2', '3']);
    expect(site.order.map((c) => c.desk)).toEqual(['2']);
  });
});

describe('account id pool', () => {
  it('keeps one string per distinct id for the whole run, shared by every view of the client', async () => {
    // Desks 1 and 2 hold the same 60 users (ids d1-u*, d2-u* differ, so build a shared site by hand).
    const transport = createFakeTransport();
    for (const desk of ['1', '2']) {
      transport.on('GET', `/rest/servicedeskapi/servicedesk/${desk}/customer`, ({ query }) => {
        const start = Number(query.get('start'));
        const values = Array.from({ length: Math.max(0, Math.min(50, 60 - start)) }, (_, k) => ({ accountId: `shared-${start + k}` }));
        return { body: { start, limit: 50, size: values.length, isLastPage: start + values.length >= 60, values } };
      });
    }
    const client = new JiraClient(transport);
    const [one, two] = await Promise.all([gatherCustomers(client.withConcurrency(2), '1'), gatherCustomers(client.withConcurrency(3), '2')]);
    expect(one.ok && one.value).toHaveLength(60);
    expect(two.ok && two.value).toEqual(one.ok && one.value);
    expect(accountIdPoolFor(client).size).toBe(60);
    expect(accountIdPoolFor(client.withConcurrency(1))).toBe(accountIdPoolFor(client));
    // Another run (another client) has its own pool.
    expect(accountIdPoolFor(new JiraClient(transport))).not.toBe(accountIdPoolFor(client));
  });

  it('interns: the same id gives back the first string it saw', () => {
    const pool = new AccountIdPool();
    const first = ['5b10a2844c20165700ede21g'].join('');
    const second = ['5b10a2844c20165700ede21g'].join('');
    expect(pool.intern(first)).toBe(first);
    expect(pool.intern(second)).toBe(first);
    expect(pool.size).toBe(1);
  });
});
