import { formatDate, formatDateTime } from './dates';

describe('the one date formatter', () => {
  it('writes a date as day, month in words and year', () => {
    expect(formatDate('2026-03-04T10:00:00Z', { timeZone: 'UTC' })).toBe('4 Mar 2026');
  });

  it('writes a time in 24 hours, and says UTC when it is UTC', () => {
    expect(formatDateTime('2026-03-04T14:05:09Z', { timeZone: 'UTC' })).toBe('4 Mar 2026, 14:05 UTC');
    expect(formatDateTime('2026-03-04T00:30:00Z', { timeZone: 'Europe/Berlin' })).toBe('4 Mar 2026, 01:30');
  });

  it('gives back text that is not a date unchanged', () => {
    expect(formatDate('soon')).toBe('soon');
    expect(formatDateTime('')).toBe('');
  });
});
