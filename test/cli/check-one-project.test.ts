/**
 * `mw-readiness check --project HR`: one named desk is listed directly (project
 * search by key, then its desk), on the demo site whose desk ids (1, 2, 3) differ
 * from its project ids (10000+) as on every real site. The desk's customer and
 * workflow checks must be real verdicts, never `error` because the desk was asked
 * for by the wrong id.
 */
import { PROJECT_IDS } from '../../dev/simulator/sites/demo-workflows';
import type { Report } from '../../src/shared/report-model';
import { PROJECT_CHECKS } from '../../src/requirements/catalogue';
import { runCli } from './cli-harness';

jest.setTimeout(90_000);

const WORKFLOW_CHECK_IDS = PROJECT_CHECKS.filter((c) => c.meta.group === 'workflows').map((c) => c.meta.id);

it('checks only HR with --project HR, with real customer and workflow verdicts under its desk id', async () => {
  const result = await runCli(['check', '--demo', '--format', 'json', '--project', 'HR']);
  expect(result.code).toBe(1);
  const report = JSON.parse(result.stdout) as Report;
  expect(report.projects.map((p) => [p.key, p.id, p.serviceDeskId])).toEqual([['HR', PROJECT_IDS.HR, '2']]);
  const checks = report.projects[0]!.checks;
  const status = Object.fromEntries(checks.map((c) => [c.id, c.status]));
  const coverage = checks.find((c) => c.id === 'CUST-COVERAGE')!;
  expect([coverage.status, coverage.summary]).toEqual(['fail', expect.stringMatching(/^8 of 43 end users/)]);
  expect(WORKFLOW_CHECK_IDS.length).toBeGreaterThan(5);
  for (const id of WORKFLOW_CHECK_IDS) expect([id, status[id]]).not.toEqual([id, 'error']);
  expect(status).toMatchObject({ 'WF-ANY-TO-RESOLVED': 'fail', 'WF-RESOLVE-SCREEN-ASSIGNEE': 'fail', 'WF-EXPORT': 'pass' });
});
