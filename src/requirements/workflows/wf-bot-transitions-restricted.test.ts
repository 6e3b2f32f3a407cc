import { describeCheck } from '../testing/table';
import { wfBotTransitionsRestricted } from './wf-bot-transitions-restricted';
import { failed, ok, SA_ID } from '../testing/snapshot-builder';
import { commonInvalidCases, commonValidCases, twoWorkflowProject } from './testing/common-cases';
import { drop, edits, patch, readyTransitions, workflowData, workflowSite } from './testing/workflow-builder';

const legacyHide = (ruleKey: string) => ({ operation: 'ALL' as const, conditions: [{ ruleKey, parameters: {} }] });

/** The “Restrict issue transition” condition, parameters comma-separated as Jira documents them. */
const restrictTo = (parameters: Record<string, string>) => ({ operation: 'ALL' as const, conditions: [{ ruleKey: 'system:restrict-issue-transition', parameters }] });
const AGENT = '557058:agent-ada';
const BOTS = 'a1b2c3d4-0000-4000-8000-00000000b075';
const AGENTS = 'a1b2c3d4-0000-4000-8000-0000000a6e27';
const EMPTY = 'a1b2c3d4-0000-4000-8000-0000000e3971';
const groups = {
  [BOTS]: ok({ groupId: BOTS, members: [{ accountId: SA_ID, displayName: 'Moveworks Bot' }] }),
  [AGENTS]: ok({ groupId: AGENTS, members: [{ accountId: AGENT, displayName: 'Ada' }, { accountId: SA_ID }] }),
  [EMPTY]: ok({ groupId: EMPTY, members: [] }),
};
const restrictedSite = (conditions: ReturnType<typeof restrictTo>, workflowGroups: Record<string, unknown> = groups) => ({
  ...workflowSite({ transitions: patch('11', { conditions }) }),
  workflowGroups: workflowGroups as never,
});

