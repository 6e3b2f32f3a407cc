/**
 * The one error type JiraClient throws. It carries what an admin needs to act on
 * (kind, HTTP status, endpoint template, Jira's own words) and nothing secret: no
 * request headers, no token, no full URL with ids.
 */
import type { FetchError, FetchErrorKind } from '../shared/fetched';

export class JiraError extends Error {
  readonly kind: FetchErrorKind;
  readonly status?: number;
  readonly endpoint: string;

  constructor(init: { kind: FetchErrorKind; status?: number; endpoint: string; message: string }) {
    super(redactSecrets(init.message));
    this.name = 'JiraError';
    this.kind = init.kind;
    this.status = init.status;
    this.endpoint = init.endpoint;
  }

  toFetchError(): FetchError {
    const error: FetchError = { kind: this.kind, endpoint: this.endpoint, message: this.message };
    if (this.status !== undefined) error.status = this.status;
    return error;
  }
}

export function isJiraError(value: unknown): value is JiraError {
  return value instanceof JiraError;
}

/** The kind an HTTP status maps to; undefined for 2xx/3xx. */
export function kindForStatus(status: number): FetchErrorKind | undefined {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 412) return 'precondition';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  if (status >= 400) return 'bad_request';
  return undefined;
}

const MAX_DETAIL_CHARS = 400;

/**
 * Jira's own explanation from an error body, when it sent one:
 * platform `{"errorMessages":[...],"errors":{field: msg}}`, JSM
 * `{"errorMessage":"...","i18nErrorMessage":{...}}`, or a gateway's `{"message":"..."}`.
 */
export function jiraErrorDetail(bodyText: string): string | undefined {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    return undefined; // HTML error pages and empty bodies say nothing useful
  }
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  const parts: string[] = [];
  if (Array.isArray(record.errorMessages)) {
    for (const m of record.errorMessages) if (typeof m === 'string' && m.trim()) parts.push(m.trim());
  }
  if (record.errors && typeof record.errors === 'object' && !Array.isArray(record.errors)) {
    for (const [field, m] of Object.entries(record.errors as Record<string, unknown>)) {
      if (typeof m === 'string' && m.trim()) parts.push(`${field}: ${m.trim()}`);
    }
  }
  if (typeof record.errorMessage === 'string' && record.errorMessage.trim()) parts.push(record.errorMessage.trim());
  if (parts.length === 0 && typeof record.message === 'string' && record.message.trim()) parts.push(record.message.trim());
  if (parts.length === 0) return undefined;
  const joined = parts.join('; ');
  return joined.length > MAX_DETAIL_CHARS ? `${joined.slice(0, MAX_DETAIL_CHARS)}…` : joined;
}

const STATUS_WORDS: Partial<Record<FetchErrorKind, string>> = {
  unauthorized: 'refused the credentials',
  forbidden: 'denied permission',
  not_found: 'found nothing',
  precondition: 'refused a precondition',
  bad_request: 'rejected the request',
  rate_limited: 'kept rate-limiting',
  server: 'failed',
};

/** One sentence for an admin, e.g. "Jira denied permission (403) for GET /rest/api/3/project/{projectIdOrKey}/role: …". */
export function httpErrorMessage(kind: FetchErrorKind, status: number, endpoint: string, detail?: string): string {
  const words = STATUS_WORDS[kind] ?? 'answered';
  const base = `Jira ${words} (${status}) for ${endpoint}`;
  return detail ? `${base}: ${detail}` : base;
}

/**
 * Belt and braces: no Authorization value may leave the process in a message,
 * even if a proxy or Jira echoed one back.
 */
export function redactSecrets(text: string): string {
  return text.replace(/\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]{8,}/gi, '$1 [redacted]');
}
