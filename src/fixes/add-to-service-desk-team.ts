/**
 * Fix for SA-PROJECT-ROLE: add the service account to the "Service Desk Team" role
 * of each desk where it holds no agent role, directly or through a group. The plan
 * reuses the check's own judgement (agentRoles, membershipOf), so the fix offers
 * exactly what the check asks for and nothing where the check passes. A
 * team-managed desk whose agent role has another name is left to the admin: adding
 * the account to a role the check merely recognises could grant the wrong thing.
 */
import type { JiraClient } from '../jira/jira-client';
import { PROJECT_ROLE } from '../gather/project-details';
import type { components as Platform } from '../jira/generated/jira-platform';
import { agentRoles, membershipOf, SERVICE_DESK_TEAM_ROLE } from '../requirements/service-account/sa-project-role';
import { accountLabel, lookupServiceAccount } from '../requirements/service-account/service-account-found';
import type { Fix, FixPlan, PlannedChange } from './fix';
import type { ChangeResult, FixBlocker } from '../shared/fix-model';
import { permissionBlocker } from './permission';
import { writeFailure } from './jira-words';
import { emptyPlan } from './plan-scope';

export const ADD_TO_SERVICE_DESK_TEAM = 'add-to-service-desk-team';

export interface RoleChangePayload {
  projectKey: string;
  roleId: string;
  accountId: string;
  accountName: string;
}

type JiraProjectRole = Platform['schemas']['ProjectRole'];

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export const addToServiceDeskTeam: Fix = {
  meta: {
    id: ADD_TO_SERVICE_DESK_TEAM,
    title: 'Add the service account to Service Desk Team',
    description:
      'Adds the Moveworks service account to the Service Desk Team role of the service desk, so it works on tickets as an agent.',
    resolves: ['SA-PROJECT-ROLE'],
    scope: 'desk',
    permission: 'project-admin',
    scopes: ['manage:jira-configuration'],
    itemVerb: 'added',
  },
  requires: ['serviceAccount', 'projectRoles'],
  changes: ['projectRoles'],

  plan({ snapshot, settings, projects, caller }): FixPlan {
    const plan = emptyPlan(ADD_TO_SERVICE_DESK_TEAM, projects);
    const lookup = lookupServiceAccount(snapshot, settings);
    if (!lookup.found) {
      plan.blockers.push({ reason: `The service account cannot be added to any role: ${lookup.reason}. SA-EXISTS says what to do first.` });
      return plan;
    }
    const account = lookup.account;
    const who = accountLabel(account);

    for (const project of projects) {
      const blocker = deskBlocker(project, caller);
      if (blocker) {
        plan.blockers.push(blocker);
        continue;
      }
      if (!project.roles?.ok) continue; // deskBlocker covers it; narrows the type
      const candidates = agentRoles(project.roles.value, project.style);
      if (candidates.some((role) => membershipOf(role, account))) continue;
      const role = candidates.find((r) => sameName(r.name, SERVICE_DESK_TEAM_ROLE));
      if (!role) {
        plan.blockers.push(
          candidates.length === 0
            ? { reason: `${project.name} (${project.key}) has no "${SERVICE_DESK_TEAM_ROLE}" role to add ${who} to.`, who: 'a Jira administrator (Settings > System > Project roles)' }
            : { reason: `${project.name} (${project.key}) is team-managed and calls its agent role "${candidates[0]!.name}"; add ${who} to it in the project's access settings.`, who: `an administrator of ${project.key}` },
        );
        continue;
      }
      const payload: RoleChangePayload = { projectKey: project.key, roleId: role.id, accountId: account.accountId, accountName: who };
      plan.changes.push({
        id: `${project.key}:role:${role.id}:${account.accountId}`,
        summary: `Add ${who} to the ${role.name} role of ${project.name} (${project.key})`,
        target: { kind: 'project-role', id: role.id, name: `${role.name} in ${project.key}` },
        reach: { projects: [{ key: project.key, name: project.name }] },
        items: 1,
        payload,
      });
    }
    if (plan.changes.length === 1) plan.summary = `Add ${who} to ${SERVICE_DESK_TEAM_ROLE} in ${plan.changes[0]!.reach.projects[0]!.name}`;
    else if (plan.changes.length > 1) plan.summary = `Add ${who} to ${SERVICE_DESK_TEAM_ROLE} in ${plan.changes.length} service desks`;
    return plan;
  },

  async apply(change: PlannedChange, client: JiraClient): Promise<ChangeResult> {
    const p = change.payload as RoleChangePayload;
    const path = { projectIdOrKey: p.projectKey, id: p.roleId };
    const item = (outcome: 'done' | 'unchanged' | 'failed', message?: string) => [{ id: p.accountId, name: p.accountName, outcome, ...(message ? { message } : {}) }];
    try {
      // Idempotent by reading first: Jira answers 400 to adding an actor twice.
      const role = await client.get<JiraProjectRole>(PROJECT_ROLE, { path });
      if ((role?.actors ?? []).some((a) => a.actorUser?.accountId === p.accountId)) {
        return { changeId: change.id, outcome: 'unchanged', message: `${p.accountName} already holds the role.`, itemsDone: 0, items: item('unchanged') };
      }
      await client.post(PROJECT_ROLE, { user: [p.accountId] }, { path });
      return { changeId: change.id, outcome: 'applied', message: `Added ${p.accountName}.`, itemsDone: 1, itemsFailed: 0, items: item('done') };
    } catch (error) {
      const failure = writeFailure(error);
      if (failure.status === 400 && /already/i.test(failure.message)) {
        return { changeId: change.id, outcome: 'unchanged', message: failure.message, itemsDone: 0, items: item('unchanged', failure.message) };
      }
      return { changeId: change.id, outcome: failure.outcome, message: failure.message, itemsDone: 0, itemsFailed: 1, items: item('failed', failure.message) };
    }
  },
};

function deskBlocker(project: Parameters<Fix['plan']>[0]['projects'][number], caller: Parameters<Fix['plan']>[0]['caller']): FixBlocker | undefined {
  const permission = permissionBlocker('project-admin', caller, project.key, 'add people to its roles');
  if (permission) return permission;
  if (project.unavailable) return { reason: `${project.key} could not be read: ${project.unavailable.message}` };
  if (!project.roles?.ok) return { reason: `The roles of ${project.key} could not be read: ${project.roles ? project.roles.error.message : 'they were not read in this run'}` };
  return undefined;
}
