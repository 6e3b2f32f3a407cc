import { judge } from './judge';
import { ok, project, settings, site } from '../requirements/testing/snapshot-builder';
import { patch, readyTransitions, workflowData, workflowSite } from '../requirements/workflows/testing/workflow-builder';
import { parityDesksOf } from '../requirements/parity/parity-desk';
import type { ParityComparison } from '../shared/parity-model';
import type { JiraWorkflowTransition } from '../gather/snapshot';
import type { Report } from '../shared/report-model';
import { renderReportHtml } from '../report/html';
import { composeReportEmail } from '../email/compose';
import { status } from '../requirements/testing/snapshot-builder';

const TEST_WORKFLOW = 'IT Support Workflow (Test)';
const now = new Date('2026-11-28T09:05:00.000Z');

/** ITSD on the ready workflow; ITSDTEST on a copy of it, changed by `edit`. */
function pairedSite(edit: (t: JiraWorkflowTransition[]) => JiraWorkflowTransition[] = (t) => t) {
  const base = workflowSite();
  const testData = workflowData(edit(readyTransitions()));
  return site({
    ...base,
    workflows: { ...base.workflows, [TEST_WORKFLOW]: ok({ ...testData, workflow: { ...testData.workflow, name: TEST_WORKFLOW } }) },
    projects: [
      project({ key: 'ITSD', id: '10000', name: 'IT Service Desk' }),
      project({ key: 'ITSDTEST', id: '10004', name: 'IT Service Desk (Test)', serviceDeskId: '4', workflowByIssueType: ok({ '10001': TEST_WORKFLOW }) }),
    ],
  });
}

const paired = settings({ parityPairs: [{ production: 'ITSD', nonProduction: 'ITSDTEST' }] });
const parityOf = (report: Report, key: string) => report.projects.find((p) => p.key === key)!.checks.find((c) => c.id === 'PARITY-CONFIG')!;

describe('PARITY-CONFIG in a run', () => {
  it('passes when the desk matches its non-production desk judged in the same run; the test desk itself is not applicable', () => {
    const report = judge(pairedSite(), paired, { now });
    expect(parityOf(report, 'ITSD')).toMatchObject({ status: 'pass', severity: 'recommended', summary: expect.stringMatching(/^Matches ITSDTEST/) });
    expect(parityOf(report, 'ITSDTEST')).toMatchObject({ status: 'not_applicable', summary: expect.stringContaining('non-production desk of ITSD') });
  });

  it('warns with the difference when the Resolve transition id differs, and counts in the desk’s score like any recommended check', () => {
    const report = judge(pairedSite(patch('11', { id: '12' })), paired, { now });
    const result = parityOf(report, 'ITSD');
    expect(result.status).toBe('warn');
    expect(result.summary).toMatch(/from ITSDTEST: Resolve transition id in IT Support Workflow ↔ IT Support Workflow \(Test\)/);
    const comparison = (result.evidence as { comparison: ParityComparison }).comparison;
    expect(comparison.items[0]).toMatchObject({ subject: 'Resolve transition id', production: '11', nonProduction: '12', fixOn: 'production' });
    expect(report.projects.find((p) => p.key === 'ITSD')!.score.counts.warn).toBeGreaterThanOrEqual(1);
  });

  it('is error when the paired desk was not in the run', () => {
    const report = judge(site({ ...workflowSite(), projects: [project({ key: 'ITSD' })] }), paired, { now });
    expect(parityOf(report, 'ITSD')).toMatchObject({ status: 'error', summary: 'Could not compare with ITSDTEST: ITSDTEST was not checked in this run (is it a service desk the app can see?)' });
  });

  it('reports only the desks asked for, after comparing with the counterpart read beside them', () => {
    const report = judge(pairedSite(), paired, { now, keepProjects: ['ITSD'] });
    expect(report.projects.map((p) => p.key)).toEqual(['ITSD']);
    expect(parityOf(report, 'ITSD').status).toBe('pass');
  });

  it('compares with a desk of an imported report', () => {
    const sandbox = judge(pairedSite(patch('21', { id: '22' })), settings(), { now });
    const imported = parityDesksOf({ ...sandbox, site: { baseUrl: 'https://acme-sandbox.atlassian.net' } });
    const report = judge(site({ ...workflowSite(), projects: [project({ key: 'ITSD' })] }), settings({ parityPairs: [{ production: 'ITSD', nonProduction: 'ITSDTEST', source: 'imported' }] }), {
      now,
      parityImported: imported,
    });
    const result = parityOf(report, 'ITSD');
    expect(result.status).toBe('warn');
    expect(result.summary).toMatch(/^1 difference from ITSDTEST \(imported report\): In Progress transition id/);
  });

  it('without an imported report, an imported pair is error saying so', () => {
    const report = judge(site({ ...workflowSite(), projects: [project({ key: 'ITSD' })] }), settings({ parityPairs: [{ production: 'ITSD', nonProduction: 'ITSDTEST', source: 'imported' }] }), { now });
    expect(parityOf(report, 'ITSD')).toMatchObject({ status: 'error', summary: expect.stringContaining('no non-production report is imported') });
  });


  it('escapes hostile names of the comparison in the HTML export and the e-mail', () => {
    const hostile = '<script>alert("x")</script>';
    const base = pairedSite(patch('11', { id: '12' }));
    const testEntry = base.workflows['IT Support Workflow (Test)'];
    if (!testEntry?.ok) throw new Error('the test workflow is missing');
    const statuses = testEntry.value.statuses.map((s) => (s.id === '3' ? status('3', hostile, 'IN_PROGRESS') : s));
    const snapshot = { ...base, workflows: { ...base.workflows, 'IT Support Workflow (Test)': ok({ ...testEntry.value, statuses }) } };
    const report = judge(snapshot, paired, { now });
    expect(parityOf(report, 'ITSD').summary).toContain(hostile);
    for (const html of [renderReportHtml(report, { mode: 'export' }), composeReportEmail(report, null).htmlBody]) {
      expect(html).not.toContain('<script>');
      expect(html).not.toContain(hostile);
    }
    expect(renderReportHtml(report, { mode: 'export' })).toContain('&lt;script&gt;');
  });
});
