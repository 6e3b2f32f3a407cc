/**
 * Asks Jira, as the caller, which of the two permissions that matter here they hold:
 * ADMINISTER (Jira administrator: the admin page) and ADMINISTER_PROJECTS on one
 * project (project admin: the project settings page).
 */
import type { JiraTransport } from '../../jira/transport';
import { callJira } from '../jira/call-jira';

export interface CallerPermissions {
  siteAdmin: boolean;
  /** Admin of the project named in the request; false when none was named. */
  projectAdmin: boolean;
}

interface MyPermissionsBody {
  permissions?: Record<string, { havePermission?: boolean }>;
}

export class PermissionLookupError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'PermissionLookupError';
  }
}

export async function myPermissions(transport: JiraTransport, projectKey?: string): Promise<CallerPermissions> {
  const query = new URLSearchParams({ permissions: 'ADMINISTER,ADMINISTER_PROJECTS' });
  if (projectKey) query.set('projectKey', projectKey);
  const answer = await callJira<MyPermissionsBody>(transport, 'GET', `/rest/api/3/mypermissions?${query.toString()}`);
  if (!answer.ok || !answer.body?.permissions) {
    throw new PermissionLookupError(answer.status, answer.ok ? 'Jira answered the permission check without permissions.' : answer.message);
  }
  const has = (key: string) => answer.body!.permissions![key]?.havePermission === true;
  return { siteAdmin: has('ADMINISTER'), projectAdmin: Boolean(projectKey) && has('ADMINISTER_PROJECTS') };
}
