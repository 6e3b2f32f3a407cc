/**
 * Turning calls into `Fetched` artifacts: a failure of one artifact becomes data the
 * checks can explain (`error` with the reason), never an aborted run.
 */
import { JiraError } from '../jira/jira-error';
import type { Fetched, FetchError } from '../shared/fetched';

export function ok<T>(value: T): Fetched<T> {
  return { ok: true, value };
}

export function failed<T = never>(error: FetchError): Fetched<T> {
  return { ok: false, error };
}

/** A FetchError for any thrown value; non-Jira errors are shape surprises in Jira's answer. */
export function toFetchError(error: unknown, endpoint: string): FetchError {
  if (error instanceof JiraError) return error.toFetchError();
  const reason = error instanceof Error ? error.message : String(error);
  return { kind: 'malformed', endpoint, message: `Jira's answer for ${endpoint} could not be read: ${reason}` };
}

/** Run `work`; its result or its failure as a Fetched. `endpoint` names the call for non-Jira failures. */
export async function settle<T>(endpoint: string, work: () => Promise<T>): Promise<Fetched<T>> {
  try {
    return ok(await work());
  } catch (error) {
    return failed(toFetchError(error, endpoint));
  }
}

/** A shape surprise found while reading an answer that parsed as JSON. */
export function shapeError(endpoint: string, message: string): JiraError {
  return new JiraError({ kind: 'malformed', endpoint, message });
}
