/**
 * Who Jira will actually e-mail about the report issue. `notify` answers 204 once
 * the mail is queued and leaves out, without a word, every recipient who cannot see
 * the issue; so before sending, the app asks Jira, per person, whether they may
 * browse that issue (`POST /rest/api/3/permissions/check` with the issue's id, which
 * takes issue-level security into account), after expanding the configured groups
 * into their active members.
 *
 * It never throws: what it could not find out is listed in `unchecked`, worded for
 * the admin, and those people are counted neither as reached nor as dropped.
 */
import type { components } from '../jira/generated/jira-platform';
import { JiraClient } from '../jira/jira-client';
import { isJiraError } from '../jira/jira-error';
import { startAtPages } from '../jira/paging';
import type { AppSettings, RecipientReach, RecipientRef } from '../shared/resolver-api';
import { GROUP_ID } from './recipients';

type IssueBean = components['schemas']['IssueBean'];
type BulkPermissionGrants = components['schemas']['BulkPermissionGrants'];
type UserDetails = components['schemas']['UserDetails'];
type User = components['schemas']['User'];

/** Each person costs one permission check; beyond this many the rest are reported unchecked. */
export const MAX_CHECKED_RECIPIENTS = 100;
const CHECK_CONCURRENCY = 4;
/** Jira caps group/member at 50 per page. */
const MEMBER_PAGE_SIZE = 50;

const words = (error: unknown): string => (error instanceof Error ? error.message : String(error));

interface ReportIssue {
  id: number;
  key: string;
  projectKey?: string;
  serviceDesk: boolean;
}

async function readIssue(client: JiraClient, issueKey: string): Promise<ReportIssue> {
  const issue = await client.get<IssueBean>('/rest/api/3/issue/{issueIdOrKey}', { path: { issueIdOrKey: issueKey }, query: { fields: 'project' } });
  const project = (issue?.fields as { project?: { key?: string; projectTypeKey?: string } } | undefined)?.project;
  const id = Number(issue?.id);
  if (!Number.isSafeInteger(id)) throw new Error(`Jira gave no id for ${issueKey}.`);
  return { id, key: issue.key ?? issueKey, projectKey: project?.key, serviceDesk: project?.projectTypeKey === 'service_desk' };
}

/** The configured users, then each group's active members, each person once (a direct entry wins). */
async function expandRecipients(client: JiraClient, recipients: AppSettings['recipients'], unchecked: string[]): Promise<RecipientRef[]> {
  const people = new Map<string, RecipientRef>();
  for (const accountId of recipients.users) if (!people.has(accountId)) people.set(accountId, { accountId });
  for (const group of recipients.groups) {
    const query = { ...(GROUP_ID.test(group) ? { groupId: group } : { groupname: group }), includeInactiveUsers: false };
    try {
      for await (const page of startAtPages<UserDetails>(client, '/rest/api/3/group/member', { query, pageSize: MEMBER_PAGE_SIZE })) {
        for (const user of page) {
          if (!user.accountId || user.active === false || people.has(user.accountId)) continue;
          people.set(user.accountId, { accountId: user.accountId, ...(user.displayName ? { displayName: user.displayName } : {}), group });
        }
      }
    } catch (error) {
      unchecked.push(`Could not list the members of group ${group}, so the app cannot tell which of them can see the report issue. ${words(error)}`);
    }
  }
  return [...people.values()];
}

/** Whether one person may browse the issue; throws JiraError when Jira will not say. */
async function canBrowse(client: JiraClient, accountId: string, issue: ReportIssue): Promise<boolean> {
  const grants = await client.post<BulkPermissionGrants>('/rest/api/3/permissions/check', {
    accountId,
    projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: [issue.id] }],
  });
  // A permission Jira does not grant may be missing from the answer or listed without the issue.
  return (grants?.projectPermissions ?? []).some((g) => g.permission === 'BROWSE_PROJECTS' && (g.issues ?? []).includes(issue.id));
}

