/**
 * What the account given to `fix` may change, asked of Jira as that account in one
 * call per 1000 desks (POST /rest/api/3/permissions/check): Administer Jira, and
 * Administer Projects on each desk the fixes would touch. A fix's plan turns what
 * the account may not do into blockers naming who can, instead of letting Jira
 * refuse halfway through.
 */
import type { components as Platform } from '../jira/generated/jira-platform';
import type { JiraClient } from '../jira/jira-client';
import type { FixPlanInput } from '../fixes/fix';

export const PERMISSIONS_CHECK = '/rest/api/3/permissions/check';
/** "A maximum of 1000 projects and 1000 issues can be checked" per call. */
export const PROJECTS_PER_CHECK = 1000;

type BulkPermissionsRequest = Platform['schemas']['BulkPermissionsRequestBean'];
type BulkPermissionGrants = Platform['schemas']['BulkPermissionGrants'];

/** Pure: the plan's caller from Jira's answers; a project id Jira did not grant is not administered. */
export function callerFromGrants(grants: readonly BulkPermissionGrants[], projects: readonly { id: string; key: string }[]): FixPlanInput['caller'] {
  const isSiteAdmin = grants.some((g) => (g.globalPermissions ?? []).includes('ADMINISTER'));
  const granted = new Set<string>();
  for (const g of grants) {
    for (const p of g.projectPermissions ?? []) if (p.permission === 'ADMINISTER_PROJECTS') for (const id of p.projects ?? []) granted.add(String(id));
  }
  return { isSiteAdmin, administersProjects: projects.filter((p) => granted.has(p.id)).map((p) => p.key) };
}

/** Throws the client's JiraError when Jira does not answer: a caller it cannot confirm is not assumed to be anyone. */
export async function callerPermissions(client: JiraClient, projects: readonly { id: string; key: string }[]): Promise<FixPlanInput['caller']> {
  const ids = [...new Set(projects.map((p) => Number(p.id)).filter((id) => Number.isSafeInteger(id) && id > 0))];
  const grants: BulkPermissionGrants[] = [];
  let at = 0;
  do {
    const chunk = ids.slice(at, at + PROJECTS_PER_CHECK);
    const body: BulkPermissionsRequest = { globalPermissions: ['ADMINISTER'] };
    if (chunk.length > 0) body.projectPermissions = [{ permissions: ['ADMINISTER_PROJECTS'], projects: chunk }];
    grants.push((await client.post<BulkPermissionGrants>(PERMISSIONS_CHECK, body)) ?? { globalPermissions: [], projectPermissions: [] });
    at += PROJECTS_PER_CHECK;
  } while (at < ids.length);
  return callerFromGrants(grants, projects);
}
