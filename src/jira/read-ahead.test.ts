/**
 * Reading a long JSM list's pages ahead, in virtual time (see testing/virtual-clock):
 * a site of desks whose customers are paged 50 at a time without a total, every call
 * taking 40 ms, and (when given) Jira's burst limit per endpoint answered with 429.
 */
import { JiraClient } from './jira-client';
import { collectPages, jsmPages, jsmPagesFrom, PEOPLE_MAX_PAGES, READ_AHEAD_AFTER_FULL_PAGES, READ_AHEAD_PAGES, type JsmCursor } from './paging';
import { response } from './testing/fake-transport';
import { virtualClock, type VirtualClock } from './testing/virtual-clock';
import type { JiraTransport, TransportResponse } from './transport';

const ENDPOINT = '/rest/servicedeskapi/servicedesk/{serviceDeskId}/customer';
const PATH = /^\/rest\/servicedeskapi\/servicedesk\/(\d+)\/customer\?start=(\d+)&limit=(\d+)$/;
const LATENCY_MS = 40;

interface SiteOptions {
  /** Customers per desk, desks numbered from 1. */
  sizes: number[];
  burst?: { max: number; perMs: number };
  /** The most customers a page of `desk` starting at `start` holds (JSM may cap a page lower). */
  pageCap?: (desk: number, start: number) => number;
}

function jsmSite(clock: VirtualClock, options: SiteOptions) {
  const window: number[] = [];
  const calls: { desk: number; start: number; at: number; status: number }[] = [];
  const inFlight = new Map<number, number>();
  const peak = new Map<number, number>();
  const transport: JiraTransport = {
    baseUrl: 'https://acme.atlassian.net',
    async request(req): Promise<TransportResponse> {
      const [, deskText, startText, limitText] = PATH.exec(req.path)!;
      const desk = Number(deskText);
      const start = Number(startText);
      const at = clock.now();
      let refused = false;
      if (options.burst) {
        while (window.length > 0 && window[0]! <= at - options.burst.perMs) window.shift();
        refused = window.length >= options.burst.max;
        if (!refused) window.push(at);
      }
      calls.push({ desk, start, at: at - clock.startMs, status: refused ? 429 : 200 });
      inFlight.set(desk, (inFlight.get(desk) ?? 0) + 1);
      peak.set(desk, Math.max(peak.get(desk) ?? 0, inFlight.get(desk)!));
      await clock.sleep(LATENCY_MS);
      inFlight.set(desk, inFlight.get(desk)! - 1);
      if (refused) return response({ status: 429, headers: { 'Retry-After': '1' } });
      const size = options.sizes[desk - 1]!;
      const length = Math.max(0, Math.min(Number(limitText), options.pageCap?.(desk, start) ?? Infinity, size - start));
      const values = Array.from({ length }, (_, k) => ({ accountId: `d${desk}-u${start + k}` }));
      return response({ body: { start, limit: Number(limitText), size: length, isLastPage: start + length >= size, values } });
    },
  };
  return {
    transport,
    calls,
    /** Most pages of `desk` in flight at once. */
    peak: (desk: number) => peak.get(desk) ?? 0,
    callsOf: (desk: number) => calls.filter((c) => c.desk === desk),
  };
}

/**
 * Every desk's customers read at once, each desk one list, through one client's lane of 6, as
 * a whole-site run reads them (the site's one caller: it reads ahead unless told otherwise).
 */
async function readAll(clock: VirtualClock, site: ReturnType<typeof jsmSite>, desks: number, readAhead = true) {
  const client = new JiraClient(site.transport, { now: clock.now, sleep: clock.sleep, readAhead }).withConcurrency(6);
  const lists = Array.from({ length: desks }, (_, i) =>
    collectPages(jsmPages<{ accountId: string }>(client, ENDPOINT, { path: { serviceDeskId: i + 1 }, pageSize: 50, maxPages: PEOPLE_MAX_PAGES })),
  );
  const read = await clock.run(Promise.all(lists));
  return { read: read.map((list) => list.map((u) => u.accountId)), elapsedMs: clock.now() - clock.startMs, client };
}

const idsOf = (desk: number, size: number) => Array.from({ length: size }, (_, k) => `d${desk}-u${k}`);

