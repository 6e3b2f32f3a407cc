/**
 * When the scheduled report is due. Forge's scheduled trigger fires on its own
 * clock (hourly or daily) and may fire twice in a period or miss one, so due-ness
 * is decided by periods, not by instants: a report is due once per period, and a
 * period that was already served is not served again.
 *
 * Periods are in UTC (the settings carry no time zone):
 * - daily: the calendar day, key '2026-11-28';
 * - weekly: the seven days starting on the chosen weekday, key = ISO week of that
 *   starting day, e.g. '2026-W48'. A trigger that missed the weekday catches up on
 *   a later day of the same period, once.
 */
import type { AppSettings, ReportSchedule, Weekday } from '../shared/resolver-api';

export const DEFAULT_SCHEDULE: ReportSchedule = 'weekly';
export const DEFAULT_WEEKDAY: Weekday = 'MON';

export type ScheduleSettings = Partial<Pick<AppSettings, 'schedule' | 'weekday'>>;

const WEEKDAYS: readonly Weekday[] = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']; // Date#getUTCDay order
const DAY_MS = 24 * 60 * 60 * 1000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function utcMidnight(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function dayKey(date: Date): string {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** ISO 8601 week ('2026-W48'): weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeekKey(date: Date): string {
  const day = utcMidnight(date);
  const isoWeekday = day.getUTCDay() || 7; // Monday 1 … Sunday 7
  const thursday = new Date(day.getTime() + (4 - isoWeekday) * DAY_MS);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / DAY_MS / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${pad(week)}`;
}

function weekdayOf(settings: ScheduleSettings): Weekday {
  return settings.weekday && WEEKDAYS.includes(settings.weekday) ? settings.weekday : DEFAULT_WEEKDAY;
}

function scheduleOf(settings: ScheduleSettings): ReportSchedule {
  return settings.schedule ?? DEFAULT_SCHEDULE;
}

/** The first day (UTC midnight) of the weekly period holding `date`: the latest chosen weekday on or before it. */
function weeklyPeriodStart(date: Date, weekday: Weekday): Date {
  const day = utcMidnight(date);
  const back = (day.getUTCDay() - WEEKDAYS.indexOf(weekday) + 7) % 7;
  return new Date(day.getTime() - back * DAY_MS);
}

/**
 * The period `now` falls in, as a stable key, or null when the schedule is off.
 * Store it with the delivery: two triggers with the same key are the same report.
 */
export function reportPeriodKey(settings: ScheduleSettings, now: Date): string | null {
  switch (scheduleOf(settings)) {
    case 'off':
      return null;
    case 'daily':
      return dayKey(now);
    case 'weekly':
      return isoWeekKey(weeklyPeriodStart(now, weekdayOf(settings)));
  }
}

function parseTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Whether a scheduled report should go out now. `lastSentAt` is the time of the
 * last scheduled report handled (sent, skipped for no changes, or failed — a test
 * send does not count), or null/undefined when there was none. Without one, a
 * weekly report waits for its weekday, so the first one arrives on the chosen day.
 */
export function isReportDue(settings: ScheduleSettings, now: Date, lastSentAt?: string | null): boolean {
  const current = reportPeriodKey(settings, now);
  if (current === null) return false;
  const last = parseTime(lastSentAt);
  if (last === null) {
    return scheduleOf(settings) === 'daily' || WEEKDAYS[now.getUTCDay()] === weekdayOf(settings);
  }
  if (last.getTime() > now.getTime()) return false; // clock skew: never send twice because of it
  return reportPeriodKey(settings, last) !== current;
}
