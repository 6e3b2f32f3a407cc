/**
 * Builders for the workflow checks' table tests: a ready workflow on which every
 * workflow check holds, shaped exactly as POST /rest/api/3/workflows returns it,
 * and small edits to it (replace a transition, drop one, change a screen).
 */
import type { JiraWorkflow, JiraWorkflowStatus, JiraWorkflowTransition, ScreenFields, SiteSnapshot } from '../../../gather/snapshot';
import type { Fetched } from '../../../shared/fetched';
import { ok, status } from '../../testing/snapshot-builder';
import type { Rule } from '../analysis/rule-vocabulary';

export const WORKFLOW = 'IT Support Workflow';
export const RESOLVE_SCREEN = '10';

export const STATUSES = {
  open: status('1', 'Open', 'TODO'),
  inProgress: status('3', 'In Progress', 'IN_PROGRESS'),
  waiting: status('10002', 'Waiting for customer', 'IN_PROGRESS'),
  resolved: status('5', 'Resolved', 'DONE'),
};

export const apiOnly = (): NonNullable<JiraWorkflowTransition['conditions']> => ({
  operation: 'ALL',
  conditions: [{ ruleKey: 'system:restrict-from-all-users', parameters: { restrictMode: 'users' } }],
  conditionGroups: [],
});

export const screenRule = (screenId: string): Rule => ({ ruleKey: 'system:transition-screen', parameters: { screenId } });

export function transition(t: JiraWorkflowTransition & { id: string }): JiraWorkflowTransition {
  return { links: [], actions: [], validators: [], conditions: null, ...t };
}

/** The ready transitions: create, the three global bot transitions, and two directed agent transitions. */
export function readyTransitions(): JiraWorkflowTransition[] {
  return [
    transition({ id: '1', name: 'Create', type: 'INITIAL', toStatusReference: '1' }),
    transition({
      id: '11',
      name: 'Resolve (bot)',
      type: 'GLOBAL',
      toStatusReference: '5',
      transitionScreen: screenRule(RESOLVE_SCREEN),
      conditions: apiOnly(),
      actions: [{ ruleKey: 'system:update-field', parameters: { field: 'resolution', value: '10000', mode: 'replace' } }],
    }),
    transition({ id: '21', name: 'In progress (bot)', type: 'GLOBAL', toStatusReference: '3', conditions: apiOnly() }),
    transition({
      id: '31',
      name: 'Reopen (bot)',
      type: 'GLOBAL',
      toStatusReference: '1',
      conditions: apiOnly(),
      actions: [{ ruleKey: 'system:change-assignee', parameters: { type: 'to-unassigned' } }],
    }),
    transition({ id: '41', name: 'Wait for customer', type: 'DIRECTED', toStatusReference: '10002', links: [{ fromStatusReference: '3', fromPort: 0, toPort: 1 }] }),
    transition({ id: '51', name: 'Respond to agent', type: 'DIRECTED', toStatusReference: '3', links: [{ fromStatusReference: '10002' }] }),
  ];
}

export function workflowData(
  transitions: JiraWorkflowTransition[] = readyTransitions(),
  statuses: JiraWorkflowStatus[] = Object.values(STATUSES),
): { workflow: JiraWorkflow; statuses: JiraWorkflowStatus[] } {
  return {
    workflow: {
      id: 'b9ff2384-d3b6-4d4e-9509-3ee19f607168',
      name: WORKFLOW,
      statuses: statuses.map((s) => ({ statusReference: s.statusReference, deprecated: false, properties: {} })),
      transitions,
    },
    statuses,
  };
}

/** A screen with these fields; `name` as GET /screens gives it (absent: the run could not read it). */
export function screen(id: string, fieldIds: string[] = ['summary', 'assignee', 'resolution', 'comment'], name?: string, customNames: Record<string, string> = {}): ScreenFields {
  const names: Record<string, string> = { summary: 'Summary', assignee: 'Assignee', resolution: 'Resolution', comment: 'Comment', ...customNames };
  return { id, ...(name ? { name } : {}), fieldIds, fieldNames: Object.fromEntries(fieldIds.map((f) => [f, names[f] ?? f])) };
}

export interface WorkflowSiteOptions {
  /** Edits the ready transitions. */
  transitions?: (ready: JiraWorkflowTransition[]) => JiraWorkflowTransition[];
  statuses?: JiraWorkflowStatus[];
  /** Replaces the ready workflow entry (e.g. a failed read). */
  entry?: Fetched<{ workflow: JiraWorkflow; statuses: JiraWorkflowStatus[] }>;
  /** Replaces the ready screens. */
  screens?: SiteSnapshot['screens'];
  /** More workflows beside the ready one. */
  extraWorkflows?: SiteSnapshot['workflows'];
}

/** Site overrides holding the ready workflow and its Resolve screen. */
export function workflowSite(o: WorkflowSiteOptions = {}): Partial<SiteSnapshot> {
  const transitions = (o.transitions ?? ((t) => t))(readyTransitions());
  return {
    workflows: { [WORKFLOW]: o.entry ?? ok(workflowData(transitions, o.statuses)), ...(o.extraWorkflows ?? {}) },
    screens: o.screens ?? { [RESOLVE_SCREEN]: ok(screen(RESOLVE_SCREEN)) },
  };
}

/** Replaces one ready transition's fields. */
export const patch = (id: string, change: Partial<JiraWorkflowTransition>) => (ts: JiraWorkflowTransition[]) =>
  ts.map((t) => (t.id === id ? { ...t, ...change } : t));

/** Drops transitions by id. */
export const drop = (...ids: string[]) => (ts: JiraWorkflowTransition[]) => ts.filter((t) => !ids.includes(t.id ?? ''));

/** Applies edits left to right. */
export const edits = (...fs: ((ts: JiraWorkflowTransition[]) => JiraWorkflowTransition[])[]) => (ts: JiraWorkflowTransition[]) =>
  fs.reduce((acc, f) => f(acc), ts);
