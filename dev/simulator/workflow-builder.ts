/**
 * Compact descriptions → workflows in the official shape of POST /rest/api/3/workflows
 * (JiraWorkflow with statusReference, typed transitions, `system:*` rule keys), so
 * site data stays readable and every workflow the simulator serves is well-formed.
 */
import type { JiraRuleConfiguration, JiraWorkflow, JiraWorkflowStatus } from '../../src/gather/snapshot';

export type StatusCategoryKey = 'TODO' | 'IN_PROGRESS' | 'DONE';

export function workflowStatus(id: string, name: string, statusCategory: StatusCategoryKey, projectId?: string): JiraWorkflowStatus {
  return {
    id,
    name,
    description: '',
    statusCategory,
    statusReference: id,
    scope: projectId ? { type: 'PROJECT', project: { id: projectId } } : { type: 'GLOBAL' },
  };
}

/** The criteria of a Restrict issue transition condition, as lists; Jira joins each with commas. */
export interface RestrictTo {
  accountIds?: string[];
  roleIds?: string[];
  groupIds?: string[];
  permissionKeys?: string[];
  groupCustomFields?: string[];
  allowUserCustomFields?: string[];
  denyUserCustomFields?: string[];
}

/** Rule configurations as Jira Cloud names them. */
export const RULES = {
  /** Hide the transition from people; the REST API (the bot) can still run it. */
  apiOnly: (): JiraRuleConfiguration => ({ ruleKey: 'system:restrict-from-all-users', parameters: { restrictMode: 'users' } }),
  /**
   * "Restrict issue transition": whoever meets any of the criteria may run it. Jira
   * stores each criterion as a comma-separated string; accountIds also take
   * `allow-assignee` / `allow-reporter` (and are for team-managed projects only).
   */
  restrictTo: (who: RestrictTo): JiraRuleConfiguration => ({
    ruleKey: 'system:restrict-issue-transition',
    parameters: Object.fromEntries(Object.entries(who).filter(([, ids]) => ids && ids.length > 0).map(([key, ids]) => [key, (ids as string[]).join(',')])),
  }),
  /** Only members of the group may run it (Restrict issue transition by groupIds). */
  inGroup: (groupId: string): JiraRuleConfiguration => RULES.restrictTo({ groupIds: [groupId] }),
  setResolution: (resolutionId = '10000'): JiraRuleConfiguration => ({
    ruleKey: 'system:update-field',
    parameters: { field: 'resolution', value: resolutionId, mode: 'replace' },
  }),
  clearResolution: (): JiraRuleConfiguration => ({ ruleKey: 'system:update-field', parameters: { field: 'resolution', value: '', mode: 'replace' } }),
  unassign: (): JiraRuleConfiguration => ({ ruleKey: 'system:change-assignee', parameters: { type: 'to-unassigned' } }),
  assignToCurrentUser: (): JiraRuleConfiguration => ({ ruleKey: 'system:change-assignee', parameters: { type: 'to-current-user' } }),
  fieldRequired: (...fieldIds: string[]): JiraRuleConfiguration => ({
    ruleKey: 'system:validate-field-value',
    parameters: { ruleType: 'fieldRequired', fieldsRequired: fieldIds.join(','), ignoreContext: 'false', errorMessage: '' },
  }),
};

export interface TransitionSpec {
  id: string;
  name: string;
  to: string;
  /** Omitted: a global transition ("from any status"). */
  from?: string[];
  initial?: boolean;
  screenId?: number;
  conditions?: JiraRuleConfiguration[];
  validators?: JiraRuleConfiguration[];
  actions?: JiraRuleConfiguration[];
  description?: string;
}

export interface WorkflowSpec {
  id: string;
  name: string;
  description?: string;
  /** Team-managed workflows belong to one project. */
  projectId?: string;
  statuses: string[];
  transitions: TransitionSpec[];
}

export function buildWorkflow(spec: WorkflowSpec): JiraWorkflow {
  return {
    id: spec.id,
    name: spec.name,
    description: spec.description ?? '',
    isEditable: true,
    scope: spec.projectId ? { type: 'PROJECT', project: { id: spec.projectId } } : { type: 'GLOBAL' },
    version: { id: `${spec.id}-v1`, versionNumber: 1 },
    created: '2025-03-04T10:15:00.000+0000',
    updated: '2026-09-17T14:02:11.000+0000',
    startPointLayout: { x: -120, y: 0 },
    statuses: spec.statuses.map((ref, index) => ({
      statusReference: ref,
      deprecated: false,
      layout: { x: 180 * index, y: index % 2 === 0 ? 0 : 120 },
      properties: {},
    })),
    transitions: spec.transitions.map((t) => {
      const type = t.initial ? 'INITIAL' : t.from ? 'DIRECTED' : 'GLOBAL';
      return {
        id: t.id,
        name: t.name,
        description: t.description ?? '',
        type,
        toStatusReference: t.to,
        links: type === 'DIRECTED' ? (t.from ?? []).map((from) => ({ fromStatusReference: from, fromPort: 0, toPort: 1 })) : [],
        transitionScreen: t.screenId !== undefined ? { ruleKey: 'system:transition-screen', parameters: { screenId: String(t.screenId) } } : null,
        conditions: { operation: 'ALL', conditions: t.conditions ?? [], conditionGroups: [] },
        validators: t.validators ?? [],
        actions: t.actions ?? [],
        triggers: [],
        properties: {},
      };
    }),
  };
}
