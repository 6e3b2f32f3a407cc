/**
 * One-click fixes end to end on the simulated demo site: read and judge as the CLI
 * does (runReadiness over HTTP), plan from the snapshot, apply each change through
 * the project's JiraClient as a given person, and read the checks again.
 */
import type { SiteModel } from '../../../dev/simulator/model';
import { startSimulator, type RunningSimulator } from '../../../dev/simulator/server';
import { buildDemoSite, DEMO_CREDENTIALS, DEMO_SERVICE_ACCOUNT_EMAIL } from '../../../dev/simulator/sites/demo';
import { runReadiness, type RunReadinessResult } from '../../../src/engine/run-readiness';
import type { Fix, FixPlan, FixPlanInput } from '../../../src/fixes/fix';
import { createHttpTransport } from '../../../src/jira/http-transport';
import { JiraClient } from '../../../src/jira/jira-client';
import { settings as buildSettings } from '../../../src/requirements/testing/snapshot-builder';
import type { ChangeResult } from '../../../src/shared/fix-model';
import type { CheckStatus } from '../../../src/shared/report-model';

export type Person = { email: string; token: string };

export const SETTINGS = buildSettings({ serviceAccount: DEMO_SERVICE_ACCOUNT_EMAIL, endUserGroups: [] });
export const SITE_ADMIN: FixPlanInput['caller'] = { isSiteAdmin: true, administersProjects: [] };
export const { admin, agent, projectAdmin, serviceAccount } = DEMO_CREDENTIALS;

export async function demoSimulator(change: (site: SiteModel) => void = () => {}): Promise<RunningSimulator> {
  const site = buildDemoSite();
  change(site);
  return startSimulator({ site, validateResponses: true });
}

/** Starts the demo simulators of each test (as `demoSimulator`); after the test each must have answered within the contract, and is closed. */
export function demoSimulatorsPerTest(): (change?: (site: SiteModel) => void) => Promise<RunningSimulator> {
  const started: RunningSimulator[] = [];
  afterEach(async () => {
    for (const sim of started.splice(0)) {
      expect(sim.violations).toEqual([]);
      await sim.close();
    }
  });
  return async (change) => {
    const sim = await demoSimulator(change);
    started.push(sim);
    return sim;
  };
}

export function clientAs(sim: RunningSimulator, who: Person): JiraClient {
  return new JiraClient(createHttpTransport({ baseUrl: sim.url, email: who.email, apiToken: who.token }), { sleep: async () => undefined });
}

export function runChecks(sim: RunningSimulator): Promise<RunReadinessResult> {
  return runReadiness({ transport: createHttpTransport({ baseUrl: sim.url, email: admin.email, apiToken: admin.token }), settings: SETTINGS, clientOptions: { sleep: async () => undefined } });
}

/** A check's status for a desk, or for the site when no desk is named. */
export function statusOf(run: RunReadinessResult, checkId: string, projectKey?: string): CheckStatus | undefined {
  const checks = projectKey ? run.report.projects.find((p) => p.key === projectKey)?.checks : run.report.checks;
  return checks?.find((c) => c.id === checkId)?.status;
}

export function planFor(fix: Fix, run: RunReadinessResult, projectKeys: string[], caller: FixPlanInput['caller'] = SITE_ADMIN): FixPlan {
  const projects = run.snapshot.projects.filter((p) => projectKeys.includes(p.key));
  return fix.plan({ snapshot: run.snapshot, settings: SETTINGS, projects, caller });
}

/** Every change of the plan, one after the other, as the runner applies them. */
export async function applyAll(fix: Fix, plan: FixPlan, client: JiraClient): Promise<ChangeResult[]> {
  const results: ChangeResult[] = [];
  for (const change of plan.changes) results.push(await fix.apply(change, client));
  return results;
}

/** The writes the simulator received, by endpoint. */
export function writes(sim: RunningSimulator, endpoint: string) {
  return sim.requests.filter((r) => r.endpoint === endpoint);
}
