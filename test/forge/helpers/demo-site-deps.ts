/**
 * AppDeps over a running simulated demo site, for suites that drive the real
 * consumer and resolvers: memory storage, a queue that collects what is pushed,
 * Jira through HTTP as the demo's accounts, the wall clock and a silent log, with
 * the demo's service account and end-user group saved as the settings.
 */
import type { RunningSimulator } from '../../../dev/simulator/server';
import { DEMO_CREDENTIALS, DEMO_END_USER_GROUP, DEMO_SERVICE_ACCOUNT_EMAIL } from '../../../dev/simulator/sites/demo';
import type { AppDeps, ProjectJob } from '../../../src/forge/deps';
import { MemoryStore } from '../../../src/forge/storage/memory-store';
import { saveSettings } from '../../../src/forge/storage/settings-repo';
import { createHttpTransport } from '../../../src/jira/http-transport';
import type { JiraTransport } from '../../../src/jira/transport';
import type { Logger } from '../../../src/shared/logger';

export const SILENT: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Jira as the demo's site admin (the app's own calls), and as each caller who has a demo account. */
export function demoCallers(sim: RunningSimulator): { asApp: JiraTransport; asUser(accountId: string): JiraTransport } {
  const as = (c: { email: string; token: string }) => createHttpTransport({ baseUrl: sim.url, email: c.email, apiToken: c.token });
  const byAccount: Record<string, JiraTransport> = {
    [DEMO_CREDENTIALS.admin.accountId]: as(DEMO_CREDENTIALS.admin),
    [DEMO_CREDENTIALS.projectAdmin.accountId]: as(DEMO_CREDENTIALS.projectAdmin),
  };
  return {
    asApp: byAccount[DEMO_CREDENTIALS.admin.accountId],
    asUser: (accountId) => {
      const transport = byAccount[accountId];
      if (!transport) throw new Error('unknown caller');
      return transport;
    },
  };
}

export interface DemoSiteDepsOptions {
  /** Where pushed jobs go (for the test to run through the consumer). */
  jobs?: ProjectJob[];
  /** Each caller as their own demo account; by default every caller acts as the site admin. */
  callersAsThemselves?: boolean;
}

export async function demoSiteDeps(sim: RunningSimulator, options: DemoSiteDepsOptions = {}): Promise<AppDeps & { storage: MemoryStore }> {
  const callers = demoCallers(sim);
  const deps = {
    storage: new MemoryStore(),
    queue: { push: async (pushed: ProjectJob[]) => void options.jobs?.push(...pushed) },
    jiraAsApp: () => callers.asApp,
    jiraAsUser: options.callersAsThemselves ? callers.asUser : () => callers.asApp,
    now: () => new Date(),
    log: SILENT,
  };
  await saveSettings(deps.storage, { settings: { serviceAccount: DEMO_SERVICE_ACCOUNT_EMAIL, endUserGroups: [DEMO_END_USER_GROUP] }, version: 0 }, 'test', new Date());
  return deps;
}
