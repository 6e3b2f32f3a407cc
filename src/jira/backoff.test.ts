import { DEFAULT_RETRY_POLICY, jitteredBackoffMs, retryCauseForStatus, retryDelayMs, serverHintMs } from './backoff';

const headers = (h: Record<string, string>) => ({ get: (name: string) => h[name] ?? null });
const NOW = Date.parse('2026-11-28T10:00:00Z');

describe('back-off decisions', () => {
  it('reads Retry-After as seconds or as an HTTP date, and X-RateLimit-Reset as ISO 8601', () => {
    expect(serverHintMs(headers({ 'Retry-After': '2.5' }), NOW)).toBe(2500);
    expect(serverHintMs(headers({ 'Retry-After': 'Sat, 28 Nov 2026 10:00:09 GMT' }), NOW)).toBe(9000);
    expect(serverHintMs(headers({ 'X-RateLimit-Reset': '2026-11-28T10:01:00Z' }), NOW)).toBe(60_000);
  });

  it('treats a reset time in the past as "now", and nonsense as no hint', () => {
    expect(serverHintMs(headers({ 'X-RateLimit-Reset': '2026-11-28T09:59:00Z' }), NOW)).toBe(0);
    expect(serverHintMs(headers({ 'Retry-After': 'soon' }), NOW)).toBeUndefined();
    expect(serverHintMs(headers({}), NOW)).toBeUndefined();
  });

  it('classifies statuses: 429 rate limit, 502/503/504 transient, other 5xx server, 4xx not retried', () => {
    expect([429, 502, 503, 504, 500, 501, 400, 404].map(retryCauseForStatus)).toEqual(['rate_limit', 'transient', 'transient', 'transient', 'server', 'server', undefined, undefined]);
  });

  it('grows the jitter ceiling exponentially up to the single-wait cap', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1000, maxDelayMs: 5000 };
    const almostOne = () => 0.9999;
    expect([0, 1, 2, 3, 10].map((n) => jitteredBackoffMs(n, policy, almostOne))).toEqual([999, 1999, 3999, 4999, 4999]);
    expect(retryDelayMs({ retryIndex: 0, headers: headers({ 'Retry-After': '60' }), nowMs: NOW, policy, random: almostOne })).toBe(5000);
  });
});
