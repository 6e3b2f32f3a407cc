/**
 * What the re-check after a fix reads, next to a full re-check of the same desk:
 * for each kind of fix (a desk's customers, a desk's role, the workflows), the
 * fix's plan is read as the fix framework reads it, then the desk is re-checked the
 * way the fix run does it (src/forge/fix-runs/recheck.ts: only the checks the fix
 * resolves, only what the fix could have changed), and the same without the plan's
 * reads, and a whole desk's job. The caller counts the calls the site answered.
 */
import { addMissingCustomers } from '../src/fixes/add-missing-customers';
import { addToServiceDeskTeam } from '../src/fixes/add-to-service-desk-team';
import { configureBotTransitions } from '../src/fixes/configure-bot-transitions';
import type { Fix } from '../src/fixes/fix';
import type { AppDeps } from '../src/forge/deps';
import { gatherForFix } from '../src/forge/fix-runs/gather-for-fix';
import { recheckResolved } from '../src/forge/fix-runs/recheck';
import { runChecks } from '../src/forge/run/readiness-runner';
import { MemoryStore } from '../src/forge/storage/memory-store';
import { getSettings, saveSettings } from '../src/forge/storage/settings-repo';
import { createHttpTransport } from '../src/jira/http-transport';
import { JiraClient } from '../src/jira/jira-client';
import type { ForgeRunSite } from './forge-run';

export interface FixRecheckRow {
  fix: string;
  changes: string;
  /** The fix run's re-check: only what the fix changed. */
  recheck: number;
  /** The same checks, everything they need read again (a fix run resumed later). */
  recheckWithoutPlan: number;
  /** A whole desk's job. */
  fullDesk: number;
}

export const FIXES_MEASURED: readonly Fix[] = [addMissingCustomers, addToServiceDeskTeam, configureBotTransitions];

export async function measureFixRechecks(site: ForgeRunSite, projectKey: string, callsSince: () => Promise<number>): Promise<FixRecheckRow[]> {
  const transport = createHttpTransport({ baseUrl: site.baseUrl, email: site.email, apiToken: site.apiToken });
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const deps: AppDeps = { storage: new MemoryStore(), queue: { push: async () => undefined }, jiraAsApp: () => transport, jiraAsUser: () => transport, now: () => new Date(), log: quiet };
  await saveSettings(deps.storage, { settings: { serviceAccount: site.serviceAccount, endUserGroups: site.endUserGroups }, version: 0 }, 'bench', new Date());
  const { settings } = await getSettings(deps.storage);
  const rows: FixRecheckRow[] = [];
  for (const fix of FIXES_MEASURED) {
    const planned = await gatherForFix(new JiraClient(transport), fix, settings, [projectKey], { now: deps.now });
    await callsSince();
    await recheckResolved(deps, fix, [projectKey], 600_000, planned);
    const recheck = await callsSince();
    await recheckResolved(deps, fix, [projectKey], 600_000);
    const recheckWithoutPlan = await callsSince();
    await runChecks({ transport, settings, projectKeys: [projectKey], log: quiet, now: deps.now });
    const fullDesk = await callsSince();
    rows.push({ fix: fix.meta.id, changes: (fix.changes ?? []).join(', '), recheck, recheckWithoutPlan, fullDesk });
  }
  return rows;
}
