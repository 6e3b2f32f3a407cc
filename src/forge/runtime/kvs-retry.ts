/**
 * kvs answers a request past its per-installation limits (1,000 requests a second,
 * 4,000 read and 4,000 write units of 10 KB a minute) with 429 RATE_LIMIT_EXCEEDED.
 * A large run's jobs write in bursts (a run's shared artifacts, a desk's report), so
 * a 429 is waited out and retried a few times, with growing waits, rather than
 * failing the desk's job; anything else passes through as it came.
 */
export interface KvsRetryOptions {
  /** Waits before each retry, in ms; the request is tried once more than this has entries. */
  waitsMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

/** Each wait doubles: the per-minute unit limits recover only as the minute moves on. */
export const KVS_RETRY_WAITS_MS: readonly number[] = [250, 500, 1_000, 2_000, 4_000, 8_000];

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** kvs's error for a request over its limits: status 429, code RATE_LIMIT_EXCEEDED. */
export function isKvsRateLimited(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { code?: unknown; responseDetails?: { status?: unknown } };
  return e.code === 'RATE_LIMIT_EXCEEDED' || e.responseDetails?.status === 429;
}

export async function withKvsRetry<T>(request: () => Promise<T>, options: KvsRetryOptions = {}): Promise<T> {
  const waits = options.waitsMs ?? KVS_RETRY_WAITS_MS;
  const sleep = options.sleep ?? realSleep;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await request();
    } catch (error) {
      if (!isKvsRateLimited(error) || attempt >= waits.length) throw error;
      await sleep(waits[attempt]!);
    }
  }
}
