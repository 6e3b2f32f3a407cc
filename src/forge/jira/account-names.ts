/**
 * The names behind the accountIds the settings store (the service account when it is
 * an accountId, the recipient users), so Settings shows people, not ids. Read as the
 * caller with GET /rest/api/3/user, a few at a time, inside the resolver's deadline;
 * an id Jira will not describe is simply left out and shown as it is.
 */
import { JiraError } from '../../jira/jira-error';
import { mapWithConcurrency } from '../../jira/concurrency';
import { ACCOUNT_ID, EMAIL_ADDRESS } from '../../shared/identifiers';
import type { AppSettings } from '../../shared/resolver-api';
import type { AppDeps } from '../deps';
import { resolverJira } from './resolver-jira';

const USER = '/rest/api/3/user';
/** Recipients are capped at 100; the service account is one more. */
const MAX_IDS = 101;

/** The accountIds of the settings that a person should see by name. */
export function accountIdsOf(settings: Pick<AppSettings, 'serviceAccount' | 'recipients'>): string[] {
  const ids = new Set<string>();
  const sa = settings.serviceAccount?.trim();
  if (sa && !EMAIL_ADDRESS.test(sa) && ACCOUNT_ID.test(sa)) ids.add(sa);
  for (const id of settings.recipients.users) ids.add(id);
  return [...ids].slice(0, MAX_IDS);
}

export async function accountNames(deps: AppDeps, callerAccountId: string, ids: readonly string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const jira = resolverJira(deps.jiraAsUser(callerAccountId), deps.log).withConcurrency(4);
  const names = await mapWithConcurrency(ids, 4, async (accountId) => {
    try {
      const user = await jira.get<{ displayName?: string }>(USER, { query: { accountId } });
      return user?.displayName ? ([accountId, user.displayName] as const) : null;
    } catch (e) {
      // Jira's refusal (no Browse users, a deleted account) leaves the id as it is; Forge's consent prompt escapes.
      if (e instanceof JiraError) return null;
      throw e;
    }
  });
  return Object.fromEntries(names.filter((n): n is readonly [string, string] => n !== null));
}
