/** Marks the first paint of a stored report once per page load; the browser test reads the mark. */
export const FIRST_RENDER_MARK = 'mw-first-report-render';

export function markFirstReportRender(perf: Partial<Performance> | undefined = globalThis.performance): void {
  // Older or test DOMs lack the User Timing API: measuring is optional, rendering is not.
  if (!perf || typeof perf.getEntriesByName !== 'function' || typeof perf.mark !== 'function') return;
  if (perf.getEntriesByName(FIRST_RENDER_MARK).length === 0) perf.mark(FIRST_RENDER_MARK);
}
