import type { FetchError } from '../../../shared/fetched';

/** Jira's reason plus its status (or the kind of failure), for one-line summaries. */
export function describeFetchError(error: FetchError): string {
  const code = error.status !== undefined ? String(error.status) : error.kind;
  return error.message.includes(code) ? error.message : `${error.message} (${code})`;
}