async function callerAccountId(client: JiraClient): Promise<string | undefined> {
  try {
    return (await client.get<User>('/rest/api/3/myself'))?.accountId;
  } catch {
    // Without it the caller, if configured, is simply checked like anyone else.
    return undefined;
  }
}

export function droppedReason(issue: Pick<RecipientReach, 'issueKey' | 'projectKey' | 'serviceDesk'>): string {
  const where = issue.projectKey ? ` in project ${issue.projectKey}` : '';
  const desk = issue.serviceDesk ? ' (a service desk: only its agents see the report issue)' : '';
  return `cannot see the report issue ${issue.issueKey}${where}${desk}`;
}

export const SENDER_REASON = 'sends the e-mail, and Jira never e-mails the sender';

export async function checkRecipientReach(jira: JiraClient, issueKey: string, recipients: AppSettings['recipients']): Promise<RecipientReach> {
  const unchecked: string[] = [];
  let issue: ReportIssue;
  try {
    issue = await readIssue(jira, issueKey);
  } catch (error) {
    return { issueKey, reached: [], dropped: [], unchecked: [`Could not read the report issue ${issueKey}, so nobody's access to it was checked. ${words(error)}`] };
  }
  const base = { issueKey: issue.key, ...(issue.projectKey ? { projectKey: issue.projectKey } : {}), ...(issue.serviceDesk ? { serviceDesk: true } : {}) };
  const [people, caller] = await Promise.all([expandRecipients(jira, recipients, unchecked), callerAccountId(jira)]);
  const reason = droppedReason(base);
  const reached: RecipientRef[] = [];
  const dropped: RecipientReach['dropped'] = [];

  const toCheck: RecipientRef[] = [];
  for (const person of people) {
    if (person.accountId === caller) dropped.push({ ...person, reason: SENDER_REASON });
    else toCheck.push(person);
  }
  if (toCheck.length > MAX_CHECKED_RECIPIENTS) {
    unchecked.push(`${toCheck.length - MAX_CHECKED_RECIPIENTS} more recipients were not checked: the app checks at most ${MAX_CHECKED_RECIPIENTS} people per send.`);
    toCheck.length = MAX_CHECKED_RECIPIENTS;
  }

  const failures = new Map<string, number>();
  const checkOne = async (client: JiraClient, person: RecipientRef): Promise<void> => {
    try {
      if (await canBrowse(client, person.accountId, issue)) reached.push(person);
      else dropped.push({ ...person, reason });
    } catch (error) {
      const message = words(error);
      failures.set(message, (failures.get(message) ?? 0) + 1);
      // A refusal for one person is a refusal for all: stop asking.
      if (isJiraError(error) && (error.status === 401 || error.status === 403)) throw error;
    }
  };
  const [first, ...rest] = toCheck;
  let refused = false;
  if (first) {
    try {
      await checkOne(jira, first);
    } catch {
      refused = true;
    }
  }
  if (refused) {
    const [message] = [...failures.keys()];
    unchecked.push(`Jira would not say who can see ${issue.key}, so none of the ${toCheck.length} recipients was checked. ${message}`);
  } else {
    const limited = jira.withConcurrency(CHECK_CONCURRENCY);
    await Promise.all(rest.map((person) => checkOne(limited, person).catch(() => undefined)));
    for (const [message, count] of failures) unchecked.push(`Could not check ${count} recipient${count === 1 ? '' : 's'}: ${message}`);
  }
  // Keep the configured order, so a record reads the same every run.
  const order = new Map(people.map((p, i) => [p.accountId, i]));
  const byOrder = (a: RecipientRef, b: RecipientRef) => (order.get(a.accountId) ?? 0) - (order.get(b.accountId) ?? 0);
  return { ...base, reached: reached.sort(byOrder), dropped: dropped.sort(byOrder), ...(unchecked.length > 0 ? { unchecked } : {}) };
}

/** Nobody will get the mail: everyone was checked and everyone is left out. */
export function reachesNobody(reach: RecipientReach): boolean {
  return reach.reached.length === 0 && (reach.unchecked ?? []).length === 0;
}
