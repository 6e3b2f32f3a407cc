/**
 * A quick run of the benchmark's machinery at 10 desks with no latency: the real
 * gatherer and engine against a generated site in the simulator. It proves the
 * gatherer stays within 5% of the computed lower bound and judges every desk; the
 * full benchmark (`npm run bench`) stays out of `npm test`.
 */
import { startSimulator, type RunningSimulator } from '../../dev/simulator/server';
import { generateSite, type GeneratedSite } from '../../dev/simulator/sites/generated-site';
import { lowerBound, singleDeskLowerBound, wallTimeBound } from '../../bench/lower-bound';
import { measureRun, KVS_VALUE_LIMIT_BYTES, type RunMeasurement } from '../../bench/measure-run';
import { siteShape, type SiteShape } from '../../bench/site-shape';

describe('benchmark smoke run: 10 desks, no latency', () => {
  let site: GeneratedSite;
  let simulator: RunningSimulator;
  let shape: SiteShape;
  let run: RunMeasurement;

  beforeAll(async () => {
    // Smaller groups than the full benchmark keep this quick; the shape is the same.
    site = generateSite({ desks: 10, endUsers: 2_000, maxCustomers: 2_000 });
    shape = siteShape(site.model, site.endUserGroups);
    simulator = await startSimulator({ site: site.model });
    run = await measureRun({
      baseUrl: simulator.url,
      email: site.admin.email,
      apiToken: site.admin.token,
      serviceAccount: site.serviceAccountEmail,
      endUserGroups: site.endUserGroups,
      projectKeys: [],
    });
  }, 60_000);

  afterAll(async () => {
    await simulator?.close();
  });

  it('generates the shape asked for: one desk in ten team-managed, customers from 50 up', () => {
    expect(shape.desks).toBe(10);
    expect(shape.deskShapes.filter((d) => d.style === 'team-managed')).toHaveLength(1);
    expect(Math.min(...shape.deskShapes.map((d) => d.customers))).toBe(50);
    expect(Math.max(...shape.deskShapes.map((d) => d.customers))).toBe(2_000);
  });

  it('makes no more than 5% more calls than the lower bound', () => {
    const bound = lowerBound(shape);
    expect(run.totalCalls).toBeGreaterThanOrEqual(bound.total);
    expect(run.totalCalls).toBeLessThanOrEqual(bound.total * 1.05);
  });

  it('counts the same calls the simulator answered', () => {
    expect(simulator.requests.length).toBe(run.totalCalls);
  });

  it('judges every desk, every check decided', () => {
    expect(run.desksInReport).toBe(10);
    expect(run.desksJudged).toBe(10);
    expect(run.sizes).toHaveLength(10);
    expect(run.statusCounts.pass ?? 0).toBeGreaterThan(0);
    expect(run.statusCounts.error ?? 0).toBe(0);
    expect(run.statusCounts).not.toHaveProperty('error');
  });

  it('decides customer coverage on every desk (no error)', () => {
    expect(run.undecided.filter((u) => u.check === 'CUST-COVERAGE')).toEqual([]);
  });

  it('stores every desk under the kvs value limit', () => {
    for (const size of run.sizes) expect(size.storedBytes).toBeLessThan(KVS_VALUE_LIMIT_BYTES);
  });

  it('a single-desk bound pays the site-wide reads again', () => {
    const one = singleDeskLowerBound(shape, shape.deskShapes[0]!.key);
    const groupPages = Object.values(shape.groupMembers).reduce((a, m) => a + Math.ceil(m / 50), 0);
    expect(one.byEndpoint['GET /rest/api/3/group/member']).toBe(groupPages);
    // …but lists its own desk directly instead of paging every desk and project.
    expect(one.byEndpoint['GET /rest/servicedeskapi/servicedesk']).toBeUndefined();
    expect(one.byEndpoint['GET /rest/api/3/project/search']).toBe(1);
    expect(one.byEndpoint['GET /rest/servicedeskapi/servicedesk/{serviceDeskId}']).toBe(1);
  });
});

describe('benchmark arithmetic', () => {
  const shape: SiteShape = {
    groupMembers: { a: 120, b: 0 },
    desks: 2,
    serviceDeskProjects: 2,
    deskShapes: [
      { key: 'A', style: 'company-managed', customers: 101, organizations: ['o1', 'o2'], requestTypes: 3, issueTypes: 2, workflowNames: ['W1', 'W2'], screens: { '1': 2, '2': 1 } },
      { key: 'B', style: 'team-managed', customers: 0, organizations: ['o2'], requestTypes: 2, issueTypes: 2, workflowNames: [], screens: {} },
    ],
    organizationMembers: { o1: 120, o2: 0 },
  };

  it('counts the lower bound term by term: full pages, an empty list still one call', () => {
    const bound = lowerBound(shape);
    // 1 serverInfo + 2 service account + (3 + 1) group pages + 1 + 1 listing
    // + desks: A 2 + 3 + 1 organization page + 1, B 2 + 1 + 1 organization page + 1 + 2 team-managed workflow reads
    // + organization members, o2 shared by A and B read once: o1 3 pages + o2 1 (empty) page
    // + 1 scheme call + 1 workflow read + 1 listing of the 2 screens' names + 2 screens' tabs + 3 tab field lists
    expect(bound.total).toBe(1 + 2 + 4 + 2 + 7 + 7 + 4 + 1 + 1 + 1 + 2 + 3);
    expect(bound.byEndpoint['GET /rest/api/3/screens']).toBe(1);
    expect(bound.byEndpoint['GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer']).toBe(4);
    expect(bound.byEndpoint['GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/organization']).toBe(2);
    expect(bound.byEndpoint['GET /rest/servicedeskapi/organization/{organizationId}/user']).toBe(4);
    // One desk alone pays only its own organizations' members.
    expect(singleDeskLowerBound(shape, 'B').byEndpoint['GET /rest/servicedeskapi/organization/{organizationId}/user']).toBe(1);
    expect(bound.byEndpoint['POST /rest/api/3/workflows']).toBe(3);
  });

  it('sets the wall-time bound by the tightest limit', () => {
    const bound = lowerBound(shape);
    const latencyOnly = wallTimeBound(shape, bound, { latencyMs: 40, concurrency: 1 });
    expect(latencyOnly.limitedBy).toBe('latency × calls / concurrency');
    expect(latencyOnly.ms).toBe(bound.total * 40);
    const chain = wallTimeBound(shape, bound, { latencyMs: 40, concurrency: 64 });
    expect(chain.limitedBy).toBe('longest sequential chain');
    expect(chain.ms).toBe((1 + 1 + 3) * 40);
    const burst = wallTimeBound(shape, bound, { latencyMs: 1, concurrency: 64, burst: { maxRequests: 1, perMs: 1000 } });
    expect(burst.limitedBy).toBe('burst limit');
    expect(burst.ms).toBe(4 * 1000);
  });
});
