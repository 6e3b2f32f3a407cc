import { describeCheck } from '../testing/table';
import { project, settings, site } from '../testing/snapshot-builder';
import { workflowSite } from '../workflows/testing/workflow-builder';
import { evaluateParity, parityConfig } from './parity-config';
import { desk, workflow } from './testing/desks';
import type { ProjectCheckInput } from '../check';

describeCheck(parityConfig, {
  valid: [],
  invalid: [
    {
      name: 'a desk with no pair: not applicable, saying where pairs are set',
      verdict: 'not_applicable',
      summary: 'No non-production desk is paired with IT (Settings › Non-production parity)',
    },
    {
      name: 'the non-production side of a pair: not applicable, the comparison is on the production desk',
      verdict: 'not_applicable',
      settings: { parityPairs: [{ production: 'ITPROD', nonProduction: 'IT' }] },
      summary: 'IT is the non-production desk of ITPROD',
    },
    {
      name: 'a pair with an imported desk does not make a same-named desk of this site its non-production side',
      verdict: 'not_applicable',
      settings: { parityPairs: [{ production: 'ITPROD', nonProduction: 'IT', source: 'imported' }] },
      summary: 'No non-production desk is paired with IT',
    },
    {
      name: 'a paired desk judged alone (without its counterpart) is an error, never a pass',
      verdict: 'undecided',
      settings: { parityPairs: [{ production: 'IT', nonProduction: 'ITTEST' }] },
      summary: 'IT was judged without its non-production desk ITTEST',
      remediationText: 'Settings › Non-production parity',
    },
  ],
});

describe('evaluateParity', () => {
  const input = (): ProjectCheckInput => ({
    snapshot: site({ ...workflowSite() }),
    settings: settings({ parityPairs: [{ production: 'ITSD', nonProduction: 'ITSDTEST' }] }),
    project: project({ key: 'ITSD' }),
  });
  const pair = { production: 'ITSD', nonProduction: 'ITSDTEST' };

  it('holds when the two desks match', () => {
    const outcome = evaluateParity(input(), { pair, own: desk('ITSD'), counterpart: desk('ITSDTEST') });
    expect(outcome.verdict).toBe('holds');
    expect(outcome.summary).toMatch(/^Matches ITSDTEST: \d+ items compared/);
  });

  it('is violated with the first difference in its summary, and a remediation step per difference on the side to change', () => {
    const renamed = workflow({ statuses: workflow().statuses.map((s) => (s.name === 'Waiting for support' ? { ...s, name: 'Waiting for agent' } : s)) });
    const outcome = evaluateParity(input(), { pair, own: desk('ITSD'), counterpart: desk('ITSDTEST', { workflows: [renamed] }) });
    expect(outcome.verdict).toBe('violated');
    expect(outcome.summary).toBe('1 difference from ITSDTEST: Status “Waiting for agent” (New / Reopened) in IT: Service Request Workflow');
    expect(outcome.remediation![0].text).toMatch(/^On ITSD: Rename “Waiting for support” to “Waiting for agent”/);
    expect(outcome.evidence).toMatchObject({ pair, comparison: { matches: false, counts: { different: 1 } } });
  });

  it('is an error naming why when the counterpart is missing', () => {
    const outcome = evaluateParity(input(), { pair, own: desk('ITSD'), counterpart: null, counterpartNote: 'ITSDTEST was not checked in this run' });
    expect(outcome).toMatchObject({ verdict: 'undecided', summary: 'Could not compare with ITSDTEST: ITSDTEST was not checked in this run' });
  });

  it('is an error, not a pass, when nothing differs but something could not be compared', () => {
    const outcome = evaluateParity(input(), { pair, own: desk('ITSD'), counterpart: desk('ITSDTEST', { workflows: null, workflowsNote: 'its workflows could not be read' }) });
    expect(outcome.verdict).toBe('undecided');
    expect(outcome.summary).toMatch(/could not be compared \(Workflows: 1 read \/ its workflows could not be read\)/);
  });
});
