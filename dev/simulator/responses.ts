/**
 * What a route answers, and the error bodies exactly as each API sends them:
 * the platform API an ErrorCollection, JSM an ErrorResponse with an i18n key.
 */
export interface SimResponse {
  status: number;
  /** JSON body; omitted for 204. */
  body?: unknown;
  /** Plain-text body (Jira's 401), sent instead of `body`. */
  text?: string;
  headers?: Record<string, string>;
}

/** What Jira Cloud answers, as text/plain, when Basic auth is missing or wrong. */
export const UNAUTHENTICATED_MESSAGE = 'Client must be authenticated to access this resource.';

export function ok(body: unknown, status = 200): SimResponse {
  return { status, body };
}

export function noContent(): SimResponse {
  return { status: 204 };
}

/** Platform API error: {"errorMessages":[...],"errors":{}}. */
export function jiraError(status: number, ...messages: string[]): SimResponse {
  return { status, body: { errorMessages: messages, errors: {} } };
}

/** Platform API field errors: {"errorMessages":[],"errors":{"summary":"..."}}. */
export function jiraFieldErrors(status: number, errors: Record<string, string>): SimResponse {
  return { status, body: { errorMessages: [], errors } };
}

/** JSM error: {"errorMessage":"...","i18nErrorMessage":{"i18nKey":"...","parameters":[]}}. */
export function jsmError(status: number, errorMessage: string, i18nKey: string, parameters: string[] = []): SimResponse {
  return { status, body: { errorMessage, i18nErrorMessage: { i18nKey, parameters } } };
}

export const JSM_EXPERIMENTAL_MESSAGE =
  "This API is experimental. Experimental APIs are not guaranteed to be stable within the next release. To use it, set the header 'X-ExperimentalApi: opt-in'.";

export function jsmExperimentalRequired(): SimResponse {
  return jsmError(412, JSM_EXPERIMENTAL_MESSAGE, 'sd.public.api.experimental.header.missing');
}

export type ApiFamily = 'platform' | 'servicedesk';

/** The same condition worded the way each API words it. */
export function errorFor(api: ApiFamily, status: number, message: string, i18nKey = 'sd.public.api.error'): SimResponse {
  return api === 'servicedesk' ? jsmError(status, message, i18nKey) : jiraError(status, message);
}
