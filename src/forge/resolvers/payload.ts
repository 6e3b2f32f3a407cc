/** Payload checks shared by the resolvers: the UI is trusted for nothing. */
import { ResolverFailure } from '../errors';

const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,254}$/;
const CHECK_ID = /^[A-Z]+(-[A-Z]+)+$/;

export function asObject(payload: unknown): Record<string, unknown> {
  return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};
}

export function projectKeyOf(value: unknown, field = 'projectKey'): string {
  if (typeof value !== 'string' || !PROJECT_KEY.test(value)) throw ResolverFailure.of('VALIDATION', 'A valid Jira project key is required.', field);
  return value;
}

export function optionalProjectKey(value: unknown): string | undefined {
  return value === undefined || value === null || value === '' ? undefined : projectKeyOf(value);
}

export function projectKeysOf(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw ResolverFailure.of('VALIDATION', 'projectKeys must be a list of project keys.', 'projectKeys');
  return value.map((v) => projectKeyOf(v, 'projectKeys'));
}

export function checkIdOf(value: unknown): string {
  if (typeof value !== 'string' || !CHECK_ID.test(value)) throw ResolverFailure.of('VALIDATION', 'A check id such as MW-CONNECTOR is required.', 'checkId');
  return value;
}

export function text(value: unknown, field: string, label: string, options: { required?: boolean; max?: number } = {}): string | undefined {
  const max = options.max ?? 1000;
  if (value === undefined || value === null || value === '') {
    if (options.required) throw ResolverFailure.of('VALIDATION', `${label} is required.`, field);
    return undefined;
  }
  if (typeof value !== 'string') throw ResolverFailure.of('VALIDATION', `${label} must be text.`, field);
  const trimmed = value.trim();
  if (options.required && trimmed === '') throw ResolverFailure.of('VALIDATION', `${label} is required.`, field);
  if (trimmed.length > max) throw ResolverFailure.of('VALIDATION', `${label} is at most ${max} characters.`, field);
  return trimmed || undefined;
}
