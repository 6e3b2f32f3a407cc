/** The configured recipients as the e-mail module reads them: trimmed, each once, groups by name or by id. */

/** A groupId (Jira's UUID form); anything else is a group name. */
export const GROUP_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function unique(values: readonly string[] | undefined): string[] {
  return [...new Set((values ?? []).map((v) => (typeof v === 'string' ? v.trim() : '')).filter(Boolean))];
}
