/**
 * Fix for WF-RESOLVE-SETS-RESOLUTION, WF-REOPEN-UNASSIGNS and
 * WF-BOT-TRANSITIONS-RESTRICTED: the rules on the transitions Moveworks uses, one
 * change per workflow, transition and rule, found with the checks' own judgement:
 * - the Resolve transition gets an Update field post function setting Resolution,
 *   to the value another transition read already sets it to (resolution ids are
 *   site-wide), else to the site's default resolution as Jira lists it; with
 *   neither, the fix does not guess one;
 * - the Reopen transition gets Change assignee → to-unassigned;
 * - a bot transition people can see gets "Restrict transitions" (users only), which
 *   hides it from people and leaves it to the REST API. A restriction by accountIds
 *   is documented for team-managed projects only, so the fix does not use it.
 * A transition whose restriction also blocks the API is left to the admin: loosening
 * someone's condition is their decision.
 */
import type { JiraClient } from '../jira/jira-client';
import { botTransitions, reopenTransitions, resolveTransitions } from '../requirements/workflows/analysis/bot-transitions';
import { fieldUpdate, setsResolution, unassigns, type Rule } from '../requirements/workflows/analysis/rule-vocabulary';
import { screenHasField, transitionScreen } from '../requirements/workflows/analysis/transition-screen';
import { audienceFacts, groupAdmits, not } from '../requirements/workflows/analysis/who-may-transition';
import type { JiraWorkflowTransition, SiteSnapshot } from '../gather/snapshot';
import type { ChangeResult } from '../shared/fix-model';
import type { Fix, FixPlan, PlannedChange } from './fix';
import { asUpdate, editWorkflow, type TransitionUpdate } from './workflow-write';
import { workflowChange, workflowTargets, type WorkflowTarget } from './workflow-targets';
import { emptyPlan } from './plan-scope';

export const CONFIGURE_BOT_TRANSITIONS = 'configure-bot-transitions';

export type BotRuleKind = 'resolution' | 'unassign' | 'hide';

export interface BotRulePayload {
  workflowId: string;
  workflowName: string;
  transitionId: string;
  transitionName: string;
  kind: BotRuleKind;
  /** The rule to add (post function or condition). */
  rule: { ruleKey: string; parameters: Record<string, string> };
}

const UNASSIGN = { ruleKey: 'system:change-assignee', parameters: { type: 'to-unassigned' } };
const HIDE = { ruleKey: 'system:restrict-from-all-users', parameters: { restrictMode: 'users' } };

export const configureBotTransitions: Fix = {
  meta: {
    id: CONFIGURE_BOT_TRANSITIONS,
    title: 'Set the rules on the transitions Moveworks uses',
    description:
      'Adds to the transitions Moveworks fires: a post function that sets Resolution on the Resolve transition (to the value your other transitions use), one that unassigns on the Reopen transition, and the “Restrict transitions” condition (users only) that hides the bot’s global transitions from people. A workflow shared by several projects changes for all of them; Jira records the change as made by you.',
    resolves: ['WF-RESOLVE-SETS-RESOLUTION', 'WF-REOPEN-UNASSIGNS', 'WF-BOT-TRANSITIONS-RESTRICTED'],
    scope: 'desk',
    permission: 'project-admin',
    scopes: ['manage:jira-configuration'],
    itemVerb: 'added',
  },
  requires: ['requestTypes', 'workflows', 'screens', 'serviceAccount', 'workflowGroups', 'resolutions'],
  // Rules on the workflows' transitions.
  changes: ['workflows'],

  plan(input): FixPlan {
    const plan = emptyPlan(CONFIGURE_BOT_TRANSITIONS, input.projects);
    const { targets, blockers } = workflowTargets(input, 'add rules to transitions');
    plan.blockers.push(...blockers);
    const facts = audienceFacts(input.snapshot);
    const add = (target: WorkflowTarget, t: { id: string; name: string }, kind: BotRuleKind, rule: BotRulePayload['rule'], what: string) => {
      const payload: BotRulePayload = { workflowId: target.id, workflowName: target.name, transitionId: t.id, transitionName: t.name, kind, rule };
      plan.changes.push(workflowChange(input.snapshot, target, {
        id: `workflow:${target.id}:${kind}:${t.id}`,
        summary: `${what} on transition “${t.name}” of workflow “${target.name}”`,
        items: 1,
        payload,
      }));
    };

    const missing = (target: WorkflowTarget, what: string) =>
      plan.blockers.push({ reason: `Workflow “${target.name}” has no ${what} transition to add a rule to: add one first (“Add the “from any status” transitions Moveworks uses” does).` });
    for (const target of targets) {
      const { view } = target;
      if (resolveTransitions(view).transitions.length === 0) missing(target, 'Resolve');
      if (reopenTransitions(view).transitions.length === 0) missing(target, 'Reopen');
      for (const t of resolveTransitions(view).transitions) {
        if ((t.raw.actions ?? []).some((a) => setsResolution(a))) continue;
        const screen = transitionScreen(t, input.snapshot);
        if (screen.kind === 'read' && screenHasField(screen.screen, 'resolution')) continue;
        if (screen.kind === 'unread') {
          plan.blockers.push({ reason: `The screen ${screen.screenId} of “${t.name}” in workflow “${target.name}” could not be read, so whether it lets Moveworks set Resolution is unknown: ${screen.reason}` });
          continue;
        }
        const chosen = resolutionValue(input.snapshot, target);
        if (!chosen) {
          plan.blockers.push({
            reason: `No transition read sets Resolution and the site has no default resolution, so the fix has no resolution to set for “${t.name}” in workflow “${target.name}”: add an Update field post function choosing one, or put Resolution on its screen.`,
          });
          continue;
        }
        add(target, t, 'resolution', { ruleKey: 'system:update-field', parameters: { field: 'resolution', value: chosen.value, mode: 'replace' } }, chosen.how);
      }
      for (const t of reopenTransitions(view).transitions) {
        if (!(t.raw.actions ?? []).some((a) => unassigns(a))) add(target, t, 'unassign', UNASSIGN, 'Unassign the ticket');
      }
      for (const t of botTransitions(view)) {
        const admits = groupAdmits(t.raw.conditions, facts);
        if (admits.bot === false) {
          plan.blockers.push({ reason: `“${t.name}” in workflow “${target.name}” is restricted from the API too, so the bot cannot use it; change that restriction in the workflow editor.` });
          continue;
        }
        if (not(admits.people) === true) continue;
        add(target, t, 'hide', HIDE, 'Hide from people (Restrict transitions, users only)');
      }
    }
    if (plan.changes.length > 0) {
      const workflows = new Set(plan.changes.map((c) => c.target.id)).size;
      plan.summary = `Add ${plan.changes.length} rule${plan.changes.length > 1 ? 's' : ''} to the bot’s transitions in ${workflows} workflow${workflows > 1 ? 's' : ''}`;
    }
    return plan;
  },

  apply(change: PlannedChange, client: JiraClient): Promise<ChangeResult> {
    const p = change.payload as BotRulePayload;
    return editWorkflow(client, change.id, p.workflowId, ({ workflow }) => {
      const transitions = workflow.transitions ?? [];
      const t = transitions.find((x) => x.id === p.transitionId);
      if (!t) return { refused: `Workflow “${p.workflowName}” no longer has transition “${p.transitionName}”; check the fix again.` };
      if (holds(t, p.kind)) return { unchanged: `Transition “${p.transitionName}” of workflow “${p.workflowName}” already has it.` };
      const changed = withRule(asUpdate(t), p);
      return {
        transitions: transitions.map((x) => (x.id === p.transitionId ? changed : asUpdate(x))),
        done: `${p.kind === 'hide' ? 'Hid' : p.kind === 'unassign' ? 'Made unassigning' : 'Made setting Resolution'} ${p.kind === 'hide' ? `“${p.transitionName}” from people` : `part of “${p.transitionName}”`} in workflow “${p.workflowName}”.`,
      };
    });
  },
};

