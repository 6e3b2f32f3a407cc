/**
 * A quick run of the benchmark's machinery at 10 desks with no latency: the real
 * gatherer and engine against a generated site in the simulator. It proves the
 * gatherer stays within 5% of the computed lower bound and judges every desk; the
 * full benchmark (`npm run bench`) stays out of `npm test`.
 */
import { startSimulator, type RunningSimulator } from '../../dev/simulator/server';
import { generateSite, type GeneratedSite } from '../../dev/simulator/sites/generated-site';
import { lowerBound, singleDeskLowerBound } from '../../bench/lower-bound';
import { measureRun, KVS_VALUE_LIMIT_BYTES, type RunMeasurement } from '../../bench/measure-run';
import { siteShape, type SiteShape } from '../../bench/site-shape';
import { PROJECT_CHECKS } from '../../src/requirements/catalogue';

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

  it('judges every desk with every project check', () => {
    expect(run.desksInReport).toBe(10);
    expect(run.desksJudged).toBe(10);
    expect(run.sizes).toHaveLength(10);
    expect(run.statusCounts.pass ?? 0).toBeGreaterThan(0);
    expect(PROJECT_CHECKS.length).toBeGreaterThan(0);
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
  });
});
