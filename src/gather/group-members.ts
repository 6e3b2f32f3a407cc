/**
 * Active members of a group: an end-user group by its configured name (the people
 * who will talk to the bot), or a group a workflow condition admits by its id.
 */
import type { components } from '../jira/generated/jira-platform';
import type { JiraClient } from '../jira/jira-client';
import { PEOPLE_MAX_PAGES, startAtPages } from '../jira/paging';
import { settle } from './fetched';
import type { GroupById, GroupMembers, UserRef } from './snapshot';
import type { Fetched } from '../shared/fetched';

type UserDetails = components['schemas']['UserDetails'];

const GROUP_MEMBER = '/rest/api/3/group/member';

/** Jira caps group/member at 50 per page. */
const PAGE_SIZE = 50;

export function gatherGroupMembers(client: JiraClient, groupName: string): Promise<Fetched<GroupMembers>> {
  return settle(`GET ${GROUP_MEMBER}`, async () => ({ name: groupName, members: await activeMembers(client, { groupname: groupName }) }));
}

/**
 * By groupId, as workflow conditions name groups. Jira takes either `groupname` or
 * `groupId`, never both, and recommends the id because a group's name can change.
 */
export function gatherGroupMembersById(client: JiraClient, groupId: string): Promise<Fetched<GroupById>> {
  return settle(`GET ${GROUP_MEMBER}`, async () => ({ groupId, members: await activeMembers(client, { groupId }) }));
}

async function activeMembers(client: JiraClient, group: { groupname: string } | { groupId: string }): Promise<UserRef[]> {
  const members: UserRef[] = [];
  const pages = startAtPages<UserDetails>(client, GROUP_MEMBER, { query: { ...group, includeInactiveUsers: false }, pageSize: PAGE_SIZE, maxPages: PEOPLE_MAX_PAGES });
  for await (const page of pages) {
    for (const user of page) {
      if (!user.accountId || user.active === false) continue;
      members.push(user.displayName ? { accountId: user.accountId, displayName: user.displayName } : { accountId: user.accountId });
    }
  }
  return members;
}
