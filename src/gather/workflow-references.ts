/**
 * What a workflow points at that the gatherer reads next: the screen a transition
 * shows, and the groups a "Restrict issue transition" condition admits. The
 * gatherer reads these to fetch them and the checks read them to find them in the
 * snapshot, with these same functions, so a screen or group a check looks for is
 * one the gatherer fetched.
 *
 * A rule's parameters come as `parameters` (the WorkflowRuleConfiguration schema of
 * POST /rest/api/3/workflows) or `params` (the capabilities document's examples,
 * e.g. the shared transition screen); both are read, `parameters` first.
 */
import type { components as Platform } from '../jira/generated/jira-platform';
import type { JiraRuleConfiguration, JiraWorkflowTransition } from './snapshot';

type ConditionGroup = NonNullable<Platform['schemas']['ConditionGroupConfiguration']>;

export const RESTRICT_ISSUE_TRANSITION = 'system:restrict-issue-transition';

/** One parameter of a rule as a string, from `parameters` or else `params`; undefined when absent. */
export function ruleParameter(rule: JiraRuleConfiguration | null | undefined, name: string): string | undefined {
  if (!rule) return undefined;
  const r = rule as NonNullable<JiraRuleConfiguration> & { params?: Record<string, unknown> };
  for (const bag of [r.parameters, r.params]) {
    const value: unknown = bag?.[name];
    if (value === null || value === undefined) continue;
    return Array.isArray(value) ? JSON.stringify(value) : String(value);
  }
  return undefined;
}

/** "a, b" or '["a","b"]' → ['a', 'b']: list parameters are documented comma-separated, and seen as JSON arrays. */
export function parseList(value: string | undefined): string[] {
  if (value === undefined) return [];
  const trimmed = value.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed.map((v) => String(v).trim()).filter(Boolean);
    } catch {
      // not JSON after all: fall through to the comma-separated reading
    }
  }
  return trimmed
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((v) => v.trim().replace(/^["']|["']$/g, ''))
    .filter(Boolean);
}

/** The id of the screen a transition shows, or null when it shows none. */
export function transitionScreenId(transition: Pick<JiraWorkflowTransition, 'transitionScreen'>): string | null {
  const id = ruleParameter(transition.transitionScreen, 'screenId')?.trim();
  return id ? id : null;
}

/** Whether a rule is the "Restrict issue transition" condition (rule keys are matched case-insensitively). */
export function isRestrictIssueTransition(rule: JiraRuleConfiguration | null | undefined): boolean {
  return (rule?.ruleKey ?? '').trim().toLowerCase() === RESTRICT_ISSUE_TRANSITION;
}

/** The group ids a "Restrict issue transition" condition admits (`groupIds`); [] for any other rule. */
export function restrictionGroupIds(rule: JiraRuleConfiguration | null | undefined): string[] {
  return isRestrictIssueTransition(rule) ? parseList(ruleParameter(rule, 'groupIds')) : [];
}

/** Every group id the transitions' conditions admit, nested condition groups included, each once. */
export function conditionGroupIds(transitions: readonly Pick<JiraWorkflowTransition, 'conditions'>[]): string[] {
  const ids = new Set<string>();
  const walk = (group: ConditionGroup | null | undefined): void => {
    if (!group) return;
    for (const rule of group.conditions ?? []) for (const id of restrictionGroupIds(rule)) ids.add(id);
    for (const nested of group.conditionGroups ?? []) walk(nested);
  };
  for (const t of transitions) walk(t.conditions);
  return [...ids];
}
