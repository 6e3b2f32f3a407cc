import { failed, ok, serviceAccount, site, SA_ID } from '../../testing/snapshot-builder';
import type { ConditionGroup, Rule } from './rule-vocabulary';
import { allOf, anyOf, audienceFacts, conditionAdmits, groupAdmits, type Admits, type AudienceFacts } from './who-may-transition';

const rule = (ruleKey: string, parameters: Record<string, string> = {}): Rule => ({ ruleKey, parameters });
const U = { undecided: 'x' };

const facts: AudienceFacts = {
  serviceAccount: { accountId: SA_ID },
  groupMembers: (id) => (id === 'bots' ? [SA_ID] : id === 'agents' ? ['agent-1', SA_ID] : id === 'empty' ? [] : { undecided: `group ${id} unreadable` }),
};
const admits = (people: Admits['people'], bot: Admits['bot']): Admits => ({ people, bot });

describe('three-valued folds', () => {
  it.each([
    [[true, true], true, true],
    [[true, false], false, true],
    [[true, U], U, true],
    [[false, U], false, U],
    [[], true, false],
  ])('%j → all %j, any %j', (values, all, any) => {
    expect(allOf(values)).toEqual(all);
    expect(anyOf(values)).toEqual(any);
  });
});

describe('conditionAdmits', () => {
  it.each<[string, Rule, Admits]>([
    ['restrict-from-all-users, users', rule('system:restrict-from-all-users', { restrictMode: 'users' }), admits(false, true)],
    ['restrict-from-all-users, default users', rule('system:restrict-from-all-users'), admits(false, true)],
    ['restrict-from-all-users, usersAndAPI', rule('system:restrict-from-all-users', { restrictMode: 'usersAndAPI' }), admits(false, false)],
    ['legacy RemoteOnlyCondition', rule('RemoteOnlyCondition'), admits(false, true)],
    ['legacy RemoteOnlyCondition, qualified', rule('com.atlassian.jira.workflow.condition.RemoteOnlyCondition'), admits(false, true)],
    ['legacy PermissionCondition', rule('com.atlassian.jira.workflow.condition.PermissionCondition'), admits(true, true)],
    ['restrict-issue-transition: the service account only', rule('system:restrict-issue-transition', { accountIds: SA_ID }), admits(false, true)],
    ['restrict-issue-transition: a group of only the service account', rule('system:restrict-issue-transition', { groupIds: 'bots' }), admits(false, true)],
    ['restrict-issue-transition: a group with an agent', rule('system:restrict-issue-transition', { groupIds: 'agents' }), admits(true, true)],
    ['restrict-issue-transition: another account', rule('system:restrict-issue-transition', { accountIds: `${SA_ID}, agent-1` }), admits(true, true)],
    ['restrict-issue-transition: a role', rule('system:restrict-issue-transition', { roleIds: '10002' }), admits(true, true)],
    ['restrict-issue-transition: a permission', rule('system:restrict-issue-transition', { groupIds: 'bots', permissionKeys: 'ADMINISTER_PROJECTS' }), admits(true, true)],
    ['restrict-issue-transition: a user field', rule('system:restrict-issue-transition', { accountIds: SA_ID, allowUserCustomFields: 'customfield_10072' }), admits(true, true)],
    ['restrict-issue-transition: a group field', rule('system:restrict-issue-transition', { accountIds: SA_ID, groupCustomFields: 'customfield_10028' }), admits(true, true)],
    ['restrict-issue-transition: the reporter', rule('system:restrict-issue-transition', { accountIds: 'allow-reporter' }), admits(true, true)],
    ['restrict-issue-transition: an empty group', rule('system:restrict-issue-transition', { groupIds: 'empty' }), admits(false, false)],
    ['restrict-issue-transition: no criteria', rule('system:restrict-issue-transition'), admits(false, false)],
    ['restrict-issue-transition: only a deny field', rule('system:restrict-issue-transition', { accountIds: SA_ID, denyUserCustomFields: 'customfield_10107' }), admits(false, true)],
    ['restrict-issue-transition: an unreadable group', rule('system:restrict-issue-transition', { groupIds: 'gone' }), admits({ undecided: 'group gone unreadable' }, { undecided: 'group gone unreadable' })],
    ['restrict-issue-transition: an unreadable group beside the service account', rule('system:restrict-issue-transition', { accountIds: SA_ID, groupIds: 'gone' }), admits({ undecided: 'group gone unreadable' }, true)],
    ['restrict-issue-transition: an unreadable group beside agents', rule('system:restrict-issue-transition', { groupIds: 'gone,agents' }), admits(true, true)],
  ])('%s', (_name, r, expected) => expect(conditionAdmits(r, facts)).toEqual(expected));

  it('without a known service account, one named account is undecided and two are people', () => {
    const unknown: AudienceFacts = { ...facts, serviceAccount: { undecided: 'no service account' } };
    expect(conditionAdmits(rule('system:restrict-issue-transition', { accountIds: SA_ID }), unknown)).toEqual(admits({ undecided: 'no service account' }, { undecided: 'no service account' }));
    expect(conditionAdmits(rule('system:restrict-issue-transition', { groupIds: 'agents' }), unknown)).toEqual(admits(true, { undecided: 'no service account' }));
  });
});

