import { NeedsAuthenticationError } from '@forge/api';
import { JiraClient } from './jira-client';
import { needsUserConsent } from './needs-consent';
import { TransportError, type JiraTransport } from './transport';

const consentError = () => new NeedsAuthenticationError('Authentication Required', 'atlassian-token-service-key');

describe('needsUserConsent', () => {
  it('recognises the error @forge/api throws when the user has not allowed access, and nothing else', () => {
    expect(needsUserConsent(consentError())).toBe(true);
    expect(needsUserConsent(new TransportError('network', 'Forge could not reach Jira (FetchError)'))).toBe(false);
    expect(needsUserConsent(new Error('NEEDS_AUTHENTICATION_ERR'))).toBe(false);
    expect(needsUserConsent({ name: 'NEEDS_AUTHENTICATION_ERR' })).toBe(false);
  });
});

describe('JiraClient and a user who has not allowed access', () => {
  it('rethrows NEEDS_AUTHENTICATION_ERR untouched, without retrying it', async () => {
    const thrown = consentError();
    let calls = 0;
    const transport: JiraTransport = {
      baseUrl: 'https://acme.atlassian.net',
      request: async () => {
        calls += 1;
        throw thrown;
      },
    };
    const sleeps: number[] = [];
    const client = new JiraClient(transport, { sleep: async (ms) => void sleeps.push(ms) });
    const error = await client.get('/rest/api/3/mypermissions', { query: { permissions: 'ADMINISTER' } }).catch((e: unknown) => e);
    expect(error).toBe(thrown);
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
  });
});
