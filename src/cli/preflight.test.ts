import { createHttpTransport } from '../jira/http-transport';
import type { JiraTransport, TransportResponse } from '../jira/transport';
import { preflight } from './preflight';
import { RunAbortedError } from './usage-error';
import * as http from 'http';
import type { AddressInfo } from 'net';

function fixed(status: number, body: unknown): JiraTransport {
  return {
    baseUrl: 'https://acme.atlassian.net',
    request: async (): Promise<TransportResponse> => ({ status, headers: { get: () => null }, text: async () => JSON.stringify(body) }),
  };
}

const noWait = { sleep: async () => undefined };

async function abortMessage(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    expect(error).toBeInstanceOf(RunAbortedError);
    return (error as Error).message;
  }
  throw new Error('expected RunAbortedError');
}

describe('preflight', () => {
  it('returns the calling account', async () => {
    await expect(preflight(fixed(200, { accountId: 'abc', displayName: 'Priya' }), noWait)).resolves.toEqual({ accountId: 'abc', displayName: 'Priya' });
  });

  it('calls 401 and 403 "authentication refused"', async () => {
    expect(await abortMessage(preflight(fixed(401, { errorMessages: ['no'] }), noWait))).toBe(
      'Authentication refused by acme.atlassian.net (HTTP 401): check the e-mail and API token (an API token, not the password).',
    );
    expect(await abortMessage(preflight(fixed(403, {}), noWait))).toMatch(/^Authentication refused by acme\.atlassian\.net \(HTTP 403\)/);
  });

  it('refuses a site that is not Jira', async () => {
    expect(await abortMessage(preflight(fixed(404, {}), noWait))).toMatch(/has no Jira REST API/);
    expect(await abortMessage(preflight(fixed(200, '<html>'), noWait))).toMatch(/did not answer like Jira Cloud/);
  });

  it('says the site is unreachable when nothing listens on the port', async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const transport = createHttpTransport({ baseUrl: `http://127.0.0.1:${port}`, email: 'a@acme.com', apiToken: 'secret-token' });
    const message = await abortMessage(preflight(transport, noWait));
    expect(message).toMatch(new RegExp(`^Could not reach 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`));
    expect(message).not.toContain('secret-token');
  });
});
