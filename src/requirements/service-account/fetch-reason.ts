/**
 * One sentence saying why Jira data was not available, for `undecided` summaries.
 * The kind adds what an admin can do about it; Jira's own message says what happened.
 */
import type { FetchError } from '../../shared/fetched';

const HINTS: Partial<Record<FetchError['kind'], string>> = {
  unauthorized: 'the credentials were refused',
  forbidden: 'the account running the checks lacks a permission or scope',
  not_found: 'Jira says it does not exist',
  precondition: 'Jira refused the request\'s preconditions',
  rate_limited: 'Jira kept rate-limiting the requests; try again later',
  server: 'Jira kept failing; try again later',
  timeout: 'Jira did not answer in time',
  network: 'Jira could not be reached',
  malformed: 'Jira\'s answer could not be read',
};

export function fetchReason(error: FetchError): string {
  const message = error.message.trim().replace(/[.\s]+$/, '').replace(/\s*\n\s*/g, ' ');
  const hint = HINTS[error.kind];
  return hint ? `${message} (${hint})` : message;
}
