/**
 * Forge's "this user has not granted the app access yet" signal. An `asUser()`
 * request by a user who never clicked "Allow access" makes @forge/api throw an
 * error named NEEDS_AUTHENTICATION_ERR (its NeedsAuthenticationError, status 401).
 * Forge shows the consent prompt only when that error escapes the invoked
 * function, so every layer between requestJira and Forge (transport, JiraClient,
 * authorisation, the resolver envelope) must rethrow it as it came: wrapping it,
 * retrying it or answering it as a failure locks the user out for good.
 *
 * Matched by name, not class, so this module (and the CLI and preview that share
 * JiraClient) does not load the Forge runtime.
 */
export const NEEDS_AUTHENTICATION_ERR = 'NEEDS_AUTHENTICATION_ERR';

export function needsUserConsent(error: unknown): error is Error {
  return error instanceof Error && error.name === NEEDS_AUTHENTICATION_ERR;
}