describe('groupAdmits: as Jira evaluates ALL and ANY', () => {
  const hide = rule('system:restrict-from-all-users');
  const other = rule('system:restrict-issue-transition', { roleIds: '1' });
  const hidden = (people: Admits['people']) => people === false;
  it.each<[string, ConditionGroup | null, boolean]>([
    ['no conditions', null, false],
    ['empty group', { operation: 'ALL', conditions: [], conditionGroups: [] }, false],
    ['ALL with hide', { operation: 'ALL', conditions: [other, hide] }, true],
    ['missing operation means ALL', { conditions: [other, hide] }, true],
    ['ANY with hide and another', { operation: 'ANY', conditions: [other, hide] }, false],
    ['ANY with only hides', { operation: 'ANY', conditions: [hide, rule('RemoteOnlyCondition')] }, true],
    ['ANY with hide and the service account only', { operation: 'ANY', conditions: [hide, rule('system:restrict-issue-transition', { groupIds: 'bots' })] }, true],
    ['nested ALL inside ALL', { operation: 'ALL', conditions: [other], conditionGroups: [{ operation: 'ALL', conditions: [hide] }] }, true],
    ['nested ANY that lets people through', { operation: 'ALL', conditions: [other], conditionGroups: [{ operation: 'ANY', conditions: [hide, other] }] }, false],
    ['deep nesting', { conditionGroups: [{ conditionGroups: [{ conditions: [rule('com.atlassian.jira.workflow.condition.RemoteOnlyCondition')] }] }] }, true],
  ])('%s', (_name, group, expected) => expect(hidden(groupAdmits(group, facts).people)).toBe(expected));

  it('usersAndAPI in an ALL group keeps the bot out; OR-ed with an open condition it does not', () => {
    const block = rule('system:restrict-from-all-users', { restrictMode: 'usersAndAPI' });
    expect(groupAdmits({ operation: 'ALL', conditions: [other, block] }, facts)).toEqual(admits(false, false));
    expect(groupAdmits({ operation: 'ANY', conditions: [other, block] }, facts)).toEqual(admits(true, true));
  });
});

describe('audienceFacts from a snapshot', () => {
  it('reads the service account and the groups read for workflow conditions, with reasons when unknown', () => {
    const snapshot = site({
      workflowGroups: {
        bots: ok({ groupId: 'bots', members: [{ accountId: SA_ID }] }),
        gone: failed('not_found', 'GET /rest/api/3/group/member', 404, 'Group not found.'),
      },
    });
    const f = audienceFacts(snapshot);
    expect(f.serviceAccount).toEqual({ accountId: SA_ID });
    expect(f.groupMembers('bots')).toEqual([SA_ID]);
    expect(f.groupMembers('gone')).toEqual({ undecided: expect.stringContaining('Group not found') });
    expect(f.groupMembers('never')).toEqual({ undecided: expect.stringContaining('not read in this run') });
    expect(audienceFacts(site({ serviceAccount: ok(null) })).serviceAccount).toEqual({ undecided: expect.stringContaining('no Jira account matches') });
    expect(audienceFacts(site({ serviceAccount: undefined })).serviceAccount).toEqual({ undecided: expect.stringContaining('no service account is configured') });
    expect(audienceFacts(site({ serviceAccount: ok(serviceAccount({ accountId: 'other' })) })).serviceAccount).toEqual({ accountId: 'other' });
  });
});
