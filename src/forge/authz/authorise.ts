/**
 * Server-side authorisation for every resolver (display conditions are not a
 * security boundary). Checked through Jira as the caller on every call:
 * - 'site' resolvers: the caller is a Jira administrator (ADMINISTER).
 * - 'project' resolvers: on the admin page, a Jira administrator; on the project
 *   settings page, an administrator of THAT project (ADMINISTER_PROJECTS on the
 *   extension context's project key, never one from the payload), who may only
 *   touch that project.
 * No accountId, a failed permission lookup or a payload naming another project
 * are all denied: the call fails closed with UNAUTHORISED and nothing changes.
 */
import { needsUserConsent } from '../../jira/needs-consent';
import type { AppDeps, InvocationContext } from '../deps';
import { ResolverFailure } from '../errors';
import { myPermissions } from './my-permissions';

export type Access = 'site' | 'project';

export interface Caller {
  accountId: string;
  siteAdmin: boolean;
  surface: 'admin' | 'project';
  /** On the project settings page: the only project this caller may touch. */
  limitedToProject?: string;
}

const denied = (message: string) => ResolverFailure.of('UNAUTHORISED', message);

export async function authorise(
  deps: AppDeps,
  ctx: InvocationContext,
  access: Access,
  requestedProjects: readonly string[] = [],
): Promise<Caller> {
  if (!ctx.accountId) throw denied('You need to be logged in to Jira to use this app.');
  const accountId = ctx.accountId;
  const projectKey = ctx.surface === 'project' ? ctx.projectKey : undefined;
  if (ctx.surface === 'project' && !projectKey) throw denied('This page did not say which project it belongs to.');

  let perms;
  try {
    perms = await myPermissions(deps.jiraAsUser(accountId), projectKey);
  } catch (e) {
    // Not a denial: Forge asks the user to allow access, then the call is made again.
    if (needsUserConsent(e)) throw e;
    deps.log.warn('Permission check failed; denying', { accountId, surface: ctx.surface, reason: e instanceof Error ? e.message : String(e) });
    throw denied('Jira could not confirm your permissions, so the app refused the request. Try again in a moment.');
  }

  if (access === 'site' || ctx.surface === 'admin') {
    if (!perms.siteAdmin) throw denied('Only Jira administrators can do this.');
    if (ctx.surface === 'admin') return { accountId, siteAdmin: true, surface: 'admin' };
  }
  // Project settings page from here on.
  if (!perms.siteAdmin && !perms.projectAdmin) throw denied(`Only administrators of project ${projectKey} can do this.`);
  const other = requestedProjects.find((k) => k !== projectKey);
  if (other !== undefined) throw denied(`From the settings of project ${projectKey} you can only work on ${projectKey}, not ${other}.`);
  return { accountId, siteAdmin: perms.siteAdmin, surface: 'project', limitedToProject: projectKey };
}
