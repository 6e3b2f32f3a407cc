/**
 * An artifact read from Jira, or why it could not be read. Every layer passes these
 * on: JiraClient's errors become a FetchError, the gatherer wraps each artifact in
 * `Fetched`, and a check turns a failure into `error` with the reason.
 */

export type FetchErrorKind =
  | 'unauthorized' // 401
  | 'forbidden' // 403 (missing scope or permission)
  | 'not_found' // 404
  | 'precondition' // 412 (e.g. experimental header missing)
  | 'bad_request' // 400
  | 'rate_limited' // 429 after the retry budget
  | 'server' // 5xx after the retry budget
  | 'timeout'
  | 'network'
  | 'malformed'; // unparsable JSON or a body that does not fit the schema / paging contract

export interface FetchError {
  kind: FetchErrorKind;
  /** HTTP status when there was one. */
  status?: number;
  /** e.g. "GET /rest/api/3/group/member" (template, no ids or secrets). */
  endpoint: string;
  /** One sentence for an admin; Jira's own errorMessages when it sent any. */
  message: string;
}

export type Fetched<T> = { ok: true; value: T } | { ok: false; error: FetchError };
