/**
 * The simulated site's timing as a bench's command line gives it: each call's latency
 * ± jitter in milliseconds, and Jira's burst limit per endpoint as calls/milliseconds.
 */

/** The parseArgs options, with the bench's own default latency and jitter. */
export function siteTimingOptions(defaults: { latency: string; jitter: string }) {
  return {
    latency: { type: 'string', default: defaults.latency },
    jitter: { type: 'string', default: defaults.jitter },
    burst: { type: 'string', default: '100/1000' },
  } as const;
}

/** "100/1000" → 100 calls per 1,000 ms; anything else is `--option`'s usage error. */
export function callsPerMs(text: string, option: string): { maxRequests: number; perMs: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m) throw new Error(`--${option} takes calls/milliseconds, e.g. 100/1000`);
  return { maxRequests: Number(m[1]), perMs: Number(m[2]) };
}
