/** Pickers for the settings page: users, groups and service desks, each one bounded Jira call as the caller. */
import type { GroupOption, UserOption } from '../../shared/resolver-api';
import { ResolverFailure } from '../errors';
import { callJira } from '../jira/call-jira';
import { JiraCallError, listServiceDesks as listDesks } from '../jira/service-desks';
import type { Handler } from './handler';
import { asObject, text } from './payload';

const MAX_RESULTS = 20;

function queryOf(payload: unknown): string {
  return text(asObject(payload).query, 'query', 'The search text', { required: true, max: 100 })!;
}

export const searchUsers: Handler<'searchUsers'> = async (deps, caller, payload) => {
  const query = queryOf(payload);
  const answer = await callJira<{ accountId?: string; accountType?: string; displayName?: string; emailAddress?: string; active?: boolean }[]>(
    deps.jiraAsUser(caller.accountId),
    'GET',
    `/rest/api/3/user/search?query=${encodeURIComponent(query)}&maxResults=${MAX_RESULTS}`,
  );
  if (!answer.ok) throw ResolverFailure.of('JIRA', `Jira refused the user search: ${answer.message}`);
  return (answer.body ?? [])
    .filter((u) => u.accountId && u.active !== false && u.accountType !== 'app')
    .map((u): UserOption => ({ accountId: u.accountId!, displayName: u.displayName ?? u.accountId!, ...(u.emailAddress ? { emailAddress: u.emailAddress } : {}) }));
};

export const searchGroups: Handler<'searchGroups'> = async (deps, caller, payload) => {
  const query = queryOf(payload);
  const answer = await callJira<{ groups?: { name?: string; groupId?: string }[] }>(
    deps.jiraAsUser(caller.accountId),
    'GET',
    `/rest/api/3/groups/picker?query=${encodeURIComponent(query)}&caseInsensitive=true&maxResults=${MAX_RESULTS}`,
  );
  if (!answer.ok) throw ResolverFailure.of('JIRA', `Jira refused the group search: ${answer.message}`);
  return (answer.body?.groups ?? []).filter((g) => g.name).map((g): GroupOption => ({ name: g.name!, ...(g.groupId ? { groupId: g.groupId } : {}) }));
};

export const listServiceDesks: Handler<'listServiceDesks'> = async (deps, caller) => {
  try {
    return await listDesks(deps.jiraAsUser(caller.accountId));
  } catch (e) {
    if (e instanceof JiraCallError) throw ResolverFailure.of('JIRA', e.message);
    throw e;
  }
};
