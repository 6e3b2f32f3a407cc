import { describeCheck } from '../testing/table';
import { BASE_URL, ok, status } from '../testing/snapshot-builder';
import { wfStatusBuckets } from './wf-status-buckets';
import { commonInvalidCases, commonValidCases, twoWorkflowProject } from './testing/common-cases';
import { STATUSES, WORKFLOW, workflowData, workflowSite } from './testing/workflow-builder';

const { open, inProgress, waiting, resolved } = STATUSES;
const workflowUrl = `${BASE_URL}/secure/admin/workflows/ViewWorkflowSteps.jspa?workflowMode=live&workflowName=IT%20Support%20Workflow`;

describeCheck(wfStatusBuckets, {
  valid: [
    ...commonValidCases(),
    {
      name: 'evidence is the status → bucket table',
      site: workflowSite(),
      evidence: {
        workflows: [
          {
            workflow: WORKFLOW,
            details: {
              statuses: [
                { id: '1', name: 'Open', category: 'TODO', bucket: 'new', source: 'category' },
                { id: '3', name: 'In Progress', category: 'IN_PROGRESS', bucket: 'in_progress', source: 'category' },
                { id: '10002', name: 'Waiting for customer', category: 'IN_PROGRESS', bucket: 'waiting', source: 'category' },
                { id: '5', name: 'Resolved', category: 'DONE', bucket: 'resolved', source: 'category' },
              ],
              missingBuckets: [],
            },
          },
        ],
      },
    },
    {
      name: 'a "Pending" status fills Waiting for User',
      site: workflowSite({ statuses: [open, inProgress, status('10003', 'Pending', 'IN_PROGRESS'), resolved] }),
    },
    {
      name: 'an admin override by status id fills the missing Waiting bucket',
      site: workflowSite({ statuses: [open, inProgress, status('10004', 'Blocked', 'IN_PROGRESS'), resolved] }),
      settings: { statusBucketOverrides: { '10004': 'waiting' } },
    },
    {
      name: 'an admin override by exact name gives an uncategorised status a bucket',
      site: workflowSite({ statuses: [open, inProgress, waiting, resolved, { id: '77', name: 'Limbo', statusReference: '77' }] }),
      settings: { statusBucketOverrides: { Limbo: 'in_progress' } },
    },
  ],
  invalid: [
    ...commonInvalidCases(),
    {
      name: 'no Done status: Resolved / Closed is missing (required)',
      verdict: 'violated',
      site: workflowSite({ statuses: [open, inProgress, waiting] }),
      summary: [WORKFLOW, 'no Resolved / Closed status'],
      remediationUrls: [workflowUrl],
      evidence: { workflows: [{ verdict: 'violated', details: { missingBuckets: ['resolved'] } }] },
    },
    {
      name: 'every To Do status overridden away: New / Reopened is missing (required)',
      verdict: 'violated',
      site: workflowSite(),
      settings: { statusBucketOverrides: { Open: 'in_progress' } },
      summary: 'no New / Reopened status',
    },
    {
      name: 'only Waiting for User is missing: recommended',
      verdict: 'violated',
      site: workflowSite({ statuses: [open, inProgress, resolved, status('10005', 'Waiting for support', 'IN_PROGRESS')] }),
      summary: 'no Waiting for User status',
      severity: 'recommended',
    },
    {
      name: 'a status with no category cannot be bucketed (required)',
      verdict: 'violated',
      site: workflowSite({ statuses: [open, inProgress, waiting, resolved, { id: '77', name: 'Limbo', statusReference: '77' }] }),
      summary: '“Limbo” has no known status category',
      evidence: { workflows: [{ details: { unbucketed: ['Limbo'] } }] },
    },
    {
      name: 'an override naming no real bucket is ignored',
      verdict: 'violated',
      site: workflowSite({ statuses: [open, inProgress, resolved] }),
      settings: { statusBucketOverrides: { '3': 'bogus' as never } },
      summary: 'no Waiting for User status',
      severity: 'recommended',
    },
    {
      name: 'worst over workflows: one ready, one missing Resolved',
      verdict: 'violated',
      site: workflowSite({ extraWorkflows: { 'Access Workflow': ok(workflowData(undefined, [open, inProgress, waiting])) } }),
      project: twoWorkflowProject(),
      summary: ['1 of 2 workflows', '“Access Workflow”: no Resolved / Closed status'],
      evidence: { byIssueType: { '10001': 'holds', '10002': 'violated' } },
    },
    {
      name: 'severity is the highest over violated workflows',
      verdict: 'violated',
      site: workflowSite({
        statuses: [open, inProgress, resolved],
        extraWorkflows: { 'Access Workflow': ok(workflowData(undefined, [open, inProgress, waiting])) },
      }),
      project: twoWorkflowProject(),
      summary: '2 of 2 workflows',
    },
  ],
});
