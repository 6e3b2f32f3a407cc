/**
 * Pickers for the settings page: users and groups (one bounded Jira call each, as the
 * caller), and every service desk the caller can see (paged to the end, in time).
 * A picker opened before anything is typed asks with an empty query: groups come from
 * Jira's group picker, which lists groups for an empty query; Jira's user search needs
 * a query, so people are suggested from the first end-user group's members instead.
 */
import { JiraClient } from '../../jira/jira-client';
import { JiraError } from '../../jira/jira-error';
import type { GroupOption, UserOption } from '../../shared/resolver-api';
import { ResolverFailure } from '../errors';
import { jiraWords } from '../../fixes/jira-words';
import { resolverJira } from '../jira/resolver-jira';
import { getSettings as readSettings } from '../storage/settings-repo';
import { DeskListingTimeout, listServiceDesks as listDesks } from '../jira/service-desks';
import type { Handler } from './handler';
import { asObject, text } from './payload';

const MAX_RESULTS = 20;
/** Inside Forge's 25 s for a resolver, with room for the permission check before it. */
export const DESK_PICKER_LISTING_MS = 15_000;

/** The typed text; empty when the picker was opened before anything was typed. */
function queryOf(payload: unknown): string {
  return text(asObject(payload).query, 'query', 'The search text', { max: 100 }) ?? '';
}

/** Jira's refusal of a picker's search, in Jira's words; anything else (the consent prompt) escapes as it came. */
function refused(what: string, e: unknown): never {
  if (e instanceof JiraError) throw ResolverFailure.of('JIRA', `Jira refused the ${what}: ${jiraWords(e)}`);
  throw e;
}

type UserBody = { accountId?: string; accountType?: string; displayName?: string; emailAddress?: string; active?: boolean }[];

function userOptions(users: UserBody | undefined): UserOption[] {
  return (Array.isArray(users) ? users : [])
    .filter((u) => u.accountId && u.active !== false && u.accountType !== 'app')
    .map((u): UserOption => ({ accountId: u.accountId!, displayName: u.displayName ?? u.accountId!, ...(u.emailAddress ? { emailAddress: u.emailAddress } : {}) }));
}

/**
 * Suggestions before anything is typed: the first members of the first end-user group
 * (group/member needs Browse users and groups or Administer Jira). Nothing to suggest,
 * or Jira refusing, is an empty list: the picker then asks for a name.
 */
async function suggestedUsers(deps: Parameters<Handler<'searchUsers'>>[0], accountId: string): Promise<UserOption[]> {
  const group = (await readSettings(deps.storage)).settings.endUserGroups[0];
  if (!group) return [];
  try {
    const page = await resolverJira(deps.jiraAsUser(accountId), deps.log).get<{ values?: UserBody }>('/rest/api/3/group/member', {
      query: { groupname: group, maxResults: MAX_RESULTS },
    });
    return userOptions(page?.values);
  } catch (e) {
    if (e instanceof JiraError) return [];
    throw e;
  }
}

export const searchUsers: Handler<'searchUsers'> = async (deps, caller, payload) => {
  const query = queryOf(payload);
  if (query === '') return suggestedUsers(deps, caller.accountId);
  const users = await resolverJira(deps.jiraAsUser(caller.accountId), deps.log)
    .get<UserBody>('/rest/api/3/user/search', { query: { query, maxResults: MAX_RESULTS } })
    .catch((e: unknown) => refused('user search', e));
  return userOptions(users);
};

export const searchGroups: Handler<'searchGroups'> = async (deps, caller, payload) => {
  const query = queryOf(payload);
  const answer = await resolverJira(deps.jiraAsUser(caller.accountId), deps.log)
    .get<{ groups?: { name?: string; groupId?: string }[] }>('/rest/api/3/groups/picker', { query: { query, caseInsensitive: true, maxResults: MAX_RESULTS } })
    .catch((e: unknown) => refused('group search', e));
  return (answer?.groups ?? []).filter((g) => g.name).map((g): GroupOption => ({ name: g.name!, ...(g.groupId ? { groupId: g.groupId } : {}) }));
};

/** The whole list or a failure that says why: a picker that silently lacks desks would hide them from the scope. */
export const listServiceDesks: Handler<'listServiceDesks'> = async (deps, caller) => {
  try {
    return await listDesks(new JiraClient(deps.jiraAsUser(caller.accountId), { logger: deps.log }), { withinMs: DESK_PICKER_LISTING_MS });
  } catch (e) {
    if (e instanceof JiraError) throw ResolverFailure.of('JIRA', `Jira could not list the service desks: ${e.message}`);
    if (e instanceof DeskListingTimeout) {
      throw ResolverFailure.of('JIRA', `${e.message} The project list needs every desk; try again, or leave the projects empty to check every desk.`);
    }
    throw e;
  }
};
