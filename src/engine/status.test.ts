import { statusFor, worstStatus } from './status';
import { worstVerdict } from '../requirements/verdicts';

describe('statusFor', () => {
  it.each([
    ['holds', 'required', 'pass'],
    ['violated', 'required', 'fail'],
    ['violated', 'recommended', 'warn'],
    ['violated', 'optional', 'warn'],
    ['undecided', 'required', 'error'],
    ['undecided', 'optional', 'error'],
    ['manual', 'required', 'manual'],
    ['not_applicable', 'required', 'not_applicable'],
  ] as const)('%s at %s severity is %s', (verdict, severity, expected) => {
    expect(statusFor(verdict, severity)).toBe(expected);
  });
});

describe('worst', () => {
  it('orders fail > error > warn > manual > pass > not_applicable', () => {
    expect(worstStatus(['pass', 'warn', 'error'])).toBe('error');
    expect(worstStatus(['error', 'fail'])).toBe('fail');
    expect(worstStatus(['pass', 'not_applicable'])).toBe('pass');
    expect(worstStatus([])).toBe('not_applicable');
  });
  it('never lets an undecided workflow hide behind a passing one', () => {
    expect(worstVerdict(['holds', 'undecided', 'holds'])).toBe('undecided');
    expect(worstVerdict(['holds', 'undecided', 'violated'])).toBe('violated');
  });
});
