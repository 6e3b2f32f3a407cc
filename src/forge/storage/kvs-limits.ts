/**
 * The limits @forge/kvs enforces on every write, applied by the stores that stand in
 * for it (tests, the local preview), so a key or value Forge would refuse fails here
 * first instead of on a customer's site. Error codes are the ones kvs answers.
 */

/** Forge's "KVS and Custom Entity Store limits": keys up to 500 characters matching this pattern. */
export const KVS_MAX_KEY_LENGTH = 500;
export const KVS_KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;
/** "Value size: 240 KiB — Maximum size of a single persisted value". */
export const KVS_MAX_VALUE_BYTES = 240 * 1024;
/** "Object depth: 31 — Maximum object depth permitted". */
export const KVS_MAX_DEPTH = 31;

export class KvsLimitError extends Error {
  constructor(
    readonly code: 'KEY_TOO_SHORT' | 'KEY_TOO_LONG' | 'INVALID_KEY' | 'MAX_SIZE' | 'MAX_DEPTH',
    message: string,
  ) {
    super(message);
    this.name = 'KvsLimitError';
  }
}

export function assertKvsKey(key: string): void {
  if (key.length < 2) throw new KvsLimitError('KEY_TOO_SHORT', 'The provided key needs to be more than one character.');
  if (key.length > KVS_MAX_KEY_LENGTH) throw new KvsLimitError('KEY_TOO_LONG', `The provided key has exceeded the maximum ${KVS_MAX_KEY_LENGTH} characters.`);
  if (!KVS_KEY_PATTERN.test(key)) throw new KvsLimitError('INVALID_KEY', `The provided key does not match the regex: ${KVS_KEY_PATTERN}`);
}

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let deepest = 0;
  for (const child of Object.values(value as Record<string, unknown>)) deepest = Math.max(deepest, depthOf(child));
  return deepest + 1;
}

/** Serialises the value as kvs would store it, refusing what kvs refuses. */
export function serialiseForKvs(key: string, value: unknown): string {
  assertKvsKey(key);
  const raw = JSON.stringify(value);
  const bytes = Buffer.byteLength(raw, 'utf8');
  if (bytes > KVS_MAX_VALUE_BYTES) {
    throw new KvsLimitError('MAX_SIZE', `The value for ${key} is ${Math.ceil(bytes / 1024)} KiB; kvs stores at most ${KVS_MAX_VALUE_BYTES / 1024} KiB.`);
  }
  if (depthOf(value) > KVS_MAX_DEPTH) throw new KvsLimitError('MAX_DEPTH', `The value for ${key} is nested deeper than ${KVS_MAX_DEPTH} levels.`);
  return raw;
}
