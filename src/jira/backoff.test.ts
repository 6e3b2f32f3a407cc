import { DEFAULT_RETRY_POLICY, jitteredBackoffMs, retryCauseForStatus, retryDelayMs, serverHintMs, waitBeyondAllowance } from './backoff';

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
    expect(retryDelayMs({ retryIndex: 10, nowMs: NOW, policy, random: almostOne })).toBe(4999);
  });

  it('honours the period the server asked for in full: the cap is only for our own back-off', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, maxDelayMs: 30_000 };
    const half = () => 0.5;
    expect(retryDelayMs({ retryIndex: 0, headers: headers({ 'Retry-After': '120' }), nowMs: NOW, policy, random: half })).toBe(120_000);
    expect(retryDelayMs({ retryIndex: 0, headers: headers({ 'X-RateLimit-Reset': '2026-11-28T11:00:00Z' }), nowMs: NOW, policy, random: half })).toBe(3_600_000);
  });

  it('reads an X-RateLimit-Reset given to the minute as the end of that minute', () => {
    // Atlassian documents the format yyyy-MM-ddTHH:mmZ: the reset may fall anywhere in that minute.
    expect(serverHintMs(headers({ 'X-RateLimit-Reset': '2026-11-28T10:01Z' }), NOW)).toBe(120_000);
    expect(serverHintMs(headers({ 'X-RateLimit-Reset': '2026-11-28T10:01:30Z' }), NOW)).toBe(90_000);
  });

  it('says why a wait does not fit: past the deadline, or beyond the retry budget left', () => {
    const base = { nowMs: NOW, blockedMs: 0, retryBudgetMs: 180_000 };
    expect(waitBeyondAllowance(NOW + 120_000, { ...base, addedMs: 120_000 })).toBeUndefined();
    expect(waitBeyondAllowance(NOW + 120_000, { ...base, addedMs: 120_000, deadlineMs: NOW + 90_500 })).toBe('more than the 90 s left before this run must finish');
    expect(waitBeyondAllowance(NOW + 120_000, { ...base, blockedMs: 100_000, addedMs: 120_000 })).toBe("more than the 80 s left of the run's retry budget of 180 s");
  });
});
