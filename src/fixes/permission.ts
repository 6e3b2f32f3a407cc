/** Whether the caller may make a fix's changes on a desk: the plan says so instead of letting Jira refuse halfway. */
import type { FixPlanInput } from './fix';
import type { FixBlocker, FixPermission } from '../shared/fix-model';

export function mayChange(permission: FixPermission, caller: FixPlanInput['caller'], projectKey?: string): boolean {
  if (caller.isSiteAdmin) return true;
  return permission === 'project-admin' && projectKey !== undefined && caller.administersProjects.includes(projectKey);
}

/** A blocker naming who can do it instead, or undefined when the caller may. */
export function permissionBlocker(permission: FixPermission, caller: FixPlanInput['caller'], projectKey: string | undefined, what: string): FixBlocker | undefined {
  if (mayChange(permission, caller, projectKey)) return undefined;
  return permission === 'site-admin' || projectKey === undefined
    ? { reason: `Only a Jira administrator can ${what}.`, who: 'a Jira administrator' }
    : { reason: `You do not administer ${projectKey}, so you cannot ${what}.`, who: `an administrator of ${projectKey} or a Jira administrator` };
}