describeCheck(wfBotTransitionsRestricted, {
  valid: [
    ...commonValidCases(),
    {
      name: 'evidence lists each bot transition as hidden',
      site: workflowSite(),
      evidence: { workflows: [{ details: { botTransitions: [{ id: '11', hiddenFromPeople: true, blocksApi: false }, { id: '21' }, { id: '31' }] } }] },
    },
    {
      name: 'legacy RemoteOnlyCondition (bare and fully qualified)',
      site: workflowSite({
        transitions: edits(
          patch('11', { conditions: legacyHide('RemoteOnlyCondition') }),
          patch('21', { conditions: legacyHide('com.atlassian.jira.workflow.condition.RemoteOnlyCondition') }),
        ),
      }),
    },
    {
      name: 'restrict-from-all-users without restrictMode defaults to users only',
      site: workflowSite({ transitions: patch('11', { conditions: { conditions: [{ ruleKey: 'system:restrict-from-all-users' }] } }) }),
    },
    {
      name: 'the API-only condition nested in an ALL group',
      site: workflowSite({
        transitions: patch('11', {
          conditions: {
            operation: 'ALL',
            conditions: [{ ruleKey: 'system:check-permission-validator', parameters: {} }],
            conditionGroups: [{ operation: 'ALL', conditions: [{ ruleKey: 'system:restrict-from-all-users', parameters: { restrictMode: 'users' } }] }],
          },
        }),
      }),
    },
    {
      name: 'restrict issue transition to the service account’s accountId only (people cannot see it)',
      site: restrictedSite(restrictTo({ accountIds: SA_ID })),
      evidence: { workflows: [{ details: { botTransitions: [{ id: '11', hiddenFromPeople: true, blocksApi: false }, { id: '21' }, { id: '31' }] } }] },
    },
    {
      name: 'restrict issue transition to a group whose only active member is the service account',
      site: restrictedSite(restrictTo({ groupIds: BOTS })),
    },
    {
      name: 'restrict issue transition to the service account and a group of only it, ids as a JSON array',
      site: restrictedSite(restrictTo({ accountIds: `["${SA_ID}"]`, groupIds: `["${BOTS}"]` })),
    },
    {
      name: 'a group of only the service account OR-ed with restrict-from-all-users: nobody but the bot either way',
      site: restrictedSite({
        operation: 'ANY',
        conditions: [
          { ruleKey: 'system:restrict-issue-transition', parameters: { groupIds: BOTS } },
          { ruleKey: 'system:restrict-from-all-users', parameters: { restrictMode: 'users' } },
        ],
      } as never),
    },
    {
      name: 'a workflow with nothing to restrict beside one that holds: holds',
      site: workflowSite({ extraWorkflows: { 'Access Workflow': ok(workflowData(drop('11', '21', '31')(readyTransitions()))) } }),
      project: twoWorkflowProject(),
      summary: 'The bot’s transitions are hidden from people',
      evidence: { byIssueType: { '10001': 'holds', '10002': 'not_applicable' } },
    },
  ],
  invalid: [
    ...commonInvalidCases(),
    {
      name: 'a bot transition without any condition (optional → warn)',
      verdict: 'violated',
      site: workflowSite({ transitions: patch('21', { conditions: null }) }),
      summary: '“In progress (bot)” (21) → In Progress is visible to people',
      remediationText: 'Restrict transition',
    },
    {
      name: 'the API-only condition OR-ed with another one does not hide it',
      verdict: 'violated',
      site: workflowSite({
        transitions: patch('11', {
          conditions: {
            operation: 'ANY',
            conditions: [
              { ruleKey: 'system:restrict-from-all-users', parameters: { restrictMode: 'users' } },
              { ruleKey: 'system:restrict-issue-transition', parameters: { roleIds: '10002' } },
            ],
          },
        }),
      }),
      summary: 'visible to people',
    },
    {
      name: 'restricted from users AND the API: the bot cannot use it either',
      verdict: 'violated',
      site: workflowSite({ transitions: patch('31', { conditions: { conditions: [{ ruleKey: 'system:restrict-from-all-users', parameters: { restrictMode: 'usersAndAPI' } }] } }) }),
      summary: 'restricted from the API too',
      evidence: { workflows: [{ details: { botTransitions: [{ id: '11' }, { id: '21' }, { id: '31', blocksApi: true }] } }] },
    },
    {
      name: 'restrict issue transition to a group agents belong to: visible to them',
      verdict: 'violated',
      site: restrictedSite(restrictTo({ groupIds: AGENTS })),
      summary: '“Resolve (bot)” (11) → Resolved is visible to people',
      evidence: { workflows: [{ details: { botTransitions: [{ id: '11', hiddenFromPeople: false }, { id: '21' }, { id: '31' }] } }] },
    },
    {
      name: 'restrict issue transition to a role: agents hold roles, so it is visible to them',
      verdict: 'violated',
      site: restrictedSite(restrictTo({ roleIds: '10101' })),
      summary: 'is visible to people',
    },
    {
      name: 'restrict issue transition to the service account and a role: the role lets agents through',
      verdict: 'violated',
      site: restrictedSite(restrictTo({ accountIds: SA_ID, roleIds: '10101' })),
      summary: 'is visible to people',
    },
    {
      name: 'restrict issue transition to a permission: visible to whoever holds it',
      verdict: 'violated',
      site: restrictedSite(restrictTo({ accountIds: SA_ID, permissionKeys: 'TRANSITION_ISSUES' })),
      summary: 'is visible to people',
    },
    {
      name: 'restrict issue transition to the service account and an agent',
      verdict: 'violated',
      site: restrictedSite(restrictTo({ accountIds: `${SA_ID},${AGENT}` })),
      summary: 'is visible to people',
    },
    {
      name: 'restrict issue transition to the assignee: agents are assignees',
      verdict: 'violated',
      site: restrictedSite(restrictTo({ accountIds: `${SA_ID},allow-assignee` })),
      summary: 'is visible to people',
    },
    {
      name: 'restrict issue transition to an empty group: the bot cannot use it either',
      verdict: 'violated',
      site: restrictedSite(restrictTo({ groupIds: EMPTY })),
      summary: 'the bot cannot use it',
      evidence: { workflows: [{ details: { botTransitions: [{ id: '11', hiddenFromPeople: true, blocksApi: true }, { id: '21' }, { id: '31' }] } }] },
    },
    {
      name: 'restrict issue transition to a group that could not be read: error, never pass',
      verdict: 'undecided',
      site: restrictedSite(restrictTo({ groupIds: BOTS }), { [BOTS]: failed('forbidden', 'GET /rest/api/3/group/member', 403, 'You do not have the permission to view the members of this group.') }),
      summary: ['“Resolve (bot)” (11)', BOTS, 'permission to view the members'],
      remediationText: 'Browse users and groups',
      evidence: { workflows: [{ verdict: 'undecided', details: { botTransitions: [{ id: '11', hiddenFromPeople: null }, { id: '21' }, { id: '31' }] } }] },
    },
    {
      name: 'restrict issue transition to a group that was not read in this run: error',
      verdict: 'undecided',
      site: restrictedSite(restrictTo({ groupIds: BOTS }), {}),
      summary: ['“Resolve (bot)” (11)', BOTS, 'not read'],
    },
    {
      name: 'restrict issue transition to accountIds while the service account is unknown: error',
      verdict: 'undecided',
      site: { ...restrictedSite(restrictTo({ accountIds: SA_ID })), serviceAccount: failed('server', 'GET /rest/api/3/user', 500) },
      summary: ['“Resolve (bot)” (11)', 'service account'],
    },
    {
      name: 'an unreadable group next to a role: the role already lets agents through',
      verdict: 'violated',
      site: restrictedSite(restrictTo({ groupIds: BOTS, roleIds: '10101' }), {}),
      summary: 'is visible to people',
    },
    {
      name: 'hidden from people, but an unreadable group in the same ALL group may keep the bot out too: error',
      verdict: 'undecided',
      summary: ['could not tell', 'gone'],
      evidence: { workflows: [{ details: { botTransitions: [{ id: '11', hiddenFromPeople: true, blocksApi: null }, { id: '21' }, { id: '31' }] } }] },
      site: restrictedSite(
        {
          operation: 'ALL',
          conditions: [
            { ruleKey: 'system:restrict-from-all-users', parameters: { restrictMode: 'users' } },
            { ruleKey: 'system:restrict-issue-transition', parameters: { groupIds: 'gone' } },
          ],
        } as never,
        { gone: failed('not_found', 'GET /rest/api/3/group/member', 404) },
      ),
    },
    {
      name: 'no global bot transition at all: nothing to restrict',
      verdict: 'not_applicable',
      site: workflowSite({ transitions: drop('11', '21', '31') }),
      summary: 'no global transition for the bot',
    },
    {
      name: 'team-managed project with a visible bot transition',
      verdict: 'violated',
      project: { style: 'team-managed' },
      site: workflowSite({ transitions: patch('11', { conditions: null }) }),
    },
  ],
});
