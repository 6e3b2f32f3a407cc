const calls: { who: string; route: unknown; init: Record<string, unknown> }[] = [];
let behaviour: 'ok' | 'throw' | 'consent' = 'ok';

jest.mock('@forge/api', () => {
  const actual = jest.requireActual('@forge/api');
  const requester = (who: string) => ({
    requestJira: async (route: unknown, init: Record<string, unknown>) => {
      calls.push({ who, route, init });
      // What @forge/api throws when Forge's proxy answers that the user has not granted the app access.
      if (behaviour === 'consent') throw new actual.NeedsAuthenticationError('Authentication Required', 'atlassian-token-service-key');
      if (behaviour === 'throw') {
        const error = new Error('socket hang up with secret details');
        error.name = 'FetchError';
        throw error;
      }
      return { status: 429, headers: { get: (name: string) => (name === 'Retry-After' ? '3' : null) }, text: async () => '{"errorMessages":["slow down"]}' };
    },
  });
  return {
    __esModule: true,
    default: { asApp: () => requester('app'), asUser: (id?: string) => requester(`user:${id ?? 'caller'}`) },
    assumeTrustedRoute: (path: string) => ({ value: path }),
    NeedsAuthenticationError: actual.NeedsAuthenticationError,
  };
});

import { NeedsAuthenticationError } from '@forge/api';
import { createForgeTransport } from './forge-transport';
import { TransportError } from './transport';

describe('createForgeTransport', () => {
  beforeEach(() => {
    calls.length = 0;
    behaviour = 'ok';
  });

  it('calls requestJira as the app with a trusted route and a JSON body, passing 429 through untouched', async () => {
    const transport = createForgeTransport('app', 'https://acme.atlassian.net/');
    expect(transport.baseUrl).toBe('https://acme.atlassian.net');
    const response = await transport.request({ method: 'POST', path: '/rest/api/3/workflows', headers: { Accept: 'application/json' }, body: { workflowNames: ['A'] } });
    expect(calls[0]).toEqual({ who: 'app', route: { value: '/rest/api/3/workflows' }, init: { method: 'POST', headers: { Accept: 'application/json' }, body: '{"workflowNames":["A"]}' } });
    expect(response.status).toBe(429);
    expect(response.headers.get('Retry-After')).toBe('3');
  });

  it('calls as a given user', async () => {
    await createForgeTransport({ asUserAccountId: '557058:abc' }, 'https://acme.atlassian.net').request({ method: 'GET', path: '/rest/api/3/myself' });
    expect(calls[0].who).toBe('user:557058:abc');
  });

  it('turns a thrown platform error into a network TransportError without its details', async () => {
    behaviour = 'throw';
    const error = await createForgeTransport('app', 'https://acme.atlassian.net')
      .request({ method: 'GET', path: '/rest/api/3/serverInfo' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).kind).toBe('network');
    expect((error as TransportError).message).not.toContain('secret');
  });

  it('lets Forge’s NEEDS_AUTHENTICATION_ERR escape untouched, so Forge can ask the user to allow access', async () => {
    behaviour = 'consent';
    const error = await createForgeTransport({}, 'https://acme.atlassian.net')
      .request({ method: 'GET', path: '/rest/api/3/mypermissions?permissions=ADMINISTER' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NeedsAuthenticationError);
    expect(error).not.toBeInstanceOf(TransportError);
    expect((error as Error).name).toBe('NEEDS_AUTHENTICATION_ERR');
    expect(calls).toHaveLength(1);
  });

  it('refuses paths outside the REST API', async () => {
    await expect(createForgeTransport('app', 'https://acme.atlassian.net').request({ method: 'GET', path: 'https://evil.example/x' })).rejects.toBeInstanceOf(TransportError);
    expect(calls).toHaveLength(0);
  });
});
