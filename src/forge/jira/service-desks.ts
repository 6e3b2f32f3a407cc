/**
 * Lists the site's service desks (JSM paging: start / limit / isLastPage), bounded
 * so a resolver stays well inside Forge's 25 s: at most `maxPages` pages of 50.
 */
import type { JiraTransport } from '../../jira/transport';
import type { ServiceDeskOption } from '../../shared/resolver-api';
import { callJira } from './call-jira';

interface ServiceDeskPage {
  values?: { id?: string | number; projectKey?: string; projectName?: string }[];
  isLastPage?: boolean;
  size?: number;
}

export class JiraCallError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'JiraCallError';
  }
}

export async function listServiceDesks(transport: JiraTransport, maxPages = 10): Promise<ServiceDeskOption[]> {
  const desks: ServiceDeskOption[] = [];
  let start = 0;
  for (let page = 0; page < maxPages; page += 1) {
    const answer = await callJira<ServiceDeskPage>(transport, 'GET', `/rest/servicedeskapi/servicedesk?start=${start}&limit=50`);
    if (!answer.ok) throw new JiraCallError(answer.status, `Jira refused to list the service desks: ${answer.message}`);
    const values = answer.body?.values ?? [];
    for (const v of values) {
      if (v.projectKey && v.id !== undefined) desks.push({ key: v.projectKey, name: v.projectName ?? v.projectKey, id: String(v.id) });
    }
    if (answer.body?.isLastPage !== false || values.length === 0) return desks;
    start += values.length;
  }
  return desks;
}
