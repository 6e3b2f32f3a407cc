/**
 * POST /workflows/update and its /validation twin, judged against the model the way
 * Jira judges them: the request must carry each workflow's full definition (every
 * status layout and transition; what is left out is removed) and the version it was
 * read at, and the result must still be a workflow Jira would run. Problems come back
 * in the official WorkflowValidationError shape; the update refuses any ERROR.
 *
 * Where Atlassian's documents are silent the simulator takes the stricter reading:
 * - every status a workflow uses is listed in the request's top-level `statuses`;
 * - a status dropped from a workflow needs a status mapping;
 * - two transitions that can start from the same status may not share a name;
 * - `system:*` rules are those the capabilities document lists, with its parameter
 *   values; a transition screen must exist and team-managed (project-scoped)
 *   workflows take none; a Restrict issue transition by `accountIds` is documented
 *   for team-managed projects only, so a global workflow may not use it.
 */
import type { components as Platform } from '../../src/jira/generated/jira-platform';
import type { JiraWorkflow, JiraWorkflowTransition } from '../../src/gather/snapshot';
import type { SiteModel } from './model';

type P = Platform['schemas'];
export type WorkflowValidationError = P['WorkflowValidationError'];
export type WorkflowUpdateRequest = P['WorkflowUpdateRequest'];
type WorkflowUpdate = P['WorkflowUpdate'];
type TransitionUpdate = P['TransitionUpdateDTO'];
type Rule = P['WorkflowRuleConfiguration'];
type ConditionGroup = P['ConditionGroupUpdate'];

/** The message Jira answers when the version sent is not the workflow's current one. */
export const VERSION_MISMATCH = 'Workflow version and version token must match.';

/** The Atlassian-provided rule keys of GET /rest/api/3/workflows/capabilities. */
export const SYSTEM_RULE_KEYS: ReadonlySet<string> = new Set([
  'system:block-in-progress-approval',
  'system:change-assignee',
  'system:check-field-value',
  'system:check-permission-validator',
  'system:copy-value-from-other-field',
  'system:jsd-approvals-block-until-approved',
  'system:jsd-approvals-block-until-rejected',
  'system:parent-or-child-blocking-condition',
  'system:parent-or-child-blocking-validator',
  'system:previous-status-condition',
  'system:previous-status-validator',
  'system:proforma-forms-attached',
  'system:proforma-forms-submitted',
  'system:remind-people-to-update-fields',
  'system:restrict-from-all-users',
  'system:restrict-issue-transition',
  'system:separation-of-duties',
  'system:transition-screen',
  'system:trigger-webhook',
  'system:update-field',
  'system:validate-field-value',
]);

const ASSIGNEE_TYPES = new Set(['to-selected-user', 'to-unassigned', 'to-current-user', 'to-default-user']);

/** A request that is not even the documented shape: answered 400 before any judgement. */
export function shapeProblem(body: unknown, wrapped: boolean): string | undefined {
  const payload = wrapped ? (isObject(body) ? body.payload : undefined) : body;
  if (!isObject(payload)) return wrapped ? 'The request body must have a payload.' : 'The request body is not valid.';
  if (payload.statuses !== undefined && !Array.isArray(payload.statuses)) return 'statuses must be a list.';
  if (!Array.isArray(payload.workflows) || payload.workflows.length === 0) return 'workflows must list at least one workflow.';
  if (payload.workflows.length > 20) return 'A maximum of 20 workflows can be updated at once.';
  for (const s of (payload.statuses as unknown[] | undefined) ?? []) {
    if (!isObject(s) || typeof s.name !== 'string' || typeof s.statusReference !== 'string' || !['TODO', 'IN_PROGRESS', 'DONE'].includes(String(s.statusCategory))) {
      return 'Each status needs name, statusReference and statusCategory (TODO, IN_PROGRESS or DONE).';
    }
  }
  for (const w of payload.workflows as unknown[]) {
    if (!isObject(w) || typeof w.id !== 'string' || !Array.isArray(w.statuses) || !Array.isArray(w.transitions) || !isObject(w.version)) {
      return 'Each workflow needs id, statuses, transitions and version.';
    }
    if (w.statuses.some((s) => !isObject(s) || typeof s.statusReference !== 'string' || !isObject(s.properties))) return 'Each status layout needs statusReference and properties.';
    if (w.transitions.some((t) => !isObject(t))) return 'Each transition must be an object.';
  }
  return undefined;
}

