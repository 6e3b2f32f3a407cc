import type { CheckResult } from '../../shared/report-model';
import { parityDeskOf, parityDesksOf, type ParityReportInput } from './parity-desk';

const check = (id: string, status: CheckResult['status'], evidence?: unknown): CheckResult => ({
  id,
  group: 'workflows',
  status,
  severity: 'required',
  title: id,
  summary: `${id} summary`,
  remediation: [],
  ...(evidence !== undefined ? { evidence } : {}),
});

/** WF-EXPORT's evidence as reports recorded it before the bot's transitions had names and the Resolve screens were kept. */
const olderEvidence = {
  project: { key: 'IT' },
  unreadable: [{ workflow: 'Access Workflow', issueTypes: [{ id: '10002', name: 'Access' }], reason: 'Jira denied permission (403)' }],
  workflows: [
    {
      name: 'IT Support Workflow',
      issueTypes: [{ id: '10001', name: 'IT Help' }],
      statuses: [{ id: '5', name: 'Resolved', category: 'DONE', bucket: 'resolved', bucketLabel: 'Resolved / Closed' }],
      transitions: [{ id: '11', name: 'Resolve (bot)', type: 'GLOBAL', from: 'any', to: 'Resolved', toBucket: 'resolved' }],
      bot: { resolve: { global: true, transitionIds: ['11'] }, inProgress: { global: false, transitionIds: [] }, reopen: { global: false, transitionIds: [] } },
    },
  ],
};

const report = (projectChecks: CheckResult[]): ParityReportInput => ({
  generatedAt: '2026-11-28T09:00:00.000Z',
  site: { baseUrl: 'https://acme.atlassian.net' },
  checks: [check('SA-EXISTS', 'pass')],
  projects: [{ key: 'IT', name: 'IT Service Desk', checks: projectChecks }],
});

describe('parityDeskOf', () => {
  it('reads an older report: transition names from the workflow’s own list, the Resolve screen as not recorded, gaps named', () => {
    const desk = parityDeskOf(report([check('WF-EXPORT', 'error', olderEvidence), check('PARITY-CONFIG', 'warn')]), 'IT')!;
    expect(desk.workflows![0].bot.resolve).toEqual({ present: true, global: true, transitions: [{ id: '11', name: 'Resolve (bot)', to: 'Resolved' }] });
    expect(desk.workflows![0].resolveFields).toBeNull();
    expect(desk.workflows![0].resolveFieldsNote).toMatch(/does not record/);
    expect(desk.unreadable).toEqual(['Access Workflow (Access): Jira denied permission (403)']);
    // Site and desk checks, PARITY-CONFIG itself left out.
    expect(Object.keys(desk.checks).sort()).toEqual(['SA-EXISTS', 'WF-EXPORT']);
  });

  it('knows no workflows when WF-EXPORT could not read them, and none to compare when no issue type is in scope', () => {
    expect(parityDeskOf(report([check('WF-EXPORT', 'error', { error: { kind: 'forbidden' } })]), 'IT')).toMatchObject({ workflows: null, workflowsNote: 'its workflows could not be read: WF-EXPORT summary' });
    expect(parityDeskOf(report([check('WF-EXPORT', 'not_applicable')]), 'IT')).toMatchObject({ workflows: [] });
    expect(parityDeskOf(report([]), 'IT')).toMatchObject({ workflows: null, workflowsNote: expect.stringContaining('WF-EXPORT was not part') });
  });

  it('answers null for a desk the report does not have, and reads every desk of a report', () => {
    expect(parityDeskOf(report([]), 'HR')).toBeNull();
    expect(parityDesksOf(report([])).map((d) => d.key)).toEqual(['IT']);
  });
});
