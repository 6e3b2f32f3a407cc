/**
 * Who a transition's conditions let fire it: people (agents and anyone else in
 * Jira's UI) and the bot (the service account, over the REST API). Each answer is
 * yes, no, or undecided with the reason (a group that could not be read, a
 * service account that is unknown), so a check never passes on a guess.
 *
 * - `system:restrict-from-all-users` hides the transition from people; with
 *   restrictMode "usersAndAPI" it blocks the API, and so the bot, too. Legacy
 *   RemoteOnlyCondition is "Hide from user".
 * - `system:restrict-issue-transition` admits whoever meets any of its criteria:
 *   `accountIds`, `roleIds`, `groupIds`, `permissionKeys`, `groupCustomFields`,
 *   `allowUserCustomFields` (comma-separated). It keeps people out only when every
 *   criterion names the service account alone: its accountId, or groups whose only
 *   active member it is. Roles, permissions and user or group fields always admit
 *   people (agents hold them), as do `allow-assignee` / `allow-reporter`.
 *   `denyUserCustomFields` only narrows the audience, so it admits no one.
 * - Any other condition is taken to admit both (it does not decide who may see the
 *   transition in a way this judgement can use).
 */
import type { GroupById, SiteSnapshot } from '../../../gather/snapshot';
import type { Fetched } from '../../../shared/fetched';
import { isRestrictIssueTransition, parseList, restrictionGroupIds } from '../../../gather/workflow-references';
import { fetchReason } from '../../fetch-reason';
import { ruleName, ruleParameters, type ConditionGroup, type Rule } from './rule-vocabulary';

export interface Undecided {
  undecided: string;
}

/** Three-valued: known yes, known no, or not knowable from the snapshot (with why). */
export type Maybe = boolean | Undecided;

export interface Admits {
  people: Maybe;
  bot: Maybe;
}

/** What the snapshot tells about the service account and the groups conditions name. */
export interface AudienceFacts {
  /** The service account's accountId, or why it is unknown. */
  serviceAccount: { accountId: string } | Undecided;
  /** A group's active members' accountIds, or why they are unknown. */
  groupMembers(groupId: string): string[] | Undecided;
}

export function isUndecided(value: Maybe): value is Undecided {
  return typeof value === 'object';
}

/** Facts from a snapshot: the looked-up service account and the groups read for workflow conditions. */
export function audienceFacts(snapshot: SiteSnapshot): AudienceFacts {
  const sa = snapshot.serviceAccount;
  const serviceAccount: AudienceFacts['serviceAccount'] = !sa
    ? { undecided: 'no service account is configured, so who else it admits cannot be told' }
    : !sa.ok
      ? { undecided: `the service account could not be looked up: ${fetchReason(sa.error)}` }
      : sa.value === null
        ? { undecided: 'no Jira account matches the configured service account' }
        : { accountId: sa.value.accountId };
  const groups = snapshot.workflowGroups ?? {};
  return {
    serviceAccount,
    groupMembers(groupId) {
      const fetched: Fetched<GroupById> | undefined = Object.prototype.hasOwnProperty.call(groups, groupId) ? groups[groupId] : undefined;
      if (!fetched) return { undecided: `the members of group ${groupId} were not read in this run` };
      if (!fetched.ok) return { undecided: `the members of group ${groupId} could not be read: ${fetchReason(fetched.error)}` };
      return fetched.value.members.map((m) => m.accountId);
    },
  };
}

const EVERYONE: Admits = { people: true, bot: true };

/** Who one condition admits. */
export function conditionAdmits(rule: Rule | null | undefined, facts: AudienceFacts): Admits {
  if (!rule) return EVERYONE;
  const name = ruleName(rule.ruleKey);
  if (name === 'system:restrict-from-all-users') {
    const mode = (ruleParameters(rule).restrictMode ?? 'users').trim().toLowerCase();
    return { people: false, bot: mode !== 'usersandapi' };
  }
  if (name === 'remoteonlycondition') return { people: false, bot: true };
  if (isRestrictIssueTransition(rule)) return restrictIssueTransitionAdmits(rule, facts);
  return EVERYONE;
}

/** Criteria that always admit people: agents hold roles and permissions, and appear in user and group fields. */
const PEOPLE_CRITERIA = ['roleIds', 'permissionKeys', 'groupCustomFields', 'allowUserCustomFields'] as const;

function restrictIssueTransitionAdmits(rule: Rule, facts: AudienceFacts): Admits {
  const params = ruleParameters(rule);
  const accountIds = parseList(params.accountIds);
  const groupIds = restrictionGroupIds(rule);
  // Whether the service account is itself among the people a role or permission admits
  // is not this judgement's question (SA-PROJECT-ROLE asks it); only an audience that
  // can be listed can show the bot is left out.
  if (PEOPLE_CRITERIA.some((key) => parseList(params[key]).length > 0)) return EVERYONE;
  // "allow-assignee", "allow-reporter": whoever holds the issue, often an agent.
  if (accountIds.some((id) => id.toLowerCase().startsWith('allow-'))) return EVERYONE;

  const sa = facts.serviceAccount;
  const members = groupIds.map((id) => facts.groupMembers(id));
  const listed = members.filter((m): m is string[] => Array.isArray(m));
  const unknownGroups = members.filter((m): m is Undecided => !Array.isArray(m));
  if ('undecided' in sa) {
    // Without the service account to compare with, two different accounts still
    // prove a person is admitted, and an audience empty everywhere admits no one.
    const known = new Set([...accountIds, ...listed.flat()]);
    if (known.size >= 2) return { people: true, bot: sa };
    if (known.size === 1) return { people: sa, bot: sa };
    if (unknownGroups.length > 0) return { people: unknownGroups[0], bot: unknownGroups[0] };
    return { people: false, bot: false };
  }
  const others = (ids: readonly string[]) => ids.some((id) => id !== sa.accountId);
  const admitsSa = accountIds.includes(sa.accountId) || listed.some((m) => m.includes(sa.accountId));
  const people: Maybe = others(accountIds) || listed.some(others) ? true : unknownGroups.length > 0 ? unknownGroups[0] : false;
  const bot: Maybe = admitsSa ? true : unknownGroups.length > 0 ? unknownGroups[0] : false;
  return { people, bot };
}

/** Kleene AND: no if any is no, else undecided if any is, else yes. */
export function allOf(values: readonly Maybe[]): Maybe {
  if (values.some((v) => v === false)) return false;
  return values.find(isUndecided) ?? true;
}

/** Kleene OR: yes if any is yes, else undecided if any is, else no. */
export function anyOf(values: readonly Maybe[]): Maybe {
  if (values.some((v) => v === true)) return true;
  return values.find(isUndecided) ?? false;
}

/**
 * Who a transition's condition group admits, as Jira evaluates it: an ALL group
 * admits whom every member admits, an ANY group whom some member does. A missing
 * operation means ALL; no conditions admit everyone.
 */
export function groupAdmits(group: ConditionGroup | null | undefined, facts: AudienceFacts): Admits {
  if (!group) return EVERYONE;
  const members: Admits[] = [...(group.conditions ?? []).map((c) => conditionAdmits(c, facts)), ...(group.conditionGroups ?? []).map((g) => groupAdmits(g, facts))];
  if (members.length === 0) return EVERYONE;
  const fold = group.operation === 'ANY' ? anyOf : allOf;
  return { people: fold(members.map((m) => m.people)), bot: fold(members.map((m) => m.bot)) };
}

/** NOT in three values. */
export function not(value: Maybe): Maybe {
  return isUndecided(value) ? value : !value;
}
