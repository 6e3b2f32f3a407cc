/**
 * The shape of a simulated site as the lower bound needs it: how many of each
 * artifact the checks need, counted by walking the simulator's model directly (not
 * by asking the gatherer), so the bound is independent of the code it judges.
 */
import type { SiteModel } from '../dev/simulator/model';

export interface DeskShape {
  key: string;
  style: 'company-managed' | 'team-managed';
  /** Customers added one by one (JSM's customer listing). */
  customers: number;
  /** Ids of the organizations associated with the desk (their members are customers too). */
  organizations: string[];
  requestTypes: number;
  /** Issue types behind the request types. */
  issueTypes: number;
  /** Company-managed: names of the workflows its issue types run. */
  workflowNames: string[];
  /** Resolve-candidate screens of those workflows: screen id → tab count. */
  screens: Record<string, number>;
}

export interface SiteShape {
  /** Active members per configured end-user group. */
  groupMembers: Record<string, number>;
  /** Service desks (JSM's list) and service_desk projects (project search). */
  desks: number;
  serviceDeskProjects: number;
  deskShapes: DeskShape[];
  /** Members per organization associated with any desk (an organization shared by desks appears once). */
  organizationMembers: Record<string, number>;
}

/** Screen ids of transitions into a Done-category status (the candidates for "the Resolve transition"). */
function resolveScreens(model: SiteModel, workflowName: string): Record<string, number> {
  const workflow = model.workflowByName(workflowName);
  const screens: Record<string, number> = {};
  for (const t of workflow?.transitions ?? []) {
    const screenId = t.transitionScreen?.parameters?.screenId;
    const target = t.toStatusReference ? model.status(t.toStatusReference) : undefined;
    if (!screenId || target?.statusCategory !== 'DONE') continue;
    screens[String(screenId)] = model.screen(Number(screenId))?.tabs.length ?? 0;
  }
  return screens;
}

export function siteShape(model: SiteModel, endUserGroups: readonly string[]): SiteShape {
  const groupMembers: Record<string, number> = {};
  for (const name of endUserGroups) {
    const group = model.groupByName(name);
    groupMembers[name] = group ? model.groupMembers(group.groupId).filter((id) => model.user(id)?.active).length : 0;
  }
  const deskShapes: DeskShape[] = model.serviceDesks().map((project) => {
    const issueTypeIds = [...new Set(project.requestTypes.map((rt) => rt.issueTypeId))];
    const workflowNames = new Set<string>();
    const screens: Record<string, number> = {};
    if (project.style !== 'next-gen') {
      for (const id of issueTypeIds) {
        const name = model.workflowFor(project, id)?.name;
        if (!name) continue;
        workflowNames.add(name);
        Object.assign(screens, resolveScreens(model, name));
      }
    }
    return {
      key: project.key,
      style: project.style === 'next-gen' ? 'team-managed' : 'company-managed',
      customers: model.customersOf(project.id).filter((id) => model.user(id)).length,
      organizations: model.organizationsOf(project.id).map((o) => o.id),
      requestTypes: project.requestTypes.length,
      issueTypes: issueTypeIds.length,
      workflowNames: [...workflowNames].sort(),
      screens,
    };
  });
  const organizationMembers: Record<string, number> = {};
  for (const project of model.serviceDesks()) {
    for (const o of model.organizationsOf(project.id)) organizationMembers[o.id] = model.membersOfOrganization(o.id).length;
  }
  return {
    groupMembers,
    organizationMembers,
    desks: deskShapes.length,
    serviceDeskProjects: model.allProjects().filter((p) => p.projectTypeKey === 'service_desk').length,
    deskShapes,
  };
}
