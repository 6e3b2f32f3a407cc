import { assembleStoredReport, withGroup } from '../../src/forge/storage/apply-decisions';
import type { StoredSiteReport } from '../../src/forge/storage/report-repo';
import type { CheckResult } from '../../src/shared/report-model';

const NOW = new Date('2026-11-28T09:00:00.000Z');

/** A result as reports stored before results carried their group hold it. */
function stored(id: string): CheckResult {
  return { id, status: 'pass', severity: 'required', title: id, summary: `${id} holds`, remediation: [] } as unknown as CheckResult;
}

describe('reports stored before results carried their group', () => {
  it('are read with each result filed under its group from the catalogue', () => {
    const site = {
      runId: 'r1',
      generatedAt: NOW.toISOString(),
      baseUrl: 'https://acme.atlassian.net',
      serviceAccount: null,
      checks: [{ ...stored('SA-EXISTS'), evidenceHash: 'h1' }, { ...stored('MW-CONNECTOR'), evidenceHash: 'h2' }],
    } as unknown as StoredSiteReport;
    const report = assembleStoredReport(site, [], { attestations: {}, acknowledgements: {} }, NOW);
    expect(report.checks.map((c) => [c.id, c.group])).toEqual([
      ['SA-EXISTS', 'service-account'],
      ['MW-CONNECTOR', 'moveworks'],
    ]);
  });

  it('keep a stored group as it is', () => {
    expect(withGroup({ ...stored('CUST-COVERAGE'), group: 'customers' }).group).toBe('customers');
  });
});
