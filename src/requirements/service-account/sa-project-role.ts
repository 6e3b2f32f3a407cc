/**
 * SA-PROJECT-ROLE: the service account holds the Service Desk Team role in the project,
 * directly or through one of its groups.
 *
 * Team-managed service projects may call the agent role differently; there a role
 * whose name reads like agents is accepted when no "Service Desk Team" exists.
 * When no such role can be recognised the check does not guess: it is `undecided`
 * (team-managed) or `violated` (company-managed, where the role must exist).
 */
import type { ProjectSnapshot, ProjectRole, RoleActor, ServiceAccountInfo } from '../../gather/snapshot';
import type { RemediationStep } from '../../shared/report-model';
import type { CheckOutcome, ProjectCheck } from '../check';
import { DOCS, siteLinks } from '../links';
import { requiredValue } from '../required-value';
import { accountLabel, dependsOnServiceAccount, lookupServiceAccount } from './service-account-found';

export const SERVICE_DESK_TEAM_ROLE = 'Service Desk Team';

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
// Narrow on purpose: a loosely matched role (e.g. "Team Lead") could turn into a false pass.
const TEAM_MANAGED_AGENT_ROLE = /\bagents?\b|\bservice[\s-]*desk[\s-]*team\b/i;

/** The role(s) the service account must hold, best first. */
export function agentRoles(roles: ProjectRole[], style: ProjectSnapshot['style']): ProjectRole[] {
  const exact = roles.filter((r) => sameName(r.name, SERVICE_DESK_TEAM_ROLE));
  if (exact.length > 0 || style !== 'team-managed') return exact;
  return roles.filter((r) => TEAM_MANAGED_AGENT_ROLE.test(r.name) && !/customer/i.test(r.name));
}

export type RoleMembership = { via: 'direct' } | { via: 'group'; group: string };

/** How the account holds the role, preferring a direct grant; null when it does not. */
export function membershipOf(role: ProjectRole, account: ServiceAccountInfo): RoleMembership | null {
  if (role.actors.some((a) => a.type === 'user' && a.accountId === account.accountId)) return { via: 'direct' };
  const ids = new Set(account.groups.map((g) => g.groupId).filter((id): id is string => !!id));
  const names = new Set(account.groups.map((g) => g.name));
  const viaGroup = role.actors.find(
    (a: RoleActor) => a.type === 'group' && ((a.groupId !== undefined && ids.has(a.groupId)) || (a.groupName !== undefined && names.has(a.groupName))),
  );
  if (!viaGroup) return null;
  const group = account.groups.find((g) => (viaGroup.groupId && g.groupId === viaGroup.groupId) || g.name === viaGroup.groupName);
  return { via: 'group', group: group?.name ?? viaGroup.groupName ?? viaGroup.groupId ?? 'unknown group' };
}

function addSteps(project: ProjectSnapshot, baseUrl: string, roleName: string, who: string): RemediationStep[] {
  const page = project.style === 'team-managed' ? 'Project settings > Access' : 'Project settings > People';
  return [
    {
      text: `Open ${project.name}'s ${page}, click Add people, choose ${who}, pick the role ${roleName} and click Add.`,
      url: siteLinks(baseUrl).projectRoles(project.key, project.style),
    },
    { text: 'Atlassian\'s guide to project roles', url: DOCS.projectRoles },
  ];
}

export const saProjectRole: ProjectCheck = {
  meta: {
    id: 'SA-PROJECT-ROLE',
    title: 'Service account holds the Service Desk Team role',
    failureTitle: 'Service account lacks the Service Desk Team role',
    description:
      'Moveworks works on tickets as an agent of the service desk, so the service account must hold the Service Desk Team role in every service desk project it serves, directly or through a group.',
    severity: 'required',
    group: 'service-account',
    scope: 'project',
    docsUrl: DOCS.projectRoles,
  },
  requires: ['serviceAccount', 'projectRoles'],
  evaluate({ snapshot, settings, project }): CheckOutcome {
    const lookup = lookupServiceAccount(snapshot, settings);
    if (!lookup.found) return dependsOnServiceAccount(`the roles in ${project.key}`, lookup.reason);
    const account = lookup.account;
    const who = accountLabel(account);
    const rolesPage = siteLinks(snapshot.baseUrl).projectRoles(project.key, project.style);

    const roles = requiredValue(project.roles, 'projectRoles');
    const candidates = agentRoles(roles, project.style);
    if (candidates.length === 0) {
      const roleNames = roles.map((r) => r.name);
      if (project.style === 'team-managed') {
        return {
          verdict: 'undecided',
          summary: `This team-managed project has no "${SERVICE_DESK_TEAM_ROLE}" role and no agent role this check can recognise (roles: ${roleNames.join(', ') || 'none'}); check by hand that ${who} is an agent.`,
          evidence: { roles: roleNames, style: project.style },
          remediation: [
            { text: `Open ${project.name}'s Project settings > Access and make sure ${who} is listed with the role that makes people agents of this service desk; then acknowledge this check.`, url: rolesPage },
            { text: 'Atlassian\'s guide to project roles', url: DOCS.projectRoles },
          ],
        };
      }
      return {
        verdict: 'violated',
        summary: `The "${SERVICE_DESK_TEAM_ROLE}" role is missing from ${project.key} (roles: ${roleNames.join(', ') || 'none'}).`,
        evidence: { roles: roleNames, style: project.style },
        remediation: [
          { text: `Ask a Jira admin to restore the ${SERVICE_DESK_TEAM_ROLE} role (Settings > System > Project roles) and grant it in the project's permission scheme.` },
          { text: `Then open ${project.name}'s Project settings > People, click Add people, choose ${who} and pick the role ${SERVICE_DESK_TEAM_ROLE}.`, url: rolesPage },
          { text: 'Atlassian\'s guide to project roles', url: DOCS.projectRoles },
        ],
      };
    }

    for (const role of candidates) {
      const membership = membershipOf(role, account);
      if (membership) {
        const how = membership.via === 'direct' ? 'directly' : `through the group ${membership.group}`;
        return {
          verdict: 'holds',
          summary: `${who} holds the ${role.name} role in ${project.key} ${how}.`,
          evidence: { role: { id: role.id, name: role.name }, ...membership },
        };
      }
    }

    const role = candidates[0];
    return {
      verdict: 'violated',
      summary: `${who} does not hold the ${role.name} role in ${project.key}, neither directly nor through a group.`,
      evidence: {
        role: { id: role.id, name: role.name },
        ...(candidates.length > 1 ? { alsoChecked: candidates.slice(1).map((r) => ({ id: r.id, name: r.name })) } : {}),
        actors: role.actors.length,
      },
      remediation: addSteps(project, snapshot.baseUrl, role.name, who),
    };
  },
};
