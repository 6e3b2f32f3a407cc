/**
 * A fake Jira for the backend tests: routes answer by method + path (regexp), every
 * request is recorded with the identity it was made as ('app' or an accountId), and
 * /rest/api/3/mypermissions answers from a table of who administers what.
 */
import type { HttpMethod, JiraTransport, TransportRequest, TransportResponse } from '../../../src/jira/transport';

export const BASE_URL = 'https://acme.atlassian.net';

export interface RecordedRequest extends TransportRequest {
  as: string;
}

export type RouteHandler = (req: RecordedRequest, match: RegExpMatchArray) => { status: number; body?: unknown } | Promise<{ status: number; body?: unknown }>;

export interface Who {
  siteAdmin?: boolean;
  projectAdminOf?: string[];
}

export class FakeJira {
  readonly requests: RecordedRequest[] = [];
  private readonly routes: { method: HttpMethod; pattern: RegExp; handler: RouteHandler }[] = [];

  constructor(readonly people: Record<string, Who> = {}) {
    this.on('GET', /^\/rest\/api\/3\/mypermissions\?(.*)$/, (req, m) => {
      const who = this.people[req.as] ?? {};
      const params = new URLSearchParams(m[1]);
      const projectKey = params.get('projectKey');
      if (projectKey && !/^[A-Z][A-Z0-9_]*$/.test(projectKey)) return { status: 404, body: { errorMessages: ['No project could be found'] } };
      const projectAdmin = projectKey ? Boolean(who.projectAdminOf?.includes(projectKey)) : Boolean(who.projectAdminOf?.length);
      return {
        status: 200,
        body: {
          permissions: {
            ADMINISTER: { key: 'ADMINISTER', havePermission: Boolean(who.siteAdmin) },
            ADMINISTER_PROJECTS: { key: 'ADMINISTER_PROJECTS', havePermission: projectAdmin || Boolean(who.siteAdmin) },
          },
        },
      };
    });
  }

  on(method: HttpMethod, pattern: RegExp, handler: RouteHandler): this {
    this.routes.unshift({ method, pattern, handler });
    return this;
  }

  transport(as: string): JiraTransport {
    return {
      baseUrl: BASE_URL,
      request: async (request: TransportRequest): Promise<TransportResponse> => {
        const recorded = { ...request, as };
        this.requests.push(recorded);
        for (const route of this.routes) {
          const match = request.method === route.method ? request.path.match(route.pattern) : null;
          if (!match) continue;
          const { status, body } = await route.handler(recorded, match);
          const text = body === undefined ? '' : JSON.stringify(body);
          return { status, headers: { get: () => null }, text: async () => text };
        }
        return { status: 404, headers: { get: () => null }, text: async () => JSON.stringify({ errorMessages: [`No route for ${request.method} ${request.path}`] }) };
      },
    };
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }
}
