/**
 * What workflow rules mean, in both vocabularies Jira answers with:
 * - the `system:*` rule keys of POST /rest/api/3/workflows (documented under
 *   GET /rest/api/3/workflows/capabilities in the official spec), and
 * - legacy class names (RemoteOnlyCondition, UpdateIssueFieldFunction,
 *   FieldRequiredValidator), bare or fully qualified (com.atlassian…).
 * Liberal in what it accepts: parameter names vary between the two, and list
 * parameters come comma-separated or as a JSON array string.
 */
import type { JiraRuleConfiguration } from '../../../gather/snapshot';
import { parseList } from '../../../gather/workflow-references';
import type { components as Platform } from '../../../jira/generated/jira-platform';

export { parseList };

export type Rule = NonNullable<JiraRuleConfiguration>;
export type ConditionGroup = NonNullable<Platform['schemas']['ConditionGroupConfiguration']>;

/** "system:update-field" stays as is; "com.atlassian.jira.workflow.function.issue.UpdateIssueFieldFunction" → "updateissuefieldfunction". */
export function ruleName(ruleKey: string | undefined): string {
  const key = (ruleKey ?? '').trim().toLowerCase();
  if (key.startsWith('system:')) return key;
  const parts = key.split(/[.:/]/);
  return parts[parts.length - 1] ?? '';
}

/** Parameters of a rule; the spec's screen examples say `params`, the schema says `parameters`. */
export function ruleParameters(rule: Rule | null | undefined): Record<string, string> {
  if (!rule) return {};
  const r = rule as Rule & { params?: Record<string, unknown>; configuration?: Record<string, unknown> };
  const merged: Record<string, unknown> = { ...(r.configuration ?? {}), ...(r.params ?? {}), ...(r.parameters ?? {}) };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(merged)) {
    if (v === null || v === undefined) continue;
    out[k] = Array.isArray(v) ? JSON.stringify(v) : String(v);
  }
  return out;
}

function param(params: Record<string, string>, ...names: string[]): string | undefined {
  for (const name of names) if (params[name] !== undefined) return params[name];
  return undefined;
}

/** System fields are matched case-insensitively ("Resolution" → "resolution"); custom field ids stay as they are. */
export function normaliseFieldId(field: string): string {
  const f = field.trim();
  return /^customfield_/i.test(f) ? f.toLowerCase() : f.toLowerCase().replace(/\s+/g, '');
}

// ---------------------------------------------------------------- validators

const FIELD_REQUIRED_LEGACY = new Set(['fieldrequiredvalidator', 'fieldsrequiredvalidator', 'fieldchangedvalidator']);

/**
 * Field ids a validator makes the person (or the bot) set during the transition:
 * `system:validate-field-value` with ruleType fieldRequired (`fieldsRequired`) or
 * fieldChanged (`fieldKey`), a validator-placed `system:check-field-value`
 * (`fieldId`), and legacy Field(s)RequiredValidator / FieldChangedValidator
 * (`fieldIds`, `fieldId`, `fieldKey`, `fieldsRequired`). Other ruleTypes
 * (regular expression, dates, single value) constrain a value without requiring it.
 */
export function fieldsRequiredBy(rule: Rule | null | undefined): string[] {
  if (!rule) return [];
  const name = ruleName(rule.ruleKey);
  const params = ruleParameters(rule);
  let raw: string[] = [];
  if (name === 'system:validate-field-value') {
    const type = (params.ruleType ?? '').toLowerCase();
    if (type === 'fieldrequired' || type === '') raw = parseList(param(params, 'fieldsRequired', 'fieldIds', 'fieldId', 'fieldKey'));
    else if (type === 'fieldchanged') raw = parseList(param(params, 'fieldKey', 'fieldId', 'fieldsRequired'));
  } else if (name === 'system:check-field-value') {
    raw = parseList(param(params, 'fieldId', 'fieldKey'));
  } else if (FIELD_REQUIRED_LEGACY.has(name)) {
    raw = parseList(param(params, 'fieldIds', 'fieldsRequired', 'fieldId', 'fieldKey', 'field.name', 'fields', 'hidFieldsList'));
  }
  return unique(raw.map(normaliseFieldId));
}

// ---------------------------------------------------------------- post functions

interface FieldUpdate {
  field: string;
  /** Undefined when the rule carries no value: Jira stores "clear the field" that way. */
  value: string | undefined;
}

/** The field a post function writes, for `system:update-field` and legacy UpdateIssueFieldFunction. */
export function fieldUpdate(rule: Rule | null | undefined): FieldUpdate | null {
  if (!rule) return null;
  const name = ruleName(rule.ruleKey);
  if (name !== 'system:update-field' && name !== 'updateissuefieldfunction') return null;
  const params = ruleParameters(rule);
  const field = param(params, 'field', 'field.name', 'fieldId', 'fieldKey', 'fieldName');
  if (!field) return null;
  return { field: normaliseFieldId(field), value: param(params, 'value', 'field.value', 'fieldValue') };
}

/** A post function that gives Resolution a value (setting it to empty clears it, as Reopen transitions do). */
export function setsResolution(rule: Rule | null | undefined): boolean {
  const update = fieldUpdate(rule);
  return update !== null && update.field === 'resolution' && (update.value ?? '').trim() !== '';
}

/**
 * A post function that leaves the issue unassigned: `system:change-assignee` with
 * type `to-unassigned` (anything naming "unassign"), or an update of Assignee to empty.
 * Assign-to-lead / reporter / current user are not unassigning.
 */
export function unassigns(rule: Rule | null | undefined): boolean {
  if (!rule) return false;
  const name = ruleName(rule.ruleKey);
  if (name === 'system:change-assignee') {
    const type = (param(ruleParameters(rule), 'type', 'assigneeType') ?? '').toLowerCase();
    return /unassign/.test(type);
  }
  if (/unassign/.test(name)) return true;
  const update = fieldUpdate(rule);
  if (update === null || update.field !== 'assignee') return false;
  const value = (update.value ?? '').trim().toLowerCase();
  // "-1" is Jira's "Automatic" (the default assignee), so it does not count.
  return value === '' || value === 'null' || value === 'unassigned';
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
