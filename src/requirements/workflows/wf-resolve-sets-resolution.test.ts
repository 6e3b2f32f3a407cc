import { describeCheck } from '../testing/table';
import { failed, ok } from '../testing/snapshot-builder';
import { wfResolveSetsResolution } from './wf-resolve-sets-resolution';
import { commonInvalidCases, commonValidCases } from './testing/common-cases';
import { drop, edits, patch, RESOLVE_SCREEN, screen, workflowSite } from './testing/workflow-builder';

const noPostFunction = patch('11', { actions: [] });
const screenWithout = { [RESOLVE_SCREEN]: ok(screen(RESOLVE_SCREEN, ['assignee'])) };

describeCheck(wfResolveSetsResolution, {
  valid: [
    ...commonValidCases(),
    {
      name: 'system:update-field sets Resolution',
      site: workflowSite({ screens: screenWithout }),
      evidence: { workflows: [{ details: { resolveTransitions: [{ id: '11', setBy: 'post function' }] } }] },
    },
    {
      name: 'legacy UpdateIssueFieldFunction sets Resolution',
      site: workflowSite({
        transitions: patch('11', { actions: [{ ruleKey: 'UpdateIssueFieldFunction', parameters: { 'field.name': 'resolution', 'field.value': '10000' } }] }),
        screens: screenWithout,
      }),
    },
    {
      name: 'fully qualified legacy UpdateIssueFieldFunction sets Resolution',
      site: workflowSite({
        transitions: patch('11', {
          actions: [{ ruleKey: 'com.atlassian.jira.workflow.function.issue.UpdateIssueFieldFunction', parameters: { 'field.name': 'resolution', 'field.value': '10000' } }],
        }),
        screens: screenWithout,
      }),
    },
    {
      name: 'no post function but Resolution is on the screen',
      site: workflowSite({ transitions: noPostFunction }),
      evidence: { workflows: [{ details: { resolveTransitions: [{ id: '11', setBy: 'screen' }] } }] },
    },
  ],
  invalid: [
    ...commonInvalidCases(),
    {
      name: 'neither post function nor screen (optional → warn)',
      verdict: 'violated',
      site: workflowSite({ transitions: noPostFunction, screens: screenWithout }),
      summary: 'sets no Resolution',
      remediationText: 'Update Issue Field',
    },
    {
      name: 'neither post function nor screen: the screen named as admins know it',
      verdict: 'violated',
      site: workflowSite({ transitions: noPostFunction, screens: { [RESOLVE_SCREEN]: ok(screen(RESOLVE_SCREEN, ['assignee'], 'IT: Resolve Issue Screen')) } }),
      summary: 'sets no Resolution (no post function, not on screen “IT: Resolve Issue Screen”)',
      evidence: { workflows: [{ details: { resolveTransitions: [{ id: '11', setBy: null, screen: { id: '10', name: 'IT: Resolve Issue Screen' } }] } }] },
    },
    {
      name: 'a post function that updates another field does not count',
      verdict: 'violated',
      site: workflowSite({
        transitions: patch('11', { actions: [{ ruleKey: 'system:update-field', parameters: { field: 'customfield_10056', value: 'x', mode: 'replace' } }] }),
        screens: screenWithout,
      }),
    },
    {
      name: 'no post function and no screen',
      verdict: 'violated',
      site: workflowSite({ transitions: edits(noPostFunction, patch('11', { transitionScreen: null })) }),
      summary: 'no screen',
    },
    {
      name: 'no transition into Resolved',
      verdict: 'violated',
      site: workflowSite({ transitions: drop('11') }),
      summary: 'no transition into a Resolved / Closed status',
    },
    {
      name: 'no post function and the screen could not be read',
      verdict: 'undecided',
      site: workflowSite({ transitions: noPostFunction, screens: { [RESOLVE_SCREEN]: failed('forbidden', 'GET /rest/api/3/screens/{screenId}/tabs', 403) } }),
      summary: ['screen 10', '403'],
    },
    {
      name: 'team-managed project without it',
      verdict: 'violated',
      project: { style: 'team-managed' },
      site: workflowSite({ transitions: noPostFunction, screens: screenWithout }),
    },
  ],
});
