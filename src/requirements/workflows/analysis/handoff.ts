/**
 * The hand-off bundle for the Moveworks team: per workflow of a project, its
 * statuses with their buckets and the ids of the transitions the bot will use.
 * Pure; the report module serialises it (JSON export) and WF-EXPORT shows it as evidence.
 */
import type { EngineSettings, ProjectStyle, StatusBucket } from '../../../shared/report-model';
import type { HandoffBotTransition, HandoffResolveScreen, TransitionRef } from '../../../shared/handoff-model';
import type { IssueTypeRef, ProjectSnapshot, SiteSnapshot } from '../../../gather/snapshot';
import { reopenTransitions, resolveTransitions, theTransitionInto } from './bot-transitions';
import type { Fetched } from '../../../shared/fetched';
import { fetchReason } from '../../fetch-reason';
import { BUCKET_LABELS, type BucketSource } from './status-buckets';
import { fieldLabel, transitionScreen } from './transition-screen';
import { transitionRef, viewWorkflow, type TransitionView } from './workflow-view';

export interface HandoffStatus {
  id: string;
  name: string;
  category: string | null;
  bucket: StatusBucket | null;
  bucketLabel: string | null;
  bucketSource: BucketSource;
}

export interface HandoffChosen {
  /** True when these are global ("from any status") transitions. */
  global: boolean;
  transitionIds: string[];
  /** The same transitions with their names and target statuses (what a non-production twin is compared on); absent in reports made before they were recorded. */
  transitions?: HandoffBotTransition[];
}

export interface HandoffWorkflow {
  name: string;
  id?: string;
  issueTypes: IssueTypeRef[];
  statuses: HandoffStatus[];
  transitions: TransitionRef[];
  bot: { resolve: HandoffChosen; inProgress: HandoffChosen; reopen: HandoffChosen };
  /** The screens of the Resolve transitions, one per transition in `bot.resolve`; absent in reports made before they were recorded. */
  resolveScreens?: HandoffResolveScreen[];
}

export interface HandoffGap {
  /** null when no workflow could be named (no mapping, or the mapping itself failed). */
  workflow: string | null;
  issueTypes: IssueTypeRef[];
  reason: string;
}

export interface Handoff {
  baseUrl: string;
  gatheredAt: string;
  project: { id: string; key: string; name: string; style: ProjectStyle };
  bucketLabels: Record<StatusBucket, string>;
  workflows: HandoffWorkflow[];
  /** Workflows (or issue types) that could not be read, so are not in the bundle. */
  unreadable: HandoffGap[];
}

function chosen(transitions: TransitionView[], global: boolean): HandoffChosen {
  return {
    global,
    transitionIds: transitions.map((t) => t.id),
    transitions: transitions.map((t) => ({ id: t.id, name: t.name, to: t.to?.name ?? t.toRef, toBucket: t.to?.bucket ?? null })),
  };
}

function resolveScreenOf(t: TransitionView, snapshot: SiteSnapshot): HandoffResolveScreen {
  const screen = transitionScreen(t, snapshot);
  if (screen.kind === 'none') return { transitionId: t.id, screenId: null, fieldIds: null };
  if (screen.kind === 'unread') return { transitionId: t.id, screenId: screen.screenId, fieldIds: null, reason: screen.reason };
  const fieldIds = [...screen.screen.fieldIds];
  return {
    transitionId: t.id,
    screenId: screen.screenId,
    fieldIds,
    fieldNames: Object.fromEntries(fieldIds.map((id) => [id, fieldLabel(id, screen.screen.fieldNames)])),
  };
}

export function buildHandoff(snapshot: SiteSnapshot, settings: EngineSettings, project: ProjectSnapshot): Handoff {
  const handoff: Handoff = {
    baseUrl: snapshot.baseUrl,
    gatheredAt: snapshot.gatheredAt,
    project: { id: project.id, key: project.key, name: project.name, style: project.style },
    bucketLabels: { ...BUCKET_LABELS },
    workflows: [],
    unreadable: [],
  };
  if (project.unavailable) {
    handoff.unreadable.push({ workflow: null, issueTypes: project.issueTypes, reason: `the project could not be read: ${fetchReason(project.unavailable)}` });
    return handoff;
  }
  if (project.issueTypes.length === 0) {
    // Nothing in scope is complete, unless the request types that decide the scope could not be read.
    if (!project.requestTypes?.ok) handoff.unreadable.push({ workflow: null, issueTypes: [], reason: `the request types could not be read: ${unreadReason(project.requestTypes)}` });
    return handoff;
  }
  if (!project.workflowByIssueType?.ok) {
    handoff.unreadable.push({ workflow: null, issueTypes: project.issueTypes, reason: unreadReason(project.workflowByIssueType) });
    return handoff;
  }
  const mapping = project.workflowByIssueType.value;
  const groups = new Map<string, IssueTypeRef[]>();
  const unmapped: IssueTypeRef[] = [];
  for (const t of project.issueTypes) {
    const name = Object.prototype.hasOwnProperty.call(mapping, t.id) ? mapping[t.id] : undefined;
    if (name) groups.set(name, [...(groups.get(name) ?? []), t]);
    else unmapped.push(t);
  }
  if (unmapped.length > 0) handoff.unreadable.push({ workflow: null, issueTypes: unmapped, reason: 'no workflow found for these issue types' });

  for (const [name, issueTypes] of groups) {
    const fetched = Object.prototype.hasOwnProperty.call(snapshot.workflows, name) ? snapshot.workflows[name] : undefined;
    if (!fetched || !fetched.ok) {
      handoff.unreadable.push({ workflow: name, issueTypes, reason: fetched ? fetchReason(fetched.error) : 'it was not read in this run' });
      continue;
    }
    const view = viewWorkflow(name, fetched.value, settings.statusBucketOverrides ?? {});
    const resolve = resolveTransitions(view);
    const inProgress = theTransitionInto(view, 'in_progress');
    const reopen = reopenTransitions(view);
    handoff.workflows.push({
      name,
      ...(view.id !== undefined ? { id: view.id } : {}),
      issueTypes,
      statuses: view.statuses.map((s) => ({
        id: s.id ?? s.ref,
        name: s.name,
        category: s.category,
        bucket: s.bucket,
        bucketLabel: s.bucket ? BUCKET_LABELS[s.bucket] : null,
        bucketSource: s.bucketSource,
      })),
      transitions: view.transitions.map(transitionRef),
      bot: {
        resolve: chosen(resolve.transitions, resolve.global),
        inProgress: chosen(inProgress.transitions, inProgress.global),
        reopen: chosen(reopen.transitions, reopen.global),
      },
      resolveScreens: resolve.transitions.map((t) => resolveScreenOf(t, snapshot)),
    });
  }
  return handoff;
}

/** Whether the bundle is complete: every in-scope issue type's workflow was read. */
export function handoffComplete(handoff: Handoff): boolean {
  return handoff.unreadable.length === 0;
}

/** Why an artifact is missing from the bundle: Jira's reason, or that the run did not read it. */
function unreadReason(fetched: Fetched<unknown> | undefined): string {
  return fetched && !fetched.ok ? fetchReason(fetched.error) : 'it was not read in this run';
}
