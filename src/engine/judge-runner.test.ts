import { judge } from './judge';
import { findCheck, PROJECT_CHECKS } from '../requirements/catalogue';
import { FIXTURE_GROUPS } from '../shared/testing/fixture-groups';
import { project, settings, site } from '../requirements/testing/snapshot-builder';

const NOW = new Date('2026-11-28T09:00:00.000Z');

describe('judge runs every check through the check runner', () => {
  it('an unreadable project makes each of its checks error with the reason and a remediation', () => {
    const unavailable = { kind: 'forbidden' as const, status: 403, endpoint: 'GET /rest/servicedeskapi/servicedesk', message: 'No access to this desk.' };
    const report = judge(site({ projects: [project({ unavailable })] }), settings(), { now: NOW });
    const checks = report.projects[0]!.checks;
    expect(checks.map((c) => c.id)).toEqual(PROJECT_CHECKS.map((c) => c.meta.id));
    for (const c of checks) {
      expect(c.status).toBe('error');
      expect(c.summary).toContain('Could not read project IT');
      expect(c.summary).toContain('No access to this desk');
      expect(c.remediation.length).toBeGreaterThan(0);
    }
  });

  it('a check whose required artifact the run did not gather is error naming it, never pass', () => {
    const report = judge(site({ projects: [project({ roles: undefined })] }), settings(), { now: NOW });
    const role = report.projects[0]!.checks.find((c) => c.id === 'SA-PROJECT-ROLE')!;
    expect(role.status).toBe('error');
    expect(role.summary).toContain('(projectRoles)');
  });
});

describe('every result carries its group', () => {
  it("fills each result's group from its check's meta", () => {
    const report = judge(site(), settings(), { now: NOW });
    for (const c of [...report.checks, ...report.projects.flatMap((p) => p.checks)]) {
      expect(c.group).toBe(findCheck(c.id)!.meta.group);
    }
  });

  it("the fixtures' groups are the catalogue's", () => {
    for (const [id, group] of Object.entries(FIXTURE_GROUPS)) expect([id, findCheck(id)?.meta.group]).toEqual([id, group]);
  });
});
