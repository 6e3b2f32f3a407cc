/**
 * The overview of a large site, answered from storage: the demo site's three desks,
 * checked by the real consumer, copied into 1,000 stored desks (the preview's
 * generated fixture), then getOverview as the site admin. Prints how long it took
 * and how much it sent, and holds both well within what a resolver may take (25 s)
 * and what a page can load quickly.
 */
import { startSimulator, type RunningSimulator } from '../../dev/simulator/server';
import { buildDemoSite, DEMO_CREDENTIALS } from '../../dev/simulator/sites/demo';
import { seedLargeSite } from '../../dev/preview/large-site';
import { processProjectJob } from '../../src/forge/consumer/process-project-job';
import { buildResolvers } from '../../src/forge/resolvers';
import type { AppDeps, InvocationContext, ProjectJob } from '../../src/forge/deps';
import { MemoryStore } from '../../src/forge/storage/memory-store';
import type { OverviewData } from '../../src/shared/resolver-api';
import { demoSiteDeps } from './helpers/demo-site-deps';

jest.setTimeout(120_000);

let simulator: RunningSimulator;
let deps: AppDeps & { storage: MemoryStore };
const jobs: ProjectJob[] = [];
const ADMIN: InvocationContext = { accountId: DEMO_CREDENTIALS.admin.accountId, surface: 'admin' };

beforeAll(async () => {
  simulator = await startSimulator({ site: buildDemoSite() });
  deps = await demoSiteDeps(simulator, { jobs });
  const resolvers = buildResolvers(deps);
  const started = await resolvers.startRecheck({}, ADMIN);
  if (!started.success) throw new Error(JSON.stringify(started.errors));
  for (const job of jobs) await processProjectJob(deps, job);
  await seedLargeSite(deps.storage, 1000);
});

afterAll(async () => simulator?.close());

it('getOverview over 1,000 stored desks answers within a few seconds and sends no evidence', async () => {
  const resolvers = buildResolvers(deps);
  // Warm the code paths once, then measure a cold read of the store.
  await resolvers.getOverview({}, ADMIN);
  const started = process.hrtime.bigint();
  const answer = await resolvers.getOverview({}, ADMIN);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (!answer.success) throw new Error(JSON.stringify(answer.errors));
  const data = answer.data as OverviewData;
  const bytes = Buffer.byteLength(JSON.stringify(data));
  process.stdout.write(`getOverview over ${data.report!.projects.length} stored desks: ${Math.round(ms)} ms, ${(bytes / 1024 / 1024).toFixed(2)} MiB sent\n`);
  expect(data.report!.projects).toHaveLength(1000);
  expect(ms).toBeLessThan(5_000);
  expect(data.report!.projects.every((p) => p.checks.every((c) => c.evidence === undefined))).toBe(true);
  // Without the evidence and a passing check's words: 21.7 MiB before, 3.5 MiB after.
  expect(bytes).toBeLessThan(4 * 1024 * 1024);
});
