/**
 * Fix for WF-ANY-TO-RESOLVED, -IN-PROGRESS and -REOPENED: add the missing global
 * ("from any status") transition into a status of the bucket, one change per
 * workflow and bucket. The bucket and its statuses come from the checks' own
 * judgement (viewWorkflow with the admin's overrides, globalTransitionsInto), so the
 * fix offers exactly what the checks ask for.
 *
 * The new transition goes into the status the workflow's own transitions into that
 * bucket go to most, and behaves like the first of them: it shows the same screen
 * and runs the same validators and post functions (a Resolve keeps setting
 * Resolution, a Reopen keeps clearing it). It is hidden from people ("Restrict
 * transitions", users only), as Moveworks asks, so agents keep their own buttons.
 * A workflow with no status in the bucket gets a blocker: adding statuses is the
 * admin's decision.
 */
import type { StatusBucket } from '../shared/report-model';
import type { JiraClient } from '../jira/jira-client';
import { globalTransitionsInto, transitionsInto } from '../requirements/workflows/analysis/bot-transitions';
import { BUCKET_LABELS } from '../requirements/workflows/analysis/status-buckets';
import type { ChangeResult } from '../shared/fix-model';
import type { Fix, FixPlan, PlannedChange } from './fix';
import { asUpdate, editWorkflow, freeTransitionName, nextTransitionId, type TransitionUpdate } from './workflow-write';
import { workflowChange, workflowTargets } from './workflow-targets';
import { emptyPlan } from './plan-scope';

export const ADD_GLOBAL_TRANSITIONS = 'add-global-transitions';

/** The bucket each check asks a global transition into, and the name the new one gets. */
export const GLOBAL_TRANSITION_BUCKETS: readonly { bucket: StatusBucket; check: string; name: string }[] = [
  { bucket: 'resolved', check: 'WF-ANY-TO-RESOLVED', name: 'Resolve (Moveworks)' },
  { bucket: 'in_progress', check: 'WF-ANY-TO-IN-PROGRESS', name: 'In progress (Moveworks)' },
  { bucket: 'new', check: 'WF-ANY-TO-REOPENED', name: 'Reopen (Moveworks)' },
];

/** "Restrict transitions" to users only: hidden from people, open to the REST API (the bot). */
export function hiddenFromPeople(): NonNullable<TransitionUpdate['conditions']> {
  return { operation: 'ALL', conditions: [{ ruleKey: 'system:restrict-from-all-users', parameters: { restrictMode: 'users' } }], conditionGroups: [] };
}

export interface GlobalTransitionPayload {
  workflowId: string;
  workflowName: string;
  bucket: StatusBucket;
  /** Every status of the workflow in the bucket when planned: a global transition into any of them is enough. */
  bucketStatusRefs: string[];
  toStatusReference: string;
  toStatusName: string;
  name: string;
  /** The transition whose screen, validators and post functions the new one copies. */
  templateTransitionId?: string;
  teamManaged: boolean;
}

