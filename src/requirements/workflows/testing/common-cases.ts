/**
 * Cases every workflow check owes, whatever it judges: the ready workflow holds
 * (company- and team-managed), and every way a workflow can fail to be judged is
 * `undecided` naming it and the reason, or `not_applicable` with the reason. The
 * project, its request types and its workflow mapping failing are the check
 * runner's answer (the same for every check); one workflow failing among others is
 * the fold's.
 */
import type { CheckCase, InvalidCheckCase } from '../../testing/table';
import { BASE_URL, failed, ok } from '../../testing/snapshot-builder';
import { WORKFLOW, workflowData, workflowSite } from './workflow-builder';

const TEAM_MANAGED_WORKFLOWS = `${BASE_URL}/jira/servicedesk/projects/IT/settings/issuetypes`;

export function commonValidCases(): CheckCase[] {
  return [
    { name: 'the ready workflow', site: workflowSite(), evidence: { workflows: [{ workflow: WORKFLOW, verdict: 'holds', issueTypes: [{ id: '10001' }] }] } },
    { name: 'a team-managed project whose workflow data is present', site: workflowSite(), project: { style: 'team-managed' } },
    {
      name: 'two issue types sharing one workflow are judged once',
      site: workflowSite(),
      project: { issueTypes: [{ id: '10001', name: 'IT Help' }, { id: '10002', name: 'Access' }], workflowByIssueType: ok({ '10001': WORKFLOW, '10002': WORKFLOW }) },
      evidence: { workflows: [{ workflow: WORKFLOW, issueTypes: [{ id: '10001' }, { id: '10002' }] }], byIssueType: { '10001': 'holds', '10002': 'holds' } },
    },
  ];
}

export function commonInvalidCases(severityOverride?: CheckCase['severity']): InvalidCheckCase[] {
  const s = severityOverride !== undefined ? { severity: severityOverride } : {};
  return [
    {
      name: 'the workflow read failed (403)',
      verdict: 'undecided',
      site: workflowSite({ entry: failed('forbidden', 'POST /rest/api/3/workflows', 403, 'You do not have permission') }),
      summary: [WORKFLOW, 'could not be read', 'You do not have permission', '403'],
      evidence: { workflows: [{ workflow: WORKFLOW, verdict: 'undecided' }] },
      ...s,
    },
    {
      name: 'the workflow was never read',
      verdict: 'undecided',
      site: { workflows: {}, screens: {} },
      summary: [WORKFLOW, 'not read'],
      ...s,
    },
    {
      name: 'the issue type → workflow mapping failed',
      verdict: 'undecided',
      site: workflowSite(),
      project: { workflowByIssueType: failed('forbidden', 'GET /rest/api/3/workflowscheme/project', 403) },
      summary: ['which workflow', '403'],
      ...s,
    },
    {
      name: 'an in-scope issue type has no workflow mapped',
      verdict: 'undecided',
      site: workflowSite(),
      project: { issueTypes: [{ id: '10001', name: 'IT Help' }, { id: '10009', name: 'Laptop request' }] },
      summary: [/no workflow found/i, 'Laptop request'],
      evidence: { byIssueType: { '10001': 'holds', '10009': 'undecided' } },
      ...s,
    },
    {
      name: 'a team-managed project whose workflows could not be read',
      verdict: 'undecided',
      project: { style: 'team-managed', workflowByIssueType: failed('not_found', 'POST /rest/api/3/workflows', 404) },
      summary: ['which workflow', 'POST /rest/api/3/workflows', '404'],
      remediationText: 'team-managed',
      ...s,
    },
    {
      name: 'a team-managed project whose workflow read failed',
      verdict: 'undecided',
      project: { style: 'team-managed' },
      site: workflowSite({ entry: failed('server', 'POST /rest/api/3/workflows', 500) }),
      summary: ['team-managed', '500'],
      remediationUrls: [TEAM_MANAGED_WORKFLOWS],
      ...s,
    },
    {
      name: 'a failed workflow next to a good one is still undecided, never holds',
      verdict: 'undecided',
      site: workflowSite({ extraWorkflows: { 'Access Workflow': failed('rate_limited', 'POST /rest/api/3/workflows', 429) } }),
      project: { issueTypes: [{ id: '10001', name: 'IT Help' }, { id: '10002', name: 'Access' }], workflowByIssueType: ok({ '10001': WORKFLOW, '10002': 'Access Workflow' }) },
      summary: ['1 of 2 workflows', 'Access Workflow', '429'],
      ...s,
    },
    {
      name: 'no request types, so no issue types in scope',
      verdict: 'not_applicable',
      site: workflowSite(),
      project: { requestTypes: ok([]), issueTypes: [], workflowByIssueType: ok({}) },
      summary: 'no request types',
      ...s,
    },
    {
      name: 'request types could not be read',
      verdict: 'undecided',
      site: workflowSite(),
      project: { requestTypes: failed('forbidden', 'GET /rest/servicedeskapi/servicedesk/{id}/requesttype', 403), issueTypes: [], workflowByIssueType: ok({}) },
      summary: ['request types', '403'],
      ...s,
    },
    {
      name: 'the project itself could not be read',
      verdict: 'undecided',
      site: workflowSite(),
      project: { unavailable: { kind: 'not_found', status: 404, endpoint: 'GET /rest/api/3/project/{key}', message: 'No project could be found' } },
      summary: ['Could not read project IT', '404'],
      ...s,
    },
  ];
}

/** A second, different workflow beside the ready one, for "worst over workflows" cases. */
export function twoWorkflowProject() {
  return {
    issueTypes: [{ id: '10001', name: 'IT Help' }, { id: '10002', name: 'Access' }],
    workflowByIssueType: ok({ '10001': WORKFLOW, '10002': 'Access Workflow' }),
  };
}

export { workflowData };
