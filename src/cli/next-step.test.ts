import { sampleReport } from '../report/testing/sample-report';
import type { Report } from '../shared/report-model';
import { nextSteps } from './next-step';

/** Every check passes: the report is ready. */
function readyReport(): Report {
  const report = sampleReport();
  for (const c of [...report.checks, ...report.projects.flatMap((p) => p.checks)]) c.status = 'pass';
  return report;
}

describe('nextSteps', () => {
  it('says where the site stands with the one score formatter, then what blocks it desk by desk', () => {
    const [standing] = nextSteps(sampleReport(), { demo: false });
    expect(standing).toMatch(/^Site NOT READY, score \d+(\.\d)?% \(\d+ of \d+ required checks pass\)\. /);
    expect(standing).toContain('1 required check fails on the site, 1 on IT');
    expect(standing).toContain('1 required check could not be decided on IT');
    expect(standing).toContain('1 manual check is not attested on the site');
  });

  it('points a failing check a fix resolves at `fix --plan` for its desk, with the site options or --demo', () => {
    const site = nextSteps(sampleReport(), { demo: false })[1]!;
    expect(site).toMatch(/^Next: run `mw-readiness fix --plan --project IT` with the same site options to see the changes the app can make for CUST-COVERAGE; /);
    const demo = nextSteps(sampleReport(), { demo: true })[1]!;
    expect(demo).toMatch(/^Next: run `mw-readiness fix --plan --demo --project IT` to see/);
  });

  it('points the rest at the steps and the check page, and manual checks at attesting', () => {
    const next = nextSteps(sampleReport(), { demo: false })[1]!;
    expect(next).toContain('for the rest, follow the → steps under each check above (docs/checks/SA-TIMEZONE.md explains SA-TIMEZONE)');
    expect(next).toContain('attest the manual checks in the app, or under "attestations" in the --config file.');
  });

  it('has no next step when the site is ready', () => {
    expect(nextSteps(readyReport(), { demo: false })).toEqual(['Site READY, score 100% (8 of 8 required checks pass). Nothing blocks Moveworks.']);
  });

  it('leaves out --project when more than three desks have something to fix', () => {
    const report = sampleReport();
    const it = report.projects[0]!;
    report.projects = ['A', 'B', 'C', 'D'].map((key) => ({ ...it, key, checks: it.checks.map((c) => ({ ...c })) }));
    const next = nextSteps(report, { demo: false })[1]!;
    expect(next).toMatch(/^Next: run `mw-readiness fix --plan` with the same site options/);
    expect(nextSteps(report, { demo: false })[0]).toContain('1 on A, 1 on B, 1 on C and on 1 more desk');
  });
});
