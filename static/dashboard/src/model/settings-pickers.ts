/**
 * Pure helpers of Settings' pickers: options that show people and issue types by
 * name, the override rows' own checks, and where a report would be posted.
 */
import type { DeskOptions, ServiceDeskOption, UserOption } from '../../../../src/shared/resolver-api';
import { messages } from '../messages';

export type Option = { label: string; value: string };
const m = messages.settings;

export function personOption(u: UserOption): Option {
  return { value: u.accountId, label: u.emailAddress ? `${u.displayName} (${u.emailAddress})` : u.displayName };
}

/** A stored accountId or e-mail as the picker shows it: the person's name when Jira gave it. */
export function storedPerson(value: string, names: Readonly<Record<string, string>>): Option {
  return { value, label: names[value] ?? value };
}

/** The values stored for a desk's issue types (ids or names), labelled from what Jira has on that desk. */
export function issueTypeOptions(options: DeskOptions | null): Option[] {
  return (options?.issueTypes ?? []).map((t) => ({ value: t.id, label: m.issueTypeOption(t.name, t.requestTypes.join(', ')) }));
}

export function storedIssueTypes(values: readonly string[], options: DeskOptions | null): Option[] {
  const offered = issueTypeOptions(options);
  return values.map((v) => {
    const byId = offered.find((o) => o.value === v);
    if (byId) return byId;
    const byName = options?.issueTypes.find((t) => t.name.toLowerCase() === v.toLowerCase());
    if (byName) return { value: v, label: m.issueTypeOption(byName.name, byName.requestTypes.join(', ')) };
    return { value: v, label: options ? m.notOnDesk(v) : v };
  });
}

export function statusOptions(options: DeskOptions | null): Option[] {
  return (options?.statuses ?? []).map((s) => ({ value: s.id, label: m.statusOption(s.name, s.category) }));
}

export function storedStatus(value: string, options: DeskOptions | null): Option {
  const found = options?.statuses.find((s) => s.id === value || s.name.toLowerCase() === value.toLowerCase());
  return found ? { value, label: m.statusOption(found.name, found.category) } : { value, label: value };
}

/** Per row of status overrides, what is wrong with it (empty status, a status twice), in the row's order. */
export function overrideRowProblems(rows: readonly (readonly [string, string])[], label: (status: string) => string): (string | null)[] {
  const seen = new Map<string, number>();
  return rows.map(([status]) => {
    const key = status.trim().toLowerCase();
    if (!key) return m.statusRequired;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count > 1 ? m.statusTwice(label(status)) : null;
  });
}

/** A warning when the report would be posted into a customer-facing desk; a note when it goes nowhere. */
export function reportLocationWarning(issueKey: string | undefined, projectKey: string | undefined, desks: readonly ServiceDeskOption[] | null): string | null {
  const fromIssue = issueKey?.trim().split('-')[0];
  const where = fromIssue || projectKey?.trim();
  if (!where) return m.reportNowhere;
  return desks?.some((d) => d.key === where) ? m.reportInDesk(where) : null;
}
