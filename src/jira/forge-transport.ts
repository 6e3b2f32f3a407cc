/**
 * JiraTransport over Forge's requestJira, as the app or as a user. Forge resolves
 * the site itself; `baseUrl` (from the invocation context's siteUrl) is kept only
 * for deep links. requestJira does not throw on 429/5xx, so JiraClient's back-off
 * applies unchanged. A user who has not granted the app access gets Forge's
 * NEEDS_AUTHENTICATION_ERR, which must leave the function as it came (see needs-consent.ts).
 */
import api, { assumeTrustedRoute } from '@forge/api';
import { needsUserConsent } from './needs-consent';
import { TransportError, type JiraTransport, type TransportRequest, type TransportResponse } from './transport';

export type ForgeTransportMode = 'app' | { asUserAccountId?: string };

export function createForgeTransport(mode: ForgeTransportMode, baseUrl: string): JiraTransport {
  async function request(req: TransportRequest): Promise<TransportResponse> {
    if (!req.path.startsWith('/rest/')) throw new TransportError('network', 'Refusing a Jira path outside /rest/');
    // Resolved per call, inside the invocation whose context (the user) it needs.
    const requester = mode === 'app' ? api.asApp() : api.asUser(mode.asUserAccountId);
    // Paths are built by JiraClient from fixed templates with every parameter URI-encoded.
    const route = assumeTrustedRoute(req.path);
    try {
      const response = await requester.requestJira(route, {
        method: req.method,
        headers: req.headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
      });
      return { status: response.status, headers: response.headers, text: () => response.text() };
    } catch (error) {
      if (needsUserConsent(error)) throw error;
      const name = error instanceof Error ? error.name : 'Error';
      throw new TransportError(/timeout/i.test(name) ? 'timeout' : 'network', `Forge could not reach Jira (${name})`);
    }
  }

  return { baseUrl: baseUrl.replace(/\/+$/, ''), request };
}
