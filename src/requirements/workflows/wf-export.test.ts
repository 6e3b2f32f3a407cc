import { describeCheck, buildInput } from '../testing/table';
import { failed, ok } from '../testing/snapshot-builder';
import { buildHandoff, handoffComplete, wfExport } from './wf-export';
import { commonInvalidCases, commonValidCases, twoWorkflowProject } from './testing/common-cases';
import { drop, workflowSite } from './testing/workflow-builder';

describeCheck(wfExport, {
  valid: [
    // The export's evidence is the bundle, not the per-workflow verdicts the common cases look at.
    ...commonValidCases().map((c) => ({ ...c, evidence: undefined })),
    {
      name: 'the evidence is the hand-off bundle: statuses with buckets and the bot’s transition ids',
      site: workflowSite(),
      summary: 'Hand-off bundle ready: 1 workflow',
      evidence: {
        project: { key: 'IT', style: 'company-managed' },
        unreadable: [],
        workflows: [
          {
            name: 'IT Support Workflow',
            issueTypes: [{ id: '10001', name: 'IT Help' }],
            statuses: [
              { id: '1', name: 'Open', bucket: 'new', bucketLabel: 'New / Reopened' },
              { id: '3', name: 'In Progress', bucket: 'in_progress' },
              { id: '10002', name: 'Waiting for customer', bucket: 'waiting', bucketLabel: 'Waiting for User' },
              { id: '5', name: 'Resolved', bucket: 'resolved' },
            ],
            bot: {
              resolve: { global: true, transitionIds: ['11'] },
              inProgress: { global: true, transitionIds: ['21'] },
              reopen: { global: true, transitionIds: ['31'] },
            },
          },
        ],
      },
    },
    {
      name: 'a workflow with no bot transitions is still exported (the other checks judge it)',
      site: workflowSite({ transitions: drop('11', '21', '31') }),
      evidence: { workflows: [{ bot: { resolve: { global: false, transitionIds: [] }, reopen: { global: false, transitionIds: [] }, inProgress: { global: false, transitionIds: ['51'] } } }] },
    },
  ],
  invalid: [
    ...commonInvalidCases().map((c) => ({ ...c, evidence: undefined })),
    {
      name: 'the bundle names what could not be read',
      verdict: 'undecided',
      site: workflowSite({ extraWorkflows: { 'Access Workflow': failed('forbidden', 'POST /rest/api/3/workflows', 403) } }),
      project: twoWorkflowProject(),
      evidence: { workflows: [{ name: 'IT Support Workflow' }], unreadable: [{ workflow: 'Access Workflow', issueTypes: [{ id: '10002' }] }] },
      remediationText: 'export the workflow XML',
    },
    {
      // The hand-off bundle (src/report/handoff.ts) then shows the summary as the gap.
      name: 'the mapping failed: error naming the call and the reason',
      verdict: 'undecided',
      site: workflowSite(),
      project: { workflowByIssueType: failed('forbidden', 'GET /rest/api/3/workflowscheme/project', 403) },
      summary: ['which workflow each issue type', 'GET /rest/api/3/workflowscheme/project', '403'],
    },
    {
      name: 'the project could not be read: error saying so',
      verdict: 'undecided',
      site: workflowSite(),
      project: { unavailable: { kind: 'forbidden', status: 403, endpoint: 'GET /rest/api/3/project/{key}', message: 'Forbidden' } },
      summary: ['Could not read project IT', '403'],
    },
    {
      name: 'nothing in scope: an empty, complete bundle',
      verdict: 'not_applicable',
      site: workflowSite(),
      project: { requestTypes: ok([]), issueTypes: [], workflowByIssueType: ok({}) },
      evidence: { workflows: [], unreadable: [] },
    },
  ],
});

describe('buildHandoff', () => {
  it('is complete for the ready site and incomplete when the mapping failed', () => {
    const ready = buildInput({ name: 'ready', site: workflowSite() });
    expect(handoffComplete(buildHandoff(ready.snapshot, ready.settings, ready.project))).toBe(true);
    const broken = buildInput({ name: 'broken', site: workflowSite(), project: { workflowByIssueType: failed('forbidden', 'GET /rest/api/3/workflowscheme/project', 403) } });
    const handoff = buildHandoff(broken.snapshot, broken.settings, broken.project);
    expect(handoffComplete(handoff)).toBe(false);
    expect(handoff.unreadable).toEqual([{ workflow: null, issueTypes: [{ id: '10001', name: 'IT Help' }], reason: expect.stringContaining('403') }]);
  });

  it('applies the admin’s bucket overrides', () => {
    const input = buildInput({ name: 'override', site: workflowSite(), settings: { statusBucketOverrides: { '10002': 'in_progress' } } });
    const status = buildHandoff(input.snapshot, input.settings, input.project).workflows[0].statuses.find((s) => s.id === '10002');
    expect(status).toMatchObject({ bucket: 'in_progress', bucketSource: 'override' });
  });

  it('survives JSON (it is exported as a file)', () => {
    const input = buildInput({ name: 'json', site: workflowSite() });
    const handoff = buildHandoff(input.snapshot, input.settings, input.project);
    expect(JSON.parse(JSON.stringify(handoff))).toEqual(handoff);
  });
});