describe('jsmPages reading ahead', () => {
  it('reads a list on an endpoint Jira never limited one page at a time, each page once', async () => {
    const clock = virtualClock();
    const site = jsmSite(clock, { sizes: [3_000] });
    const { read } = await readAll(clock, site, 1);
    expect(read[0]).toEqual(idsOf(1, 3_000));
    // No pace learned from Jira, so no room known to fill: 60 calls, never two at once (a Forge job's desk stays as it was).
    expect(site.calls).toHaveLength(60);
    expect(site.peak(1)).toBe(1);
  });

  it('lets the longest list, left alone at the end, read its next pages beside the one it waits for', async () => {
    const clock = virtualClock();
    // 20 desks of 10 pages and one of 150, under 100 calls a second: 350 pages are 3.5 s at the limit,
    // but the long list one page at a time is 150 × 40 ms = 6 s after it starts.
    const sizes = [...Array(20).fill(500), 7_500];
    const site = jsmSite(clock, { sizes, burst: { max: 100, perMs: 1000 } });
    const { read, elapsedMs } = await readAll(clock, site, sizes.length);

    sizes.forEach((size, i) => expect(read[i]).toEqual(idsOf(i + 1, size)));
    expect(site.peak(21)).toBe(1 + READ_AHEAD_PAGES);
    expect(elapsedMs).toBeLessThan(150 * LATENCY_MS);
    // Pages past a list's end are the only calls wasted: at most READ_AHEAD_PAGES for each list long enough to read ahead.
    const accepted = site.calls.filter((c) => c.status === 200);
    const needed = sizes.reduce((sum, size) => sum + Math.ceil(size / 50), 0);
    const readingAhead = sizes.filter((size) => size / 50 > READ_AHEAD_AFTER_FULL_PAGES).length;
    expect(accepted.length).toBeGreaterThanOrEqual(needed);
    expect(accepted.length).toBeLessThanOrEqual(needed + READ_AHEAD_PAGES * readingAhead);
    // A page read ahead waits behind every list's next page: none goes while another desk's first page waits.
    const lastFirstPage = Math.max(...site.calls.filter((c) => c.start === 0).map((c) => c.at));
    const pastEnd = site.calls.filter((c) => c.start >= sizes[c.desk - 1]!);
    expect(pastEnd.every((c) => c.at >= lastFirstPage)).toBe(true);
  });

  it('never reads ahead from a client that may share Jira\'s limits with others (a Forge job\'s), even under a learned pace', async () => {
    const clock = virtualClock();
    const sizes = [...Array(20).fill(500), 7_500];
    const site = jsmSite(clock, { sizes, burst: { max: 100, perMs: 1000 } });
    const { read } = await readAll(clock, site, sizes.length, false);
    expect(read[20]).toEqual(idsOf(21, 7_500));
    expect(site.peak(21)).toBe(1);
    expect(site.calls.filter((c) => c.status === 200)).toHaveLength(sizes.reduce((sum, size) => sum + Math.ceil(size / 50), 0));
  });

  it('drops the pages read ahead when a page comes back short, and goes on from where that page ended', async () => {
    const clock = virtualClock();
    // Desk 11's page at 1,000 holds 30, not 50: every offset after it moves by 20.
    const sizes = [...Array(10).fill(1_000), 6_000];
    const site = jsmSite(clock, { sizes, burst: { max: 100, perMs: 1000 }, pageCap: (desk, start) => (desk === 11 && start === 1_000 ? 30 : 50) });
    const { read } = await readAll(clock, site, sizes.length);

    expect(read[10]).toEqual(idsOf(11, 6_000));
    // Its pages after the short one start at 1,030, 1,080…: none read at the old grid was used, at most READ_AHEAD_PAGES sent.
    const offGrid = site.callsOf(11).filter((c) => c.start > 1_000 && c.start < 6_000 && (c.start - 1_030) % 50 !== 0);
    expect(offGrid.length).toBeLessThanOrEqual(READ_AHEAD_PAGES);
    const onGrid = site.callsOf(11).filter((c) => c.status === 200 && c.start >= 1_030 && (c.start - 1_030) % 50 === 0 && c.start < 6_000);
    expect(new Set(onGrid.map((c) => c.start)).size).toBe(Math.ceil((6_000 - 1_030) / 50));
  });

  it('stops at a page boundary only once the pages read ahead are taken, so reading on from the cursor reads no page twice', async () => {
    const clock = virtualClock();
    const sizes = [...Array(20).fill(500), 7_500];
    const site = jsmSite(clock, { sizes, burst: { max: 100, perMs: 1000 } });
    const client = new JiraClient(site.transport, { now: clock.now, sleep: clock.sleep, readAhead: true }).withConcurrency(6);
    const request = (desk: number) => ({ path: { serviceDeskId: desk }, pageSize: 50, maxPages: PEOPLE_MAX_PAGES });
    const others = Array.from({ length: 20 }, (_, i) => collectPages(jsmPages<{ accountId: string }>(client, ENDPOINT, request(i + 1))));
    // The long list stops 3 s in (as a Forge job's desk does at its stop time), then reads on from its cursor.
    const stopAt = clock.startMs + 3_000;
    const stopping = () => clock.now() >= stopAt;
    const firstGo = (async () => {
      const ids: string[] = [];
      let sawReadAhead = false;
      for await (const page of jsmPagesFrom<{ accountId: string }>(client, ENDPOINT, request(21), undefined, { stopAsking: stopping })) {
        ids.push(...page.values.map((u) => u.accountId));
        sawReadAhead ||= page.nextAsked === true;
        if (page.next && !page.nextAsked && stopping()) return { ids, next: page.next as JsmCursor | undefined, sawReadAhead };
      }
      return { ids, next: undefined, sawReadAhead };
    })();
    const [, first] = await clock.run(Promise.all([Promise.all(others), firstGo]));
    expect(first.sawReadAhead).toBe(true);
    expect(first.next).toBeDefined();
    const rest = await clock.run(
      (async () => {
        const ids: string[] = [];
        for await (const page of jsmPagesFrom<{ accountId: string }>(client, ENDPOINT, request(21), first.next!)) ids.push(...page.values.map((u) => u.accountId));
        return ids;
      })(),
    );

    expect([...first.ids, ...rest]).toEqual(idsOf(21, 7_500));
    const accepted = site.callsOf(21).filter((c) => c.status === 200 && c.start < 7_500).map((c) => c.start);
    expect(accepted).toHaveLength(new Set(accepted).size);
  });
});