/** Every judgement of one request against the site as it stands. */
export function validateWorkflowUpdate(model: SiteModel, request: WorkflowUpdateRequest): WorkflowValidationError[] {
  const errors: WorkflowValidationError[] = [];
  const declared = new Map((request.statuses ?? []).map((s) => [s.statusReference, s]));
  for (const s of request.statuses ?? []) {
    const known = model.status(s.id ?? s.statusReference);
    if (!known) errors.push(error('STATUS', 'STATUS_NOT_FOUND', `The status '${s.name}' does not exist; this site only takes existing statuses.`, { statusReference: s.statusReference }));
  }
  for (const update of request.workflows ?? []) {
    const current = model.workflow(update.id);
    if (!current) continue; // answered before judgement
    errors.push(...judgeWorkflow(model, current, update, declared));
  }
  return errors;
}

/** Whether the request names each workflow at its current version. */
export function staleWorkflows(model: SiteModel, request: WorkflowUpdateRequest): JiraWorkflow[] {
  return (request.workflows ?? []).flatMap((update) => {
    const current = model.workflow(update.id);
    if (!current) return [];
    const same = update.version?.id === current.version?.id && update.version?.versionNumber === current.version?.versionNumber;
    return same ? [] : [current];
  });
}

function judgeWorkflow(model: SiteModel, current: JiraWorkflow, update: WorkflowUpdate, declared: Map<string, unknown>): WorkflowValidationError[] {
  const errors: WorkflowValidationError[] = [];
  const teamManaged = current.scope?.type === 'PROJECT';
  const refs = update.statuses.map((s) => s.statusReference);
  const used = new Set(refs);
  for (const ref of refs) {
    if (!declared.has(ref)) errors.push(error('STATUS', 'MISSING_STATUS', `The status reference '${ref}' is not among the request's statuses.`, { statusReference: ref }));
  }
  const mapped = new Set([...(update.defaultStatusMappings ?? []), ...(update.statusMappings ?? []).flatMap((m) => m.statusMigrations ?? [])].map((m) => m.oldStatusReference));
  for (const old of current.statuses ?? []) {
    const ref = old.statusReference;
    if (ref && !used.has(ref) && !mapped.has(ref)) {
      errors.push(error('STATUS_MAPPING', 'MISSING_STATUS_MAPPING', `The status '${ref}' is removed from the workflow without a status mapping for its issues.`, { statusReference: ref }));
    }
  }

  const transitions = update.transitions;
  const initial = transitions.filter((t) => t.type === 'INITIAL');
  if (initial.length !== 1) errors.push(error('WORKFLOW', 'INITIAL_TRANSITION_COUNT', 'A workflow must have exactly one initial transition.'));
  const ids = new Set<string>();
  for (const t of transitions) {
    const at = { transitionId: t.id ?? '' };
    if (!t.id || !t.id.trim()) errors.push(error('TRANSITION', 'MISSING_TRANSITION_ID', `The transition '${t.name ?? ''}' needs an ID.`, at));
    else if (ids.has(t.id)) errors.push(error('TRANSITION', 'NON_UNIQUE_TRANSITION_ID', `The transition ID '${t.id}' is used more than once.`, at));
    else ids.add(t.id);
    if (!t.name || !t.name.trim()) errors.push(error('TRANSITION', 'MISSING_TRANSITION_NAME', `The transition '${t.id}' needs a name.`, at));
    if (!t.type || !['INITIAL', 'GLOBAL', 'DIRECTED'].includes(t.type)) errors.push(error('TRANSITION', 'INVALID_TRANSITION_TYPE', `The transition '${t.name}' has no valid type.`, at));
    if (!t.toStatusReference || !used.has(t.toStatusReference)) errors.push(error('TRANSITION', 'INVALID_TO_STATUS', `The transition '${t.name}' goes to a status the workflow does not have.`, at));
    const from = (t.links ?? []).map((l) => l?.fromStatusReference).filter((r): r is string => !!r);
    if (t.type === 'DIRECTED' && from.length === 0) errors.push(error('TRANSITION', 'MISSING_FROM_STATUS', `The transition '${t.name}' starts from no status.`, at));
    if (t.type !== 'DIRECTED' && from.length > 0) errors.push(error('TRANSITION', 'UNEXPECTED_FROM_STATUS', `The ${String(t.type).toLowerCase()} transition '${t.name}' cannot start from a particular status.`, at));
    for (const ref of from) if (!used.has(ref)) errors.push(error('TRANSITION', 'INVALID_FROM_STATUS', `The transition '${t.name}' starts from a status the workflow does not have.`, at));
    errors.push(...judgeRules(model, t, teamManaged));
  }
  errors.push(...sharedNames(transitions));
  return errors;
}

