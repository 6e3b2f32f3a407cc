/**
 * How a fix reports what Jira answered to a write: a refusal in Jira's own words
 * (its errorMessages, as JiraClient put them after the endpoint), and whether the
 * answer was a refusal (Jira said no: 4xx) or a failure (no answer, 5xx).
 */
import { JiraError } from '../jira/jira-error';
import { needsUserConsent } from '../jira/needs-consent';
import type { ChangeOutcome } from '../shared/fix-model';

const REFUSALS: readonly string[] = ['bad_request', 'unauthorized', 'forbidden', 'not_found', 'precondition'];

/** Jira's own explanation out of a JiraError's sentence, or the sentence when Jira gave none. */
export function jiraWords(error: JiraError): string {
  const marker = `for ${error.endpoint}: `;
  const at = error.message.indexOf(marker);
  const words = at >= 0 ? error.message.slice(at + marker.length) : error.message;
  return words.replace(/ \(after \d+ retr(?:y|ies)\)$/, '');
}

/**
 * A write's error as a change's outcome and message. Anything that is not Jira
 * answering (a bug, Forge's consent prompt) is rethrown: the consent error must
 * reach Forge untouched, and a bug must not be recorded as Jira's refusal.
 */
export function writeFailure(error: unknown): { outcome: Extract<ChangeOutcome, 'refused' | 'failed'>; message: string; status?: number } {
  if (needsUserConsent(error) || !(error instanceof JiraError)) throw error;
  const refused = REFUSALS.includes(error.kind);
  return {
    outcome: refused ? 'refused' : 'failed',
    message: refused ? jiraWords(error) : error.message,
    ...(error.status !== undefined ? { status: error.status } : {}),
  };
}
