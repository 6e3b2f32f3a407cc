import { diffReports } from '../engine/diff';
import type { Report, ReportDiff } from '../shared/report-model';
import { createFakeTransport } from '../jira/testing/fake-transport';
import { sendRunReport, type RunReportInput } from './send-run-report';
import { check, project, report } from './testing/report-fixtures';

const NOW = () => new Date('2026-11-30T06:00:00.000Z');
const before = report([check({ id: 'SA-EXISTS', status: 'pass' })], [project('IT', [check({ id: 'CUST-COVERAGE', status: 'pass' })])]);
const after = report([check({ id: 'SA-EXISTS', status: 'pass' })], [project('IT', [check({ id: 'CUST-COVERAGE', status: 'fail', summary: '3 users are not customers.' })])]);
const unchanged: ReportDiff = { newlyFailing: [], fixed: [], stillFailing: ['IT:CUST-COVERAGE'], newlyErroring: [] };

function input(overrides: Partial<RunReportInput> = {}): RunReportInput {
  return {
    runId: 'run-9',
    report: after,
    diff: diffReports(before, after),
    settings: { sendWhen: 'changes', recipients: { users: ['u-1'], groups: [] }, reportIssueKey: 'MW-1' },
    siteName: 'Acme',
    now: NOW,
    ...overrides,
  };
}

describe('sendRunReport', () => {
  test('a run with changes is composed and sent through notify', async () => {
    const fake = createFakeTransport().on('POST', '/rest/api/3/issue/MW-1/notify', { status: 204 });
    const record = await sendRunReport(fake, input());
    expect(record).toMatchObject({ runId: 'run-9', outcome: 'sent', issueKey: 'MW-1', subject: 'Moveworks readiness for Acme: Not ready (50%) — 1 newly failing' });
    const body = fake.callsTo('POST', '/rest/api/3/issue/MW-1/notify')[0].body as { textBody: string; htmlBody: string };
    expect(body.textBody).toContain('3 users are not customers.');
    expect(body.htmlBody).toContain('Newly failing (1)');
  });

  test('"only on changes" with nothing changed is skipped without calling Jira', async () => {
    const fake = createFakeTransport();
    const record = await sendRunReport(fake, input({ diff: unchanged }));
    expect(record).toMatchObject({ outcome: 'skipped', message: expect.stringContaining('only when something changes') });
    expect(fake.requests).toHaveLength(0);
  });

  test('a test send goes out anyway, marked in the subject', async () => {
    const fake = createFakeTransport().on('POST', '/rest/api/3/issue/MW-1/notify', { status: 204 });
    const record = await sendRunReport(fake, input({ diff: unchanged, isTest: true, runId: 'test' }));
    expect(record.outcome).toBe('sent');
    expect((fake.callsTo('POST', '/rest/api/3/issue/MW-1/notify')[0].body as { subject: string }).subject).toBe('[Test] Moveworks readiness for Acme: Not ready (50%) — no changes');
  });

  test('recipients who cannot see the report issue make the run\'s e-mail failed, not sent, and are named', async () => {
    const fake = createFakeTransport()
      .on('GET', '/rest/api/3/issue/MW-1', { body: { id: '30001', key: 'MW-1', fields: { project: { key: 'MW', projectTypeKey: 'software' } } } })
      .on('POST', '/rest/api/3/permissions/check', { body: { globalPermissions: [], projectPermissions: [] } })
      .on('POST', '/rest/api/3/issue/MW-1/notify', { status: 204 });
    const record = await sendRunReport(fake, input());
    expect(record).toMatchObject({ runId: 'run-9', outcome: 'failed', issueKey: 'MW-1', message: expect.stringContaining('none of the recipients can see the report issue MW-1') });
    expect(record.reach?.dropped).toEqual([{ accountId: 'u-1', reason: 'cannot see the report issue MW-1 in project MW' }]);
    expect(fake.callsTo('POST', '/rest/api/3/issue/MW-1/notify')).toHaveLength(0);
  });

  test('a report that cannot be composed is a failed record, not an exception', async () => {
    const broken = { ...after, projects: null } as unknown as Report;
    const record = await sendRunReport(createFakeTransport(), input({ report: broken }));
    expect(record).toMatchObject({ outcome: 'failed', message: expect.stringContaining('Could not prepare the report e-mail') });
  });
});
