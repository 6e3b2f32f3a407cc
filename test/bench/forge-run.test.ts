/**
 * A small Forge run of the benchmark's machinery (bench/forge-run.ts): a re-check of
 * a generated 12-desk site through the app's own start-run and consumer, jobs held
 * back by the shared key, each in its own container view of one metered kvs store.
 * What the desks share is read once for the run, so the run's calls stay within 5 %
 * of one whole-site run's lower bound (plus the desk listing start-run pages); every
 * job decides every check, no kvs value reaches 240 KiB, and what the run shared is
 * dropped when it ends.
 */
import { lowerBound } from '../../bench/lower-bound';
import { busiestWindow, KVS_LIMITS, kvsUnits } from '../../bench/kvs-meter';
import { measureForgeRun, type ForgeRunMeasurement } from '../../bench/forge-run';
import { siteShape, type SiteShape } from '../../bench/site-shape';
import { startSimulator, type RunningSimulator } from '../../dev/simulator/server';
import { generateSite } from '../../dev/simulator/sites/generated-site';
import { READINESS_JOB_CONCURRENCY } from '../../src/forge/run/job-pacing';

jest.setTimeout(60_000);

const DESKS = 12;
let simulator: RunningSimulator;
let shape: SiteShape;
let run: ForgeRunMeasurement;
let calls: number;

beforeAll(async () => {
  const site = generateSite({ desks: DESKS, endUsers: 2_000, maxCustomers: 1_500 });
  shape = siteShape(site.model, site.endUserGroups);
  simulator = await startSimulator({ site: site.model });
  run = await measureForgeRun(
    { baseUrl: simulator.url, email: site.admin.email, apiToken: site.admin.token, serviceAccount: site.serviceAccountEmail, endUserGroups: site.endUserGroups },
    { containers: 'in-process', withinMs: 50_000, sharedWait: { pollMs: 20, maxWaitMs: 30_000 } },
  );
  calls = simulator.requests.length;
});
afterAll(async () => simulator?.close());

it('runs every desk’s job, at most the shared key’s limit at once, with every check decided', () => {
  expect(run.desks).toBe(DESKS);
  expect(run.jobs).toHaveLength(DESKS);
  expect(run.jobsFailed).toBe(0);
  expect(run.undecided).toEqual([]);
  expect(run.checksUndecided).toBe(0);
  expect(run.peakJobsAtOnce).toBeLessThanOrEqual(READINESS_JOB_CONCURRENCY.limit);
});

it('reads what the desks share once: within 5 % of one whole-site run’s lower bound', () => {
  const bound = lowerBound(shape).total;
  // eslint-disable-next-line no-console
  console.log(`Forge run of ${DESKS} desks: ${calls} calls, lower bound ${bound} (${(calls / bound).toFixed(3)} ×)`);
  expect(calls).toBeGreaterThanOrEqual(bound);
  expect(calls).toBeLessThanOrEqual(bound * 1.05);
});

it('keeps every kvs value under 240 KiB and drops what the run shared when it ends', () => {
  expect(run.kvs.largestValueBytes).toBeLessThan(240 * 1024);
  expect(run.kvs.reads).toBeGreaterThan(0);
  expect(run.sharedEntriesLeft).toBe(0);
});

describe('kvs metering as Forge limits it per installation', () => {
  it('counts a request in 10 KB units, rounded up: 65 KB is 7, anything up to 10 KB is 1', () => {
    expect(kvsUnits(65 * 1024)).toBe(7);
    expect(kvsUnits(10 * 1024)).toBe(1);
    expect(kvsUnits(0)).toBe(1);
    expect(KVS_LIMITS).toMatchObject({ requestsPerSecond: 1000, readUnitsPerMinute: 4000, writeUnitsPerMinute: 4000 });
  });

  it('finds the busiest sliding window', () => {
    // (400, 1,400]: 5 + 1 + 9.
    expect(busiestWindow([[0, 5], [500, 5], [1_200, 1], [1_400, 9]], 1_000)).toBe(15);
    expect(busiestWindow([], 1_000)).toBe(0);
  });
});
