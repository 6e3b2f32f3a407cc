/**
 * What counts as an e-mail address and as an Atlassian accountId, shared by the app's
 * settings validation and the CLI so both accept and refuse the same values.
 */
export const EMAIL_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** e.g. "557058:f58131cb-b67d-43c7-b30d-6b58d40bd077" or a legacy 24-hex id. */
export const ACCOUNT_ID = /^[A-Za-z0-9:_-]{6,128}$/;

/** A Moveworks service account is named by its e-mail address or its accountId. */
export function isServiceAccountIdentifier(value: string): boolean {
  const s = value.trim();
  return s.length <= 254 && (EMAIL_ADDRESS.test(s) || (!s.includes('@') && ACCOUNT_ID.test(s)));
}
