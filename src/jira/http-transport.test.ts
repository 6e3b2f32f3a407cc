import { JiraClient } from './jira-client';
import { JiraError } from './jira-error';
import { createHttpTransport, normaliseBaseUrl } from './http-transport';
import { TransportError } from './transport';

const TOKEN = 'ATATT3xFfGF0-super-secret-token';

describe('createHttpTransport', () => {
  it('sends Basic auth, JSON and the user agent to baseUrl + path', async () => {
    const seen: { url: string; init: RequestInit }[] = [];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      seen.push({ url, init });
      return new Response('{"ok":true}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    }) as unknown as typeof fetch;
    const transport = createHttpTransport({ baseUrl: 'https://acme.atlassian.net/', email: 'admin@acme.com', apiToken: TOKEN, fetchImpl, userAgent: 'test-agent' });
    const client = new JiraClient(transport);
    await expect(client.post('/rest/api/3/workflows', { workflowNames: ['A'] })).resolves.toEqual({ ok: true });
    expect(seen[0].url).toBe('https://acme.atlassian.net/rest/api/3/workflows');
    const headers = seen[0].init.headers as Record<string, string>;
    expect(headers.Authorization).toBe(`Basic ${Buffer.from(`admin@acme.com:${TOKEN}`).toString('base64')}`);
    expect(headers['User-Agent']).toBe('test-agent');
    expect(seen[0].init.body).toBe('{"workflowNames":["A"]}');
  });

  it('turns an abort after timeoutMs into a timeout error naming the host, not the token', async () => {
    const fetchImpl = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      })) as unknown as typeof fetch;
    const transport = createHttpTransport({ baseUrl: 'https://acme.atlassian.net', email: 'a@b.c', apiToken: TOKEN, fetchImpl });
    const error = await transport.request({ method: 'GET', path: '/rest/api/3/serverInfo', timeoutMs: 20 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).kind).toBe('timeout');
    expect((error as TransportError).message).toContain('acme.atlassian.net');
    expect((error as TransportError).message).not.toContain(TOKEN);
  });

  it('reports an unreachable site as kind network through the client', async () => {
    // Port 9 (discard) on localhost is closed on test machines: a real connection refusal.
    const transport = createHttpTransport({ baseUrl: 'http://127.0.0.1:9', email: 'a@b.c', apiToken: TOKEN });
    const client = new JiraClient(transport, { sleep: async () => undefined });
    const error = (await client.get('/rest/api/3/serverInfo').catch((e: unknown) => e)) as JiraError;
    expect(error).toBeInstanceOf(JiraError);
    expect(error.kind).toBe('network');
    expect(error.message).toContain('127.0.0.1:9');
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect(error.message).not.toContain(TOKEN);
  });

  it('does not follow redirects with the credentials, and the client explains the redirect', async () => {
    const seen: RequestInit[] = [];
    const fetchImpl = (async (_url: string, init: RequestInit) => {
      seen.push(init);
      return new Response('', { status: 301, headers: { Location: 'https://elsewhere.example/rest/api/3/serverInfo' } });
    }) as unknown as typeof fetch;
    const client = new JiraClient(createHttpTransport({ baseUrl: 'http://acme.atlassian.net', email: 'a@b.c', apiToken: TOKEN, fetchImpl }));
    const error = (await client.get('/rest/api/3/serverInfo').catch((e: unknown) => e)) as JiraError;
    expect(seen[0].redirect).toBe('manual');
    expect(seen).toHaveLength(1);
    expect(error.kind).toBe('malformed');
    expect(error.message).toContain('check the site URL');
  });

  it('normalises base URLs', () => {
    expect(normaliseBaseUrl('acme.atlassian.net')).toBe('https://acme.atlassian.net');
    expect(normaliseBaseUrl('https://acme.atlassian.net///')).toBe('https://acme.atlassian.net');
    expect(normaliseBaseUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
  });
});
