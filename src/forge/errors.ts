/**
 * The one envelope every resolver answers with, and the error a resolver throws to
 * answer with a failure. Anything else thrown becomes INTERNAL with a generic
 * message, so a stray exception never leaks a stack, a token or a Jira body.
 */
import type { Envelope, ErrorType, ResolverError } from '../shared/resolver-api';

export class ResolverFailure extends Error {
  readonly errors: ResolverError[];

  constructor(errors: ResolverError[]) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'ResolverFailure';
    this.errors = errors;
  }

  static of(errorType: ErrorType, message: string, field?: string): ResolverFailure {
    return new ResolverFailure([{ errorType, message, ...(field ? { field } : {}) }]);
  }
}

export function succeed<T>(data: T): Envelope<T> {
  return { success: true, data };
}

export function failWith<T>(error: unknown): Envelope<T> {
  if (error instanceof ResolverFailure) return { success: false, errors: error.errors };
  return { success: false, errors: [{ errorType: 'INTERNAL', message: 'The app hit an unexpected error; try again, and check the app logs if it persists.' }] };
}
