/** Active members of an end-user group (the people who will talk to the bot). */
import type { components } from '../jira/generated/jira-platform';
import type { JiraClient } from '../jira/jira-client';
import { startAtPages } from '../jira/paging';
import { settle } from './fetched';
import type { Fetched, GroupMembers, UserRef } from './snapshot';

type UserDetails = components['schemas']['UserDetails'];

const GROUP_MEMBER = '/rest/api/3/group/member';

/** Jira caps group/member at 50 per page. */
const PAGE_SIZE = 50;

export function gatherGroupMembers(client: JiraClient, groupName: string): Promise<Fetched<GroupMembers>> {
  return settle(`GET ${GROUP_MEMBER}`, async () => {
    const members: UserRef[] = [];
    const pages = startAtPages<UserDetails>(client, GROUP_MEMBER, { query: { groupname: groupName, includeInactiveUsers: false }, pageSize: PAGE_SIZE });
    for await (const page of pages) {
      for (const user of page) {
        if (!user.accountId || user.active === false) continue;
        members.push(user.displayName ? { accountId: user.accountId, displayName: user.displayName } : { accountId: user.accountId });
      }
    }
    return { name: groupName, members };
  });
}