function sharedNames(transitions: TransitionUpdate[]): WorkflowValidationError[] {
  const errors: WorkflowValidationError[] = [];
  const movable = transitions.filter((t) => t.type !== 'INITIAL' && t.name);
  movable.forEach((a, i) => {
    for (const b of movable.slice(i + 1)) {
      if (a.name!.trim().toLowerCase() !== b.name!.trim().toLowerCase()) continue;
      const fromA = new Set((a.links ?? []).map((l) => l?.fromStatusReference));
      const overlap = a.type === 'GLOBAL' || b.type === 'GLOBAL' || (b.links ?? []).some((l) => fromA.has(l?.fromStatusReference));
      if (overlap) errors.push(error('TRANSITION', 'NON_UNIQUE_TRANSITION_NAME', `You must use a unique transition name: '${b.name}' can start from the same status as another transition.`, { transitionId: b.id ?? '' }));
    }
  });
  return errors;
}

function judgeRules(model: SiteModel, t: TransitionUpdate, teamManaged: boolean): WorkflowValidationError[] {
  const errors: WorkflowValidationError[] = [];
  const at = (rule: Rule) => ({ transitionId: t.id ?? '', ...(rule?.id ? { ruleId: rule.id } : {}) });
  const check = (rule: Rule | null | undefined, place: 'condition' | 'validator' | 'post function' | 'screen'): void => {
    if (!rule) return;
    const key = typeof rule.ruleKey === 'string' ? rule.ruleKey.trim() : '';
    const params = rule.parameters ?? {};
    const fail = (code: string, message: string): void => {
      errors.push(error('RULE', code, message, at(rule)));
    };
    if (!key) return fail('MISSING_RULE_KEY', `A ${place} of transition '${t.name}' has no rule key.`);
    if (Object.values(params).some((v) => typeof v !== 'string')) return fail('INVALID_RULE_PARAMETERS', `The parameters of ${key} on transition '${t.name}' must be strings.`);
    if (place === 'screen' && key !== 'system:transition-screen') return fail('INVALID_TRANSITION_SCREEN', `The screen of transition '${t.name}' must be a system:transition-screen rule.`);
    if (key.startsWith('system:') && !SYSTEM_RULE_KEYS.has(key)) return fail('INVALID_RULE_KEY', `The rule key ${key} does not exist.`);
    switch (key) {
      case 'system:transition-screen': {
        const screenId = params.screenId ?? '';
        if (teamManaged) return fail('UNSUPPORTED_RULE', `Team-managed workflows take no transition screens (transition '${t.name}').`);
        if (!/^\d+$/.test(screenId) || !model.screen(Number(screenId))) return fail('SCREEN_NOT_FOUND', `The screen with id ${screenId || '(none)'} does not exist.`);
        return;
      }
      case 'system:update-field':
        if (!params.field) return fail('INVALID_RULE_PARAMETERS', `The Update field post function of transition '${t.name}' needs a field.`);
        if (params.mode !== undefined && !['append', 'replace'].includes(params.mode)) return fail('INVALID_RULE_PARAMETERS', `The mode of the Update field post function must be append or replace.`);
        return;
      case 'system:change-assignee':
        if (!ASSIGNEE_TYPES.has(params.type ?? '')) return fail('INVALID_RULE_PARAMETERS', `The Change assignee post function of transition '${t.name}' has no valid type.`);
        if (params.type === 'to-selected-user' && !params.accountId) return fail('INVALID_RULE_PARAMETERS', 'Change assignee to a selected user needs an accountId.');
        return;
      case 'system:restrict-from-all-users':
        if (!['users', 'usersAndAPI'].includes(params.restrictMode ?? '')) return fail('INVALID_RULE_PARAMETERS', 'restrictMode must be users or usersAndAPI.');
        return;
      case 'system:restrict-issue-transition':
        if (params.accountIds && !teamManaged) return fail('UNSUPPORTED_RULE', `Restricting transition '${t.name}' by accountIds is only supported in team-managed projects.`);
        return;
      default:
        return;
    }
  };
  const walk = (group: ConditionGroup | null | undefined): void => {
    if (!group) return;
    if (group.operation !== 'ALL' && group.operation !== 'ANY') errors.push(error('RULE', 'INVALID_CONDITION_GROUP', `A condition group of transition '${t.name}' needs operation ALL or ANY.`, { transitionId: t.id ?? '' }));
    for (const c of group.conditions ?? []) check(c, 'condition');
    for (const g of group.conditionGroups ?? []) walk(g);
  };
  walk(t.conditions);
  for (const v of t.validators ?? []) check(v, 'validator');
  for (const a of t.actions ?? []) check(a, 'post function');
  check(t.transitionScreen, 'screen');
  return errors;
}

