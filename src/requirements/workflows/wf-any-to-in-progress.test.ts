import { describeCheck } from '../testing/table';
import { wfAnyToInProgress } from './wf-any-to-in-progress';
import { commonInvalidCases, commonValidCases } from './testing/common-cases';
import { drop, patch, STATUSES, workflowSite } from './testing/workflow-builder';

const { open, waiting, resolved } = STATUSES;

describeCheck(wfAnyToInProgress, {
  valid: [
    ...commonValidCases(),
    { name: 'names the global In Progress transition', site: workflowSite(), evidence: { workflows: [{ details: { globalTransitions: [{ id: '21', to: 'In Progress' }] } }] } },
  ],
  invalid: [
    ...commonInvalidCases(),
    {
      name: 'no global transition into In Progress (recommended → warn)',
      verdict: 'violated',
      site: workflowSite({ transitions: drop('21') }),
      summary: 'no global transition to an In Progress status',
      evidence: { workflows: [{ details: { otherTransitionsInto: [{ id: '51', from: ['Waiting for customer'] }] } }] },
    },
    {
      name: 'a global transition into a waiting status does not count as In Progress',
      verdict: 'violated',
      site: workflowSite({ transitions: patch('21', { toStatusReference: '10002' }) }),
    },
    {
      name: 'no In Progress status at all',
      verdict: 'violated',
      site: workflowSite({ statuses: [open, waiting, resolved], transitions: drop('21', '51') }),
      summary: 'no In Progress status at all',
    },
    {
      name: 'team-managed project without it',
      verdict: 'violated',
      project: { style: 'team-managed' },
      site: workflowSite({ transitions: drop('21') }),
    },
  ],
});
