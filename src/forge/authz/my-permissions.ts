/**
 * Asks Jira, as the caller, which of the two permissions that matter here they hold:
 * ADMINISTER (Jira administrator: the admin page) and ADMINISTER_PROJECTS on one
 * project (project admin: the project settings page).
 */
import { JiraError } from '../../jira/jira-error';
import type { JiraTransport } from '../../jira/transport';
import { resolverJira } from '../jira/resolver-jira';

export interface CallerPermissions {
  siteAdmin: boolean;
  /** Admin of the project named in the request; false when none was named. */
  projectAdmin: boolean;
}

interface MyPermissionsBody {
  permissions?: Record<string, { havePermission?: boolean }>;
}

export class PermissionLookupError extends Error {
  constructor(readonly status: number | undefined, message: string) {
    super(message);
    this.name = 'PermissionLookupError';
  }
}

export const MY_PERMISSIONS = '/rest/api/3/mypermissions';

export async function myPermissions(transport: JiraTransport, projectKey?: string): Promise<CallerPermissions> {
  let body: MyPermissionsBody | undefined;
  try {
    body = await resolverJira(transport).get<MyPermissionsBody>(MY_PERMISSIONS, {
      query: { permissions: 'ADMINISTER,ADMINISTER_PROJECTS', ...(projectKey ? { projectKey } : {}) },
    });
  } catch (e) {
    // Anything else (Forge's consent prompt above all) escapes as it came.
    if (e instanceof JiraError) throw new PermissionLookupError(e.status, e.message);
    throw e;
  }
  const permissions = body?.permissions;
  if (!permissions) throw new PermissionLookupError(200, 'Jira answered the permission check without permissions.');
  const has = (key: string) => permissions[key]?.havePermission === true;
  return { siteAdmin: has('ADMINISTER'), projectAdmin: Boolean(projectKey) && has('ADMINISTER_PROJECTS') };
}
