/**
 * One-click fixes, run as the calling admin (Jira records them as that person), each
 * answering per item, then re-running the affected check for that one project.
 */
import type { FixResult } from '../../shared/resolver-api';
import type { AppDeps } from '../deps';
import { ResolverFailure } from '../errors';
import { addMissingCustomers } from '../fixes/add-missing-customers';
import { addServiceAccountToRole } from '../fixes/add-service-account-to-role';
import { recheckAfterFix } from '../fixes/recheck-after-fix';
import { JiraClient } from '../../jira/jira-client';
import { JiraError } from '../../jira/jira-error';
import { findServiceDesk } from '../jira/service-desks';
import { getSettings } from '../storage/settings-repo';
import { loadProject } from '../storage/report-repo';
import type { Handler } from './handler';
import { asObject, projectKeyOf } from './payload';

/** Forge gives a resolver 25 s; the fix and the re-check share what is left after a safety margin. */
export const RESOLVER_BUDGET_MS = 20_000;

function budget(deps: AppDeps) {
  const start = deps.now().getTime();
  return {
    expired: () => deps.now().getTime() - start > RESOLVER_BUDGET_MS * 0.6,
    left: () => Math.max(0, RESOLVER_BUDGET_MS - (deps.now().getTime() - start)),
  };
}

function targetProject(caller: { limitedToProject?: string }, payload: unknown): string {
  const key = projectKeyOf(asObject(payload).projectKey);
  return caller.limitedToProject ?? key;
}

export const fixAddServiceAccountToRole: Handler<'fixAddServiceAccountToRole'> = async (deps, caller, payload) => {
  const time = budget(deps);
  const projectKey = targetProject(caller, payload);
  const { settings } = await getSettings(deps.storage);
  if (!settings.serviceAccount) throw ResolverFailure.of('VALIDATION', 'Configure the service account in Settings first.', 'serviceAccount');
  const items = await addServiceAccountToRole(deps.storage, deps.jiraAsUser(caller.accountId), projectKey, settings.serviceAccount);
  deps.log.info('Fix: service account to role', { projectKey, by: caller.accountId, outcomes: items.map((i) => i.outcome) });
  const { rechecked, recheckQueued } = await recheckAfterFix(deps, projectKey, ['SA-PROJECT-ROLE'], time.left());
  const result: FixResult = { fix: 'add-service-account-to-role', projectKey, items, rechecked };
  if (recheckQueued) result.recheckQueued = true;
  return result;
};

async function serviceDeskIdOf(deps: AppDeps, accountId: string, projectKey: string): Promise<string> {
  const stored = await loadProject(deps.storage, projectKey);
  if (stored?.serviceDeskId) return stored.serviceDeskId;
  try {
    // The fix needs its own desk only: one lookup by project key, not the whole site's listing.
    const desk = await findServiceDesk(new JiraClient(deps.jiraAsUser(accountId), { logger: deps.log }), projectKey);
    if (desk) return desk.id;
  } catch (e) {
    if (e instanceof JiraError) throw ResolverFailure.of('JIRA', `Jira could not read the service desk of ${projectKey}: ${e.message}`);
    throw e;
  }
  throw ResolverFailure.of('NOT_FOUND', `${projectKey} is not a service desk you can see.`);
}

export const fixAddMissingCustomers: Handler<'fixAddMissingCustomers'> = async (deps, caller, payload) => {
  const time = budget(deps);
  const projectKey = targetProject(caller, payload);
  const { settings } = await getSettings(deps.storage);
  if (settings.endUserGroups.length === 0) throw ResolverFailure.of('VALIDATION', 'Configure the end-user group(s) in Settings first.', 'endUserGroups');
  const serviceDeskId = await serviceDeskIdOf(deps, caller.accountId, projectKey);
  const outcome = await addMissingCustomers(deps.jiraAsUser(caller.accountId), serviceDeskId, settings.endUserGroups, time.expired);
  const count = (o: string) => outcome.items.filter((i) => i.outcome === o).length;
  deps.log.info('Fix: missing customers', { projectKey, by: caller.accountId, added: count('added'), failed: count('failed'), incomplete: Boolean(outcome.incomplete) });
  const { rechecked, recheckQueued } = await recheckAfterFix(deps, projectKey, ['CUST-COVERAGE'], time.left());
  const result: FixResult = { fix: 'add-missing-customers', projectKey, items: outcome.items, rechecked };
  if (outcome.incomplete) result.incomplete = outcome.incomplete;
  if (recheckQueued) result.recheckQueued = true;
  return result;
};
