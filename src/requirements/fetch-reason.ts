/**
 * The one sentence that says why a Jira artifact could not be read, wherever a
 * check or the check runner explains it: Jira's own words on one line, the HTTP
 * status (or the kind of failure when there was none), and what the kind means for
 * an admin.
 */
import type { FetchError } from '../shared/fetched';

const HINTS: Partial<Record<FetchError['kind'], string>> = {
  unauthorized: 'the credentials were refused',
  forbidden: 'the account running the checks lacks a permission or scope',
  not_found: 'Jira says it does not exist',
  precondition: "Jira refused the request's preconditions",
  rate_limited: 'Jira kept rate-limiting the requests; try again later',
  server: 'Jira kept failing; try again later',
  timeout: 'Jira did not answer in time',
  network: 'Jira could not be reached',
  malformed: "Jira's answer could not be read",
};

export function fetchReason(error: FetchError): string {
  const message = error.message.trim().replace(/\s*\n\s*/g, ' ').replace(/[.\s]+$/, '');
  const code = error.status !== undefined ? String(error.status) : error.kind;
  const notes = [...(message.includes(code) ? [] : [code]), ...(HINTS[error.kind] ? [HINTS[error.kind]!] : [])];
  return notes.length > 0 ? `${message} (${notes.join('; ')})` : message;
}
