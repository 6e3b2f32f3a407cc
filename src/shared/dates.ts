/**
 * The one date formatter every surface uses (dashboard, exports, e-mail), so a date
 * reads the same wherever an admin meets it: "3 Mar 2026" and "3 Mar 2026, 14:05".
 * Day before month in words, so no reader mistakes 03/04 for 4 March. The dashboard
 * shows the viewer's own time zone; a file or e-mail, read anywhere, says UTC.
 */

export interface DateFormatOptions {
  /** An IANA zone; absent: the runtime's own (the viewer's, in a browser). "UTC" is named after the time. */
  timeZone?: string;
}

function parse(iso: string): Date | null {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

function format(d: Date, parts: Intl.DateTimeFormatOptions, options: DateFormatOptions): string {
  return new Intl.DateTimeFormat('en-GB', { ...parts, ...(options.timeZone ? { timeZone: options.timeZone } : {}) }).format(d);
}

/** "3 Mar 2026"; text that is not a date comes back as it was. */
export function formatDate(iso: string, options: DateFormatOptions = {}): string {
  const d = parse(iso);
  return d ? format(d, { day: 'numeric', month: 'short', year: 'numeric' }, options) : iso;
}

/** "3 Mar 2026, 14:05" (", 14:05 UTC" when the zone is UTC); text that is not a date comes back as it was. */
export function formatDateTime(iso: string, options: DateFormatOptions = {}): string {
  const d = parse(iso);
  if (!d) return iso;
  const date = format(d, { day: 'numeric', month: 'short', year: 'numeric' }, options);
  const time = format(d, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, options);
  return `${date}, ${time}${options.timeZone === 'UTC' ? ' UTC' : ''}`;
}
