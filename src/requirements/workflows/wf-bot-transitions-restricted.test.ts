import { describeCheck } from '../testing/table';
import { wfBotTransitionsRestricted } from './wf-bot-transitions-restricted';
import { ok } from '../testing/snapshot-builder';
import { commonInvalidCases, commonValidCases, twoWorkflowProject } from './testing/common-cases';
import { drop, edits, patch, readyTransitions, workflowData, workflowSite } from './testing/workflow-builder';

const legacyHide = (ruleKey: string) => ({ operation: 'ALL' as const, conditions: [{ ruleKey, parameters: {} }] });

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