/** Whether the transition already does what the change adds (read from Jira just now). */
function holds(t: JiraWorkflowTransition, kind: BotRuleKind): boolean {
  if (kind === 'resolution') return (t.actions ?? []).some((a) => setsResolution(a));
  if (kind === 'unassign') return (t.actions ?? []).some((a) => unassigns(a));
  return (t.conditions?.operation ?? 'ALL') === 'ALL' && (t.conditions?.conditions ?? []).some((c) => c?.ruleKey === HIDE.ruleKey && c.parameters?.restrictMode === 'users');
}

function withRule(t: TransitionUpdate, p: BotRulePayload): TransitionUpdate {
  const rule = structuredClone(p.rule);
  if (p.kind !== 'hide') return { ...t, actions: [...(t.actions ?? []), rule] };
  const current = t.conditions;
  // In an ALL group the new condition narrows who sees it; an ANY group is kept whole beside it.
  const conditions =
    !current || current.operation === 'ALL'
      ? { operation: 'ALL' as const, conditions: [...(current?.conditions ?? []), rule], conditionGroups: current?.conditionGroups ?? [] }
      : { operation: 'ALL' as const, conditions: [rule], conditionGroups: [current] };
  return { ...t, conditions };
}

/**
 * The Resolution value to set and how it was chosen: the one a transition of this
 * workflow, else of any workflow read, already sets; else the site's default
 * resolution. A fix for one desk reads only that desk's workflows, so the site's own
 * list is what keeps it from being blocked where another desk's workflows would answer.
 */
function resolutionValue(snapshot: SiteSnapshot, target: WorkflowTarget): { value: string; how: string } | undefined {
  const from = (transitions: readonly JiraWorkflowTransition[] | undefined) =>
    (transitions ?? []).flatMap((t) => (t.actions ?? []).filter((a): a is Rule => setsResolution(a))).map((a) => fieldUpdate(a)?.value)[0];
  const copied =
    from(target.data.workflow.transitions) ??
    Object.values(snapshot.workflows)
      .map((e) => (e.ok ? from(e.value.workflow.transitions) : undefined))
      .find((v) => v !== undefined);
  const resolutions = snapshot.resolutions?.ok ? snapshot.resolutions.value : [];
  if (copied) {
    const name = resolutions.find((r) => r.id === copied)?.name;
    return { value: copied, how: `Set Resolution${name ? ` to “${name}”` : ''} (as the site’s other transitions do)` };
  }
  const byDefault = resolutions.find((r) => r.isDefault);
  return byDefault ? { value: byDefault.id, how: `Set Resolution to “${byDefault.name}” (the site’s default resolution)` } : undefined;
}
