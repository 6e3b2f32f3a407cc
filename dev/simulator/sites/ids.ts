/**
 * Deterministic ids in the formats Jira Cloud uses, so a generated site looks the
 * same on every run (tests and screenshots can rely on it) without a random source.
 */

function hex(n: number, width: number): string {
  return (n >>> 0).toString(16).padStart(width, '0').slice(-width);
}

/** An Atlassian account id: "712020:" followed by a UUID. */
export function atlassianAccountId(n: number): string {
  return `712020:${hex(0x5f3c0a1e + n * 7919, 8)}-${hex(n, 4)}-4${hex(n * 31, 3)}-8${hex(n * 17, 3)}-${hex(n * 2654435761, 8)}${hex(n, 4)}`;
}

/** A customer-only (portal) account id, as JSM issues them. */
export function customerAccountId(n: number): string {
  return `qm:a713c8ea-1075-4e30-9d96-891a7d181739:${hex(0x5ad6d358 + n * 104729, 8)}${hex(n * 2246822519, 8)}${hex(n, 8)}`;
}

/** An app (bot) account id. */
export function appAccountId(n: number): string {
  return `557058:${hex(0xf58131cb + n, 8)}-b67d-43c7-b30d-${hex(0x6b58d40b + n, 8)}${hex(n, 4)}`;
}

/** A group id (UUID). */
export function groupUuid(n: number): string {
  return `${hex(0x276f955c + n * 977, 8)}-${hex(n * 13, 4)}-4${hex(n * 7, 3)}-9${hex(n * 3, 3)}-${hex(n * 40503, 8)}${hex(n, 4)}`;
}
