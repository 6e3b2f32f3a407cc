import { describeCheck } from '../testing/table';
import { wfAnyToReopened } from './wf-any-to-reopened';
import { commonInvalidCases, commonValidCases } from './testing/common-cases';
import { drop, STATUSES, transition, workflowSite } from './testing/workflow-builder';

describeCheck(wfAnyToReopened, {
  valid: [
    ...commonValidCases(),
    {
      name: 'a global transition into a status overridden to New / Reopened',
      site: workflowSite({
        statuses: [...Object.values(STATUSES), { id: '10010', name: 'Reopened', statusCategory: 'IN_PROGRESS', statusReference: '10010' }],
        transitions: (ts) => [...drop('31')(ts), transition({ id: '71', name: 'Reopen', type: 'GLOBAL', toStatusReference: '10010' })],
      }),
      settings: { statusBucketOverrides: { '10010': 'new' } },
      evidence: { workflows: [{ details: { globalTransitions: [{ id: '71', to: 'Reopened', toBucket: 'new' }] } }] },
    },
  ],
  invalid: [
    ...commonInvalidCases(),
    {
      name: 'only the initial (create) transition goes into Open',
      verdict: 'violated',
      site: workflowSite({ transitions: drop('31') }),
      summary: 'no global transition to a New / Reopened status',
      evidence: { workflows: [{ details: { globalTransitions: [], otherTransitionsInto: [] } }] },
    },
    {
      name: 'a directed Reopen from Resolved is not global',
      verdict: 'violated',
      site: workflowSite({
        transitions: (ts) => [...drop('31')(ts), transition({ id: '81', name: 'Reopen', type: 'DIRECTED', toStatusReference: '1', links: [{ fromStatusReference: '5' }] })],
      }),
      evidence: { workflows: [{ details: { otherTransitionsInto: [{ id: '81', from: ['Resolved'] }] } }] },
    },
    {
      name: 'team-managed project without it',
      verdict: 'violated',
      project: { style: 'team-managed' },
      site: workflowSite({ transitions: drop('31') }),
    },
  ],
});
