/** Pure helpers of the settings form: error mapping and list parsing. */
import type { ResolverError } from '../../../../src/shared/resolver-api';

export const GENERAL = '_general';

/** VALIDATION errors keyed by their field; those without a field go under GENERAL. */
export function errorsByField(errors: readonly ResolverError[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors) {
    if (e.errorType !== 'VALIDATION') continue;
    const key = e.field ?? GENERAL;
    (out[key] ??= []).push(e.message);
  }
  return out;
}

/** Messages for a field and any of its sub-fields ("issueTypesInScope.HR" belongs to "issueTypesInScope.HR" and "issueTypesInScope"). */
export function messagesFor(errors: Record<string, string[]>, field: string): string[] {
  return Object.entries(errors)
    .filter(([k]) => k === field || k.startsWith(`${field}.`) || k.startsWith(`${field}[`))
    .flatMap(([, v]) => v);
}

export function parseList(text: string): string[] {
  return [...new Set(text.split(',').map((s) => s.trim()).filter(Boolean))];
}

export function formatList(items: readonly string[] | undefined): string {
  return (items ?? []).join(', ');
}
