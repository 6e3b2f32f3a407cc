/**
 * A user who has not yet granted the app access: Forge's requestJira as that user
 * throws NEEDS_AUTHENTICATION_ERR, and Forge shows its "Allow access" prompt only
 * if that error escapes the resolver. Here requestJira is @forge/api's own error
 * class behind the real Forge transport, so the whole chain is exercised:
 * transport → permission check / picker → resolver envelope → Forge entry point.
 */
let consentMissing = new Set<string>();

jest.mock('@forge/api', () => {
  const actual = jest.requireActual('@forge/api');
  const { FakeJira: Fake } = jest.requireActual('./helpers/fake-jira');
  const { PEOPLE: people, withJiraRoutes: routes } = jest.requireActual('./helpers/seeded-site');
  const site = routes(new Fake(people), { roleActors: [], customers: new Set(), members: [] });
  const requester = (who: string) => ({
    requestJira: async (route: { value: string }, init: { method: string; headers?: Record<string, string>; body?: string }) => {
      if (consentMissing.has(who)) throw new actual.NeedsAuthenticationError('Authentication Required', 'atlassian-token-service-key');
      const answer = await site.transport(who).request({ method: init.method, path: route.value, headers: init.headers, body: init.body && JSON.parse(init.body) });
      return { status: answer.status, headers: answer.headers, text: answer.text };
    },
  });
  return {
    ...actual,
    __esModule: true,
    default: { asApp: () => requester('app'), asUser: (id?: string) => requester(id ?? 'invoker') },
    assumeTrustedRoute: (path: string) => ({ value: path }),
  };
});

import { NeedsAuthenticationError } from '@forge/api';
import { createForgeTransport } from '../../src/jira/forge-transport';
import { buildResolvers } from '../../src/forge/resolvers';
import type { InvocationContext } from '../../src/forge/deps';
import { seededSite } from './helpers/seeded-site';

const ADMIN: InvocationContext = { accountId: 'site-admin', surface: 'admin' };

async function forgeBackedDeps() {
  const { deps } = await seededSite();
  // As Forge wires it: the invoking user is asUser() with no id.
  deps.jiraAsUser = (accountId: string) => createForgeTransport(accountId === 'site-admin' ? { asUserAccountId: 'site-admin' } : {}, 'https://acme.atlassian.net');
  deps.jiraAsApp = () => createForgeTransport('app', 'https://acme.atlassian.net');
  return deps;
}

/** Forge-backed deps where the site admin has granted no consent by the time the app asks Jira for a path `needsConsent` picks. */
async function consentNeededFor(needsConsent: (path: string) => boolean) {
  const deps = await forgeBackedDeps();
  const asUser = deps.jiraAsUser;
  deps.jiraAsUser = (accountId) => {
    const transport = asUser(accountId);
    return {
      baseUrl: transport.baseUrl,
      request: (req) => {
        if (needsConsent(req.path)) consentMissing.add('site-admin');
        return transport.request(req);
      },
    };
  };
  return deps;
}

beforeEach(() => {
  consentMissing = new Set();
});

describe('a user who has not allowed the app access', () => {
  it('gets the consent error out of the resolver (not an UNAUTHORISED answer) when the permission check needs consent', async () => {
    const resolvers = buildResolvers(await forgeBackedDeps());
    expect(await resolvers.getOverview({}, ADMIN)).toMatchObject({ success: true });

    consentMissing.add('site-admin');
    const outcome = await resolvers.getOverview({}, ADMIN).then(
      (answer) => ({ answered: answer }),
      (error: unknown) => ({ thrown: error }),
    );
    expect(outcome).toEqual({ thrown: expect.any(NeedsAuthenticationError) });
    expect((outcome as { thrown: Error }).thrown.name).toBe('NEEDS_AUTHENTICATION_ERR');
  });

  it('gets the consent error out of the resolver when a handler’s own Jira call needs consent', async () => {
    // The permission check passes; the picker's user search is the call that needs consent.
    const deps = await consentNeededFor((path) => path.startsWith('/rest/api/3/user/search'));
    const error = await buildResolvers(deps)
      .searchUsers({ query: 'bot' }, ADMIN)
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(NeedsAuthenticationError);
  });

  it.each(['previewFix', 'applyFix'] as const)('%s: the consent error escapes when reading Jira for the plan needs it, instead of a plan of unreadable desks', async (name) => {
    // The permission check passes; the gather for the fix's plan is what needs consent.
    const deps = await consentNeededFor((path) => !/^\/rest\/api\/3\/(mypermissions|myself)/.test(path));
    const error = await buildResolvers(deps)
      [name]({ fixId: 'add-to-service-desk-team', projectKey: 'IT' }, ADMIN)
      .then((answer) => answer, (e: unknown) => e);
    expect(error).toBeInstanceOf(NeedsAuthenticationError);
  });
});
