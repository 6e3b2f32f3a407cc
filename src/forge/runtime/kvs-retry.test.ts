import { isKvsRateLimited, withKvsRetry } from './kvs-retry';

/** kvs's error body for a request past its limits, as @forge/kvs raises it. */
const rateLimited = () => Object.assign(new Error('Rate limit exceeded'), { code: 'RATE_LIMIT_EXCEEDED', responseDetails: { status: 429, statusText: 'Too Many Requests' } });

describe('kvs requests over its limits', () => {
  it('waits out a 429 with growing waits and returns what the retry got', async () => {
    const slept: number[] = [];
    let calls = 0;
    const value = await withKvsRetry(
      async () => {
        calls += 1;
        if (calls < 3) throw rateLimited();
        return 'stored';
      },
      { waitsMs: [10, 20, 40], sleep: async (ms) => void slept.push(ms) },
    );
    expect([value, calls, slept]).toEqual(['stored', 3, [10, 20]]);
  });

  it('gives up with kvs’s own error once every wait is spent', async () => {
    let calls = 0;
    const request = withKvsRetry(async () => {
      calls += 1;
      throw rateLimited();
    }, { waitsMs: [1, 1], sleep: async () => undefined });
    await expect(request).rejects.toMatchObject({ code: 'RATE_LIMIT_EXCEEDED' });
    expect(calls).toBe(3);
  });

  it.each([
    ['a conflict (createIfAbsent on a key that exists)', Object.assign(new Error('conflict'), { code: 'KEY_CONFLICT', responseDetails: { status: 409 } })],
    ['a value too large', Object.assign(new Error('too big'), { code: 'MAX_SIZE', responseDetails: { status: 400 } })],
    ['a network failure', new Error('socket hang up')],
  ])('passes %s through at once, untried again', async (_name, error) => {
    let calls = 0;
    await expect(withKvsRetry(async () => {
      calls += 1;
      throw error;
    }, { sleep: async () => undefined })).rejects.toBe(error);
    expect(calls).toBe(1);
    expect(isKvsRateLimited(error)).toBe(false);
  });
});