/** The workflow as Jira stores it after the update: the new definition, the next version. */
export function updatedWorkflow(current: JiraWorkflow, update: WorkflowUpdate, now: Date): JiraWorkflow {
  const versionNumber = (current.version?.versionNumber ?? 0) + 1;
  return {
    ...current,
    description: update.description ?? current.description ?? '',
    startPointLayout: update.startPointLayout ?? current.startPointLayout,
    ...(update.loopedTransitionContainerLayout ? { loopedTransitionContainerLayout: update.loopedTransitionContainerLayout } : {}),
    statuses: update.statuses.map((s) => ({ statusReference: s.statusReference, deprecated: false, layout: s.layout ?? { x: 0, y: 0 }, properties: { ...s.properties } })),
    transitions: update.transitions.map(storedTransition),
    version: { id: `${current.id}-v${versionNumber}`, versionNumber },
    updated: now.toISOString().replace('Z', '+0000'),
  };
}

function storedTransition(t: TransitionUpdate): JiraWorkflowTransition {
  return {
    id: t.id,
    name: t.name,
    description: t.description ?? '',
    type: t.type,
    toStatusReference: t.toStatusReference,
    links: (t.links ?? []).map((l) => ({ ...l })),
    transitionScreen: t.transitionScreen ?? null,
    conditions: storedGroup(t.conditions) ?? { operation: 'ALL', conditions: [], conditionGroups: [] },
    validators: t.validators ?? [],
    actions: t.actions ?? [],
    triggers: t.triggers ?? [],
    properties: t.properties ?? {},
    ...(t.customIssueEventId ? { customIssueEventId: t.customIssueEventId } : {}),
  };
}

function storedGroup(group: ConditionGroup | null | undefined): JiraWorkflowTransition['conditions'] {
  if (!group) return undefined;
  return { operation: group.operation, conditions: group.conditions ?? [], conditionGroups: (group.conditionGroups ?? []).map((g) => storedGroup(g)!) };
}

function error(type: WorkflowValidationError['type'], code: string, message: string, elementReference?: P['WorkflowElementReference']): WorkflowValidationError {
  return { code, level: 'ERROR', message, type, ...(elementReference ? { elementReference } : {}) };
}

function isObject(value: unknown): value is Record<string, unknown> & { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
