/**
 * Forge shows its "Allow access" prompt only when NEEDS_AUTHENTICATION_ERR escapes the
 * resolver. The gatherer turns every failed read into data (a Fetched error), which
 * is right for a check but would bury that one error in a fix's plan as "could not be
 * read". So the fix's transport remembers it, and the caller rethrows it untouched
 * once the gather is over.
 */
import { needsUserConsent } from '../../jira/needs-consent';
import type { JiraTransport } from '../../jira/transport';

export interface ConsentWatch {
  transport: JiraTransport;
  /** Throws the consent error a request met, exactly as it came. */
  rethrow(): void;
}

export function watchConsent(inner: JiraTransport): ConsentWatch {
  let seen: unknown;
  return {
    transport: {
      baseUrl: inner.baseUrl,
      request: async (request) => {
        try {
          return await inner.request(request);
        } catch (error) {
          if (needsUserConsent(error)) seen ??= error;
          throw error;
        }
      },
    },
    rethrow() {
      if (seen !== undefined) throw seen;
    },
  };
}
