/**
 * One-click fix for SA-PROJECT-ROLE: adds the service account to the project's
 * "Service Desk Team" role, as the calling admin. Idempotent: an account already in
 * the role is reported as already present and nothing is posted.
 */
import type { JiraTransport } from '../../jira/transport';
import type { FixItemResult } from '../../shared/resolver-api';
import type { KeyValueStore } from '../deps';
import { callJira } from '../jira/call-jira';
import { resolveServiceAccount } from './service-account-id';

export const SERVICE_DESK_TEAM_ROLE = 'Service Desk Team';

interface RoleBody {
  actors?: { actorUser?: { accountId?: string }; type?: string }[];
}

export async function addServiceAccountToRole(
  store: KeyValueStore,
  transport: JiraTransport,
  projectKey: string,
  configuredAccount: string,
): Promise<FixItemResult[]> {
  const account = await resolveServiceAccount(store, transport, configuredAccount);
  if (typeof account === 'string') return [{ item: configuredAccount, outcome: 'failed', message: account }];
  const base = { item: account.accountId, ...(account.displayName ? { displayName: account.displayName } : {}) };
  const key = encodeURIComponent(projectKey);

  const roles = await callJira<Record<string, string>>(transport, 'GET', `/rest/api/3/project/${key}/role`);
  if (!roles.ok) return [{ ...base, outcome: 'failed', message: `Jira refused to list the roles of ${projectKey}: ${roles.message}` }];
  const entry = Object.entries(roles.body ?? {}).find(([name]) => name.toLowerCase() === SERVICE_DESK_TEAM_ROLE.toLowerCase());
  const roleId = entry?.[1].split('/').pop();
  if (!roleId) return [{ ...base, outcome: 'failed', message: `Project ${projectKey} has no "${SERVICE_DESK_TEAM_ROLE}" role; add the account to the agents' role in the project's access settings.` }];

  const role = await callJira<RoleBody>(transport, 'GET', `/rest/api/3/project/${key}/role/${encodeURIComponent(roleId)}`);
  if (role.ok && (role.body?.actors ?? []).some((a) => a.actorUser?.accountId === account.accountId)) {
    return [{ ...base, outcome: 'already_present' }];
  }
  const added = await callJira(transport, 'POST', `/rest/api/3/project/${key}/role/${encodeURIComponent(roleId)}`, { body: { user: [account.accountId] } });
  if (added.ok) return [{ ...base, outcome: 'added' }];
  if (added.status === 400 && /already/i.test(added.message)) return [{ ...base, outcome: 'already_present' }];
  return [{ ...base, outcome: 'failed', message: added.message }];
}