export const addGlobalTransitions: Fix = {
  meta: {
    id: ADD_GLOBAL_TRANSITIONS,
    title: 'Add the “from any status” transitions Moveworks uses',
    description:
      'Adds a global transition (from any status) into a Resolved, an In Progress and a New / Reopened status to each workflow that lacks one, hidden from people so agents keep their own transitions. Each copies the screen, validators and post functions of the workflow’s own transition into that status. A workflow shared by several projects changes for all of them; Jira records the change as made by you.',
    resolves: GLOBAL_TRANSITION_BUCKETS.map((b) => b.check),
    scope: 'desk',
    permission: 'project-admin',
    scopes: ['manage:jira-configuration'],
    itemVerb: 'added',
  },
  requires: ['requestTypes', 'workflows'],
  changes: ['workflows'],

  plan(input): FixPlan {
    const plan = emptyPlan(ADD_GLOBAL_TRANSITIONS, input.projects);
    const { targets, blockers } = workflowTargets(input, 'add transitions');
    plan.blockers.push(...blockers);
    for (const target of targets) {
      const { view } = target;
      for (const { bucket, name } of GLOBAL_TRANSITION_BUCKETS) {
        if (globalTransitionsInto(view, bucket).length > 0) continue;
        const inBucket = view.statuses.filter((s) => s.bucket === bucket);
        const label = BUCKET_LABELS[bucket];
        if (inBucket.length === 0) {
          plan.blockers.push({
            reason: `Workflow “${target.name}” has no ${label} status, so there is nothing to add a global transition into: add one to the workflow, or map one of its statuses to ${label} in the app’s status-bucket settings.`,
          });
          continue;
        }
        const into = transitionsInto(view, bucket);
        const counts = new Map(inBucket.map((s) => [s.ref, into.filter((t) => t.toRef === s.ref).length]));
        const to = [...inBucket].sort((a, b) => counts.get(b.ref)! - counts.get(a.ref)!)[0]!;
        const template = into.find((t) => t.toRef === to.ref);
        const transitionName = freeTransitionName(target.data.workflow.transitions ?? [], name);
        const payload: GlobalTransitionPayload = {
          workflowId: target.id,
          workflowName: target.name,
          bucket,
          bucketStatusRefs: inBucket.map((s) => s.ref),
          toStatusReference: to.ref,
          toStatusName: to.name,
          name: transitionName,
          ...(template ? { templateTransitionId: template.id } : {}),
          teamManaged: target.teamManaged,
        };
        plan.changes.push(workflowChange(input.snapshot, target, {
          id: `workflow:${target.id}:global:${bucket}`,
          summary: `Add the global transition “${transitionName}” into “${to.name}” to workflow “${target.name}”${template ? ` (like “${template.name}”)` : ''}`,
          items: 1,
          payload,
        }));
      }
    }
    const workflows = new Set(plan.changes.map((c) => c.target.id)).size;
    if (plan.changes.length > 0) {
      plan.summary = `Add ${plan.changes.length} global transition${plan.changes.length > 1 ? 's' : ''} to ${workflows === 1 ? `workflow “${plan.changes[0]!.target.name}”` : `${workflows} workflows`}`;
    }
    return plan;
  },

  apply(change: PlannedChange, client: JiraClient): Promise<ChangeResult> {
    const p = change.payload as GlobalTransitionPayload;
    return editWorkflow(client, change.id, p.workflowId, ({ workflow }) => {
      const transitions = workflow.transitions ?? [];
      const existing = transitions.find((t) => t.type === 'GLOBAL' && p.bucketStatusRefs.includes(t.toStatusReference ?? ''));
      if (existing) return { unchanged: `Workflow “${p.workflowName}” already has the global transition “${existing.name}” into ${BUCKET_LABELS[p.bucket]}.` };
      if (!(workflow.statuses ?? []).some((s) => s.statusReference === p.toStatusReference)) {
        return { refused: `Workflow “${p.workflowName}” no longer uses the status “${p.toStatusName}”; check the fix again to plan from its current state.` };
      }
      const template = transitions.find((t) => t.id === p.templateTransitionId && t.toStatusReference === p.toStatusReference);
      const added: TransitionUpdate = {
        id: nextTransitionId(transitions),
        name: freeTransitionName(transitions, p.name),
        description: 'Used by the Moveworks bot; hidden from people.',
        type: 'GLOBAL',
        toStatusReference: p.toStatusReference,
        links: [],
        conditions: hiddenFromPeople(),
        validators: structuredClone(template?.validators ?? []),
        actions: structuredClone(template?.actions ?? []),
        triggers: [],
        properties: {},
        // Team-managed workflows take no transition screen.
        ...(template?.transitionScreen && !p.teamManaged ? { transitionScreen: structuredClone(template.transitionScreen) } : {}),
      };
      return {
        transitions: [...transitions.map(asUpdate), added],
        done: `Added the global transition “${added.name}” into “${p.toStatusName}” to workflow “${p.workflowName}”.`,
      };
    });
  },
};
