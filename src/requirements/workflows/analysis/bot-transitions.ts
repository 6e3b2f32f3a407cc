/**
 * The transitions Moveworks uses: global ones into a bucket, "the Resolve
 * transition" and "the Reopen transition" as docs/requirements.md defines them.
 */
import type { StatusBucket } from '../../../shared/report-model';
import type { TransitionView, WorkflowView } from './workflow-view';

/** Global ("from any status") transitions into a status of the bucket. */
export function globalTransitionsInto(view: WorkflowView, bucket: StatusBucket): TransitionView[] {
  return view.transitions.filter((t) => t.type === 'GLOBAL' && t.to?.bucket === bucket);
}

/**
 * Transitions into the bucket an issue can take once it exists. The initial (create)
 * transition is left out: it cannot move an existing ticket, so it is neither a
 * resolve nor a reopen.
 */
export function transitionsInto(view: WorkflowView, bucket: StatusBucket): TransitionView[] {
  return view.transitions.filter((t) => t.type !== 'INITIAL' && t.to?.bucket === bucket);
}

export interface ChosenTransitions {
  transitions: TransitionView[];
  /** True when these are global transitions; false when none was global and every transition into the bucket was taken. */
  global: boolean;
}

/** The bucket's global transitions; where there is none, every transition into it. */
export function theTransitionInto(view: WorkflowView, bucket: StatusBucket): ChosenTransitions {
  const global = globalTransitionsInto(view, bucket);
  return global.length > 0 ? { transitions: global, global: true } : { transitions: transitionsInto(view, bucket), global: false };
}

/** "The Resolve transition": global into Resolved / Closed, else every transition into it. */
export function resolveTransitions(view: WorkflowView): ChosenTransitions {
  return theTransitionInto(view, 'resolved');
}

/** "The Reopen transition": global into New / Reopened, else every non-initial transition into it. */
export function reopenTransitions(view: WorkflowView): ChosenTransitions {
  return theTransitionInto(view, 'new');
}

/** The transitions the bot fires: the global ones into Resolved, In Progress and New / Reopened. */
export function botTransitions(view: WorkflowView): TransitionView[] {
  return view.transitions.filter(
    (t) => t.type === 'GLOBAL' && (t.to?.bucket === 'resolved' || t.to?.bucket === 'in_progress' || t.to?.bucket === 'new'),
  );
}
