/**
 * One workflow as the checks read it: the statuses it uses, each with its bucket,
 * and its transitions described by name, type and status names. Built from the
 * POST /rest/api/3/workflows answer (workflow + top-level statuses).
 */
import type { StatusBucket } from '../../../shared/report-model';
import type { JiraWorkflow, JiraWorkflowStatus, JiraWorkflowTransition } from '../../../gather/snapshot';
import { bucketForStatus, type BucketSource } from './status-buckets';
import type { TransitionRef } from '../../../shared/handoff-model';

export interface StatusView {
  /** The workflow's statusReference (the status id in practice). */
  ref: string;
  id?: string;
  name: string;
  category: string | null;
  bucket: StatusBucket | null;
  bucketSource: BucketSource;
}

export interface TransitionView {
  id: string;
  name: string;
  type: 'INITIAL' | 'GLOBAL' | 'DIRECTED';
  toRef: string | null;
  /** Status names the transition starts from; empty for global and initial ones. */
  from: string[];
  to: StatusView | null;
  raw: JiraWorkflowTransition;
}

export interface WorkflowView {
  name: string;
  id?: string;
  statuses: StatusView[];
  transitions: TransitionView[];
}

export function viewWorkflow(
  name: string,
  data: { workflow: JiraWorkflow; statuses: JiraWorkflowStatus[] },
  overrides: Readonly<Record<string, StatusBucket>> = {},
): WorkflowView {
  const known = new Map<string, JiraWorkflowStatus>();
  for (const s of data.statuses ?? []) {
    if (s.statusReference) known.set(s.statusReference, s);
    if (s.id && !known.has(s.id)) known.set(s.id, s);
  }
  const rawTransitions = data.workflow.transitions ?? [];

  // The workflow's own list says which statuses it uses; when Jira left it out,
  // the statuses its transitions touch are the next best witness.
  const refs: string[] = [];
  const addRef = (ref: string | null | undefined) => {
    if (ref && !refs.includes(ref)) refs.push(ref);
  };
  for (const s of data.workflow.statuses ?? []) addRef(s.statusReference);
  if (refs.length === 0) {
    for (const t of rawTransitions) {
      addRef(t.toStatusReference);
      for (const l of t.links ?? []) addRef(l?.fromStatusReference);
    }
  }

  const statuses = refs.map((ref): StatusView => {
    const s = known.get(ref);
    const statusName = s?.name ?? ref;
    const { bucket, source } = bucketForStatus({ id: s?.id ?? ref, name: statusName, statusCategory: s?.statusCategory }, overrides);
    return { ref, id: s?.id ?? ref, name: statusName, category: s?.statusCategory ?? null, bucket, bucketSource: source };
  });
  const byRef = new Map(statuses.map((s) => [s.ref, s]));
  const statusFor = (ref: string | null | undefined): StatusView | null => {
    if (!ref) return null;
    const seen = byRef.get(ref);
    if (seen) return seen;
    const s = known.get(ref);
    if (!s) return null;
    const statusName = s.name ?? ref;
    const { bucket, source } = bucketForStatus({ id: s.id ?? ref, name: statusName, statusCategory: s.statusCategory }, overrides);
    return { ref, id: s.id ?? ref, name: statusName, category: s.statusCategory ?? null, bucket, bucketSource: source };
  };

  const transitions = rawTransitions.map((t, index): TransitionView => ({
    id: t.id ?? `#${index + 1}`,
    name: t.name ?? `Transition ${t.id ?? index + 1}`,
    type: t.type ?? 'DIRECTED',
    toRef: t.toStatusReference ?? null,
    from: (t.links ?? []).flatMap((l) => {
      const ref = l?.fromStatusReference;
      return ref ? [statusFor(ref)?.name ?? ref] : [];
    }),
    to: statusFor(t.toStatusReference),
    raw: t,
  }));

  return { name, id: data.workflow.id, statuses, transitions };
}

export function transitionRef(t: TransitionView): TransitionRef {
  return {
    id: t.id,
    name: t.name,
    type: t.type,
    from: t.type === 'GLOBAL' ? 'any' : t.from,
    to: t.to?.name ?? t.toRef,
    toBucket: t.to?.bucket ?? null,
  };
}

/** "Resolve (31) → Resolved", for one-line summaries. */
export function transitionLabel(t: TransitionView): string {
  return `“${t.name}” (${t.id}) → ${t.to?.name ?? t.toRef ?? '?'}`;
}
