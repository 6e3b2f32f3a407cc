import { describeCheck } from '../testing/table';
import { ok } from '../testing/snapshot-builder';
import { anyToResolvedSeverity, wfAnyToResolved } from './wf-any-to-resolved';
import { commonInvalidCases, commonValidCases, twoWorkflowProject } from './testing/common-cases';
import { drop, patch, readyTransitions, STATUSES, transition, workflowData, workflowSite } from './testing/workflow-builder';

const { open, inProgress, waiting } = STATUSES;

describeCheck(wfAnyToResolved, {
  valid: [
    ...commonValidCases(),
    {
      name: 'the global transition is named in the evidence',
      site: workflowSite(),
      summary: 'global transition to Resolved / Closed',
      evidence: { workflows: [{ details: { globalTransitions: [{ id: '11', name: 'Resolve (bot)', from: 'any', to: 'Resolved', toBucket: 'resolved' }] } }] },
    },
    {
      name: 'a global transition into a status overridden to the Resolved bucket',
      site: workflowSite({ transitions: patch('11', { toStatusReference: '3' }) }),
      settings: { statusBucketOverrides: { 'In Progress': 'resolved' } },
    },
    {
      name: 'no resolving skill enabled: severity lowers to recommended even when it holds',
      site: workflowSite(),
      settings: { skills: [] },
      severity: 'recommended',
    },
  ],
  invalid: [
    ...commonInvalidCases(),
    {
      name: 'only a directed transition into Resolved (resolving skills on: required → fail)',
      verdict: 'violated',
      site: workflowSite({
        transitions: (ts) => [...drop('11')(ts), transition({ id: '61', name: 'Resolve', type: 'DIRECTED', toStatusReference: '5', links: [{ fromStatusReference: '3' }] })],
      }),
      summary: ['IT Support Workflow', 'no global transition to a Resolved / Closed status', '“Resolved”'],
      evidence: { workflows: [{ details: { globalTransitions: [], otherTransitionsInto: [{ id: '61', from: ['In Progress'] }] } }] },
      remediationText: 'Allow all statuses to transition to this one',
    },
    {
      name: 'no resolving skill: missing transition is only recommended',
      verdict: 'violated',
      site: workflowSite({ transitions: drop('11') }),
      settings: { skills: [] },
      severity: 'recommended',
    },
    {
      name: 'only Ticket Interception enabled still makes it required',
      verdict: 'violated',
      site: workflowSite({ transitions: drop('11') }),
      settings: { skills: ['ticket-interception'] },
    },
    {
      name: 'no Done status at all',
      verdict: 'violated',
      site: workflowSite({ statuses: [open, inProgress, waiting] }),
      summary: 'no Resolved / Closed status at all',
    },
    {
      name: 'worst over workflows',
      verdict: 'violated',
      site: workflowSite({ extraWorkflows: { 'Access Workflow': ok(workflowData(drop('11')(readyTransitions()))) } }),
      project: twoWorkflowProject(),
      summary: ['1 of 2 workflows', 'Access Workflow'],
      evidence: { byIssueType: { '10001': 'holds', '10002': 'violated' } },
    },
    {
      name: 'team-managed project without the transition',
      verdict: 'violated',
      site: workflowSite({ transitions: drop('11') }),
      project: { style: 'team-managed' },
      remediationUrls: ['https://acme.atlassian.net/jira/servicedesk/projects/IT/settings/issuetypes'],
    },
  ],
});

describe('anyToResolvedSeverity', () => {
  it.each([
    [undefined, 'required'],
    [[], 'recommended'],
    [['software-access'], 'required'],
    [['group-access'], 'required'],
    [['ticket-interception'], 'required'],
  ] as const)('skills %j → %s', (skills, expected) => {
    expect(anyToResolvedSeverity(skills as never)).toBe(expected);
  });
});
