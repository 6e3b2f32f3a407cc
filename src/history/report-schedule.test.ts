import { isoWeekKey, isReportDue, reportPeriodKey } from './report-schedule';

// 2026-11-28 is a Saturday; 2026-11-30 a Monday.
const at = (iso: string) => new Date(iso);

describe('isoWeekKey', () => {
  test.each([
    ['2026-11-28T12:00:00Z', '2026-W48'],
    ['2026-11-30T00:00:00Z', '2026-W49'],
    ['2026-01-01T00:00:00Z', '2026-W01'], // a Thursday
    ['2027-01-01T00:00:00Z', '2026-W53'], // a Friday belongs to the last week of 2026
    ['2024-12-30T00:00:00Z', '2025-W01'],
  ])('%s is %s', (iso, key) => expect(isoWeekKey(at(iso))).toBe(key));
});

describe('reportPeriodKey', () => {
  test('off has no period', () => expect(reportPeriodKey({ schedule: 'off' }, at('2026-11-28T10:00:00Z'))).toBeNull());
  test('daily is the UTC day', () => {
    expect(reportPeriodKey({ schedule: 'daily' }, at('2026-11-28T23:59:59Z'))).toBe('2026-11-28');
    expect(reportPeriodKey({ schedule: 'daily' }, at('2026-11-29T00:00:00Z'))).toBe('2026-11-29');
  });
  test('weekly runs from the chosen weekday to the day before the next one', () => {
    const thu = { schedule: 'weekly', weekday: 'THU' } as const;
    expect(reportPeriodKey(thu, at('2026-11-26T00:00:00Z'))).toBe('2026-W48'); // Thursday
    expect(reportPeriodKey(thu, at('2026-12-02T23:00:00Z'))).toBe('2026-W48'); // next Wednesday, same period
    expect(reportPeriodKey(thu, at('2026-12-03T00:00:00Z'))).toBe('2026-W49');
  });
  test('the default is weekly on Monday', () => {
    expect(reportPeriodKey({}, at('2026-11-29T10:00:00Z'))).toBe('2026-W48');
    expect(reportPeriodKey({}, at('2026-11-30T10:00:00Z'))).toBe('2026-W49');
  });
});

describe('isReportDue', () => {
  test('off is never due', () => {
    expect(isReportDue({ schedule: 'off', weekday: 'SAT' }, at('2026-11-28T10:00:00Z'), null)).toBe(false);
  });

  test('daily: once per UTC day, whatever the number of triggers', () => {
    const daily = { schedule: 'daily' } as const;
    expect(isReportDue(daily, at('2026-11-28T10:00:00Z'), undefined)).toBe(true);
    expect(isReportDue(daily, at('2026-11-28T10:00:00Z'), '2026-11-28T00:05:00Z')).toBe(false);
    expect(isReportDue(daily, at('2026-11-28T23:00:00Z'), '2026-11-28T10:00:00Z')).toBe(false);
    expect(isReportDue(daily, at('2026-11-29T00:01:00Z'), '2026-11-28T23:59:00Z')).toBe(true);
  });

  test('weekly: the first report waits for the chosen weekday', () => {
    const sat = { schedule: 'weekly', weekday: 'SAT' } as const;
    expect(isReportDue(sat, at('2026-11-27T10:00:00Z'), null)).toBe(false); // Friday
    expect(isReportDue(sat, at('2026-11-28T10:00:00Z'), null)).toBe(true); // Saturday
  });

  test('weekly: a second trigger in the same period does nothing', () => {
    const sat = { schedule: 'weekly', weekday: 'SAT' } as const;
    expect(isReportDue(sat, at('2026-11-28T11:00:00Z'), '2026-11-28T10:00:00Z')).toBe(false);
    expect(isReportDue(sat, at('2026-12-04T10:00:00Z'), '2026-11-28T10:00:00Z')).toBe(false); // Friday, same period
    expect(isReportDue(sat, at('2026-12-05T00:30:00Z'), '2026-11-28T10:00:00Z')).toBe(true);
  });

  test('weekly: a missed weekday is caught up later in the same period, once', () => {
    const mon = { schedule: 'weekly', weekday: 'MON' } as const;
    expect(isReportDue(mon, at('2026-12-02T10:00:00Z'), '2026-11-23T09:00:00Z')).toBe(true); // Wednesday after a missed Monday
    expect(isReportDue(mon, at('2026-12-03T10:00:00Z'), '2026-12-02T10:00:00Z')).toBe(false);
  });

  test('a last send in the future (clock skew) or unreadable is handled without double sends', () => {
    const daily = { schedule: 'daily' } as const;
    expect(isReportDue(daily, at('2026-11-28T10:00:00Z'), '2026-11-29T10:00:00Z')).toBe(false);
    expect(isReportDue(daily, at('2026-11-28T10:00:00Z'), 'not a date')).toBe(true);
  });
});
