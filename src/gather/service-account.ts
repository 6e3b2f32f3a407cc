/**
 * The Moveworks service account as Jira sees it (by accountId or e-mail), and, when
 * its own token was given, as it sees itself (/myself).
 */
import type { components } from '../jira/generated/jira-platform';
import type { JiraClient } from '../jira/jira-client';
import { JiraError } from '../jira/jira-error';
import { arrayPages, getArray } from '../jira/paging';
import { failed, ok, settle, shapeError, toFetchError } from './fetched';
import type { ServiceAccountInfo, ServiceAccountSelf } from './snapshot';
import type { Fetched } from '../shared/fetched';

type User = components['schemas']['User'];
type GroupName = components['schemas']['GroupName'];
type Permissions = components['schemas']['Permissions'];

const USER = '/rest/api/3/user';
const USER_SEARCH = '/rest/api/3/user/search';
const USER_GROUPS = '/rest/api/3/user/groups';
const MYSELF = '/rest/api/3/myself';
const MY_PERMISSIONS = '/rest/api/3/mypermissions';
/** The key of the "Browse users and groups" global permission. */
const BROWSE_USERS = 'USER_PICKER';

/** Atlassian accountIds look like "557058:f58131cb-…" or 24+ hex digits. */
export function isAccountIdLike(value: string): boolean {
  return value.includes(':') || /^[0-9a-f]{24,}$/i.test(value);
}

export async function gatherServiceAccount(client: JiraClient, configured: string): Promise<Fetched<ServiceAccountInfo | null>> {
  const id = configured.trim();
  if (isAccountIdLike(id)) return settle(`GET ${USER}`, () => readUser(client, id));
  if (id.includes('@')) return findByEmail(client, id);
  return failed({
    kind: 'bad_request',
    endpoint: `GET ${USER}`,
    message: `The service account "${id}" is neither an e-mail address nor an Atlassian accountId; configure one of them.`,
  });
}

async function findByEmail(client: JiraClient, email: string): Promise<Fetched<ServiceAccountInfo | null>> {
  let accountId: string | undefined;
  let hidden = 0;
  try {
    // user/search matches prefixes of names and e-mails, so keep only the exact e-mail.
    search: for await (const page of arrayPages<User>(client, USER_SEARCH, { query: { query: email }, pageSize: 50, maxPages: 20 })) {
      for (const user of page) {
        if (!user.emailAddress) hidden += 1;
        else if (user.emailAddress.toLowerCase() === email.toLowerCase() && user.accountId) {
          accountId = user.accountId;
          break search;
        }
      }
    }
  } catch (error) {
    return failed(toFetchError(error, `GET ${USER_SEARCH}`));
  }
  if (!accountId) {
    if (hidden > 0) {
      return failed({
        kind: 'malformed',
        endpoint: `GET ${USER_SEARCH}`,
        message: `Jira hides the e-mail address of ${hidden} user(s) matching ${email}, so the service account cannot be identified by e-mail. Configure its accountId instead.`,
      });
    }
    return emptySearch(client, email);
  }
  return settle(`GET ${USER}`, () => readUser(client, accountId!));
}

/**
 * user/search lists active users only, and answers an empty list (not an error) to a
 * caller without "Browse users and groups". So an empty search means "no active
 * account with this e-mail" only once the caller is known to hold that permission;
 * without it nothing can be told.
 */
async function emptySearch(client: JiraClient, email: string): Promise<Fetched<ServiceAccountInfo | null>> {
  let mayBrowse: boolean;
  try {
    const answer = await client.get<Permissions>(MY_PERMISSIONS, { query: { permissions: BROWSE_USERS } });
    const permission = answer?.permissions?.[BROWSE_USERS];
    if (!permission || typeof permission.havePermission !== 'boolean') {
      throw shapeError(`GET ${MY_PERMISSIONS}`, `Jira's answer for GET ${MY_PERMISSIONS} does not say whether the account running the checks may browse users`);
    }
    mayBrowse = permission.havePermission;
  } catch (error) {
    return failed(toFetchError(error, `GET ${MY_PERMISSIONS}`));
  }
  if (mayBrowse) return ok(null);
  return failed({
    kind: 'forbidden',
    endpoint: `GET ${USER_SEARCH}`,
    message: `Jira's user search found no one for ${email}, but the account running the checks lacks the "Browse users and groups" global permission, and Jira answers every search without it with an empty list`,
  });
}

/** GET /user with groups and application roles; null when Jira knows no such account. */
async function readUser(client: JiraClient, accountId: string): Promise<ServiceAccountInfo | null> {
  let user: User;
  try {
    user = await client.get<User>(USER, { query: { accountId, expand: 'groups,applicationRoles' } });
  } catch (error) {
    if (error instanceof JiraError && error.kind === 'not_found') return null;
    throw error;
  }
  const info = toServiceAccountInfo(user);
  const listed = user.groups?.items?.length ?? 0;
  if ((user.groups?.size ?? 0) > listed) {
    // The expand lists only the first groups; read them all rather than judge a truncated list.
    const groups = await getArray<GroupName>(client, USER_GROUPS, { query: { accountId } });
    info.groups = groups.filter((g) => g.name).map((g) => ({ name: g.name!, ...(g.groupId ? { groupId: g.groupId } : {}) }));
  }
  return info;
}

export function toServiceAccountInfo(user: User): ServiceAccountInfo {
  if (!user || typeof user !== 'object' || !user.accountId) throw shapeError(`GET ${USER}`, `Jira's answer for GET ${USER} has no accountId`);
  if (typeof user.active !== 'boolean') throw shapeError(`GET ${USER}`, `Jira's answer for GET ${USER} does not say whether the account is active`);
  const info: ServiceAccountInfo = {
    accountId: user.accountId,
    accountType: user.accountType ?? 'unknown',
    active: user.active,
    displayName: user.displayName ?? '',
    groups: (user.groups?.items ?? []).filter((g) => g.name).map((g) => ({ name: g.name!, ...(g.groupId ? { groupId: g.groupId } : {}) })),
    applicationRoles: (user.applicationRoles?.items ?? []).filter((r) => r.key).map((r) => ({ key: r.key!, ...(r.name ? { name: r.name } : {}) })),
  };
  if (user.emailAddress) info.emailAddress = user.emailAddress;
  if (user.timeZone) info.timeZone = user.timeZone;
  return info;
}

/** /myself as the service account's own token answers it (proves the token; its real time zone). */
export function gatherServiceAccountSelf(client: JiraClient): Promise<Fetched<ServiceAccountSelf>> {
  return settle(`GET ${MYSELF}`, async () => {
    const me = await client.get<User>(MYSELF);
    if (!me || typeof me !== 'object' || !me.accountId) throw shapeError(`GET ${MYSELF}`, `Jira's answer for GET ${MYSELF} has no accountId`);
    const self: ServiceAccountSelf = { accountId: me.accountId };
    if (me.timeZone) self.timeZone = me.timeZone;
    if (me.emailAddress) self.emailAddress = me.emailAddress;
    return self;
  });
}
