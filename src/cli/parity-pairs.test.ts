import { checkPairs, pairsFromFlags } from './parity-pairs';

describe('non-production pairs', () => {
  it('reads --pair PROD=TEST, upper-casing the keys like --project', () => {
    expect(pairsFromFlags(['itsd=itsdtest', ' HR = HRTEST '])).toEqual({
      pairs: [
        { production: 'ITSD', nonProduction: 'ITSDTEST', source: '--pair itsd=itsdtest' },
        { production: 'HR', nonProduction: 'HRTEST', source: '--pair  HR = HRTEST ' },
      ],
      problems: [],
    });
  });

  it('refuses a --pair that is not two keys joined by =', () => {
    expect(pairsFromFlags(['ITSD', 'ITSD=', '=ITSDTEST', 'A=B=C']).problems).toEqual([
      '--pair "ITSD" must be PROD=TEST, two project keys such as ITSD=ITSDTEST.',
      '--pair "ITSD=" must be PROD=TEST, two project keys such as ITSD=ITSDTEST.',
      '--pair "=ITSDTEST" must be PROD=TEST, two project keys such as ITSD=ITSDTEST.',
      '--pair "A=B=C" must be PROD=TEST, two project keys such as ITSD=ITSDTEST.',
    ]);
  });

  it('follows the app’s pair rules: keys, not itself, one test desk per production desk, each desk one side', () => {
    const given = (production: string, nonProduction: string) => ({ production, nonProduction, source: `--pair ${production}=${nonProduction}` });
    const result = checkPairs([
      given('ITSD', 'ITSDTEST'),
      given('HR', 'HRTEST'),
      given('FAC', 'HRTEST'), // two production desks may share one test desk
      given('IT-1', 'X'),
      given('OPS', 'OPS'),
      given('ITSD', 'OTHER'),
      given('ITSDTEST', 'QA'),
      given('QA', 'ITSD'),
    ]);
    expect(result.pairs).toEqual([
      { production: 'ITSD', nonProduction: 'ITSDTEST' },
      { production: 'HR', nonProduction: 'HRTEST' },
      { production: 'FAC', nonProduction: 'HRTEST' },
    ]);
    expect(result.problems).toEqual([
      '--pair IT-1=X: both sides must be Jira project keys such as ITSD=ITSDTEST.',
      '--pair OPS=OPS: OPS cannot be its own non-production desk.',
      '--pair ITSD=OTHER: ITSD is paired twice; a production desk has one non-production desk.',
      '--pair ITSDTEST=QA: a desk is either production or non-production, and ITSDTEST ↔ QA crosses another pair.',
      '--pair QA=ITSD: a desk is either production or non-production, and QA ↔ ITSD crosses another pair.',
    ]);
  });
});
