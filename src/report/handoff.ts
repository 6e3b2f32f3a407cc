/**
 * The Moveworks hand-off bundle: per project and workflow, the statuses with
 * their bucket and the ids of the Resolve, In Progress and Reopen transitions.
 * Built from WF-EXPORT's evidence (the `buildHandoff` output it records) in a
 * stored report, so an export works without going back to Jira.
 */
import type { ParityPair, ProjectReport, ProjectStyle, Report, StatusBucket } from '../shared/report-model';
import type { HandoffBotTransition, HandoffResolveScreen, TransitionRef } from '../shared/handoff-model';
import type { ParityComparison, ParityItem } from '../shared/parity-model';
import type { ConnectorValues } from '../shared/resolver-api';
import { withStableKeys } from './json';

/*
 * WF-EXPORT's evidence as a stored report carries it: the part of the Handoff that
 * src/requirements/workflows/analysis/handoff.ts builds which the bundle reads. Declared
 * here because a renderer reads the stored Report only, never the checks (the layer
 * rule in .dependency-cruiser.cjs); the parts both sides share exactly come from
 * shared/handoff-model. handoff.test.ts does not compile when the check's Handoff
 * stops fitting these shapes. Fields older reports lack are optional.
 */

export interface HandoffIssueType {
  id: string;
  name?: string;
}

export interface HandoffGap {
  /** null when no workflow could be named. */
  workflow: string | null;
  issueTypes: HandoffIssueType[];
  reason: string;
}

interface StoredChosen {
  global?: boolean;
  transitionIds?: string[];
  transitions?: HandoffBotTransition[];
}

export interface StoredHandoffWorkflow {
  name: string;
  id?: string;
  issueTypes: HandoffIssueType[];
  statuses: { id: string; name: string; category: string | null; bucket: StatusBucket | null; bucketLabel: string | null }[];
  transitions?: TransitionRef[];
  bot?: { resolve?: StoredChosen; inProgress?: StoredChosen; reopen?: StoredChosen };
  resolveScreens?: HandoffResolveScreen[];
}

export interface StoredHandoff {
  project: object;
  bucketLabels?: Partial<Record<StatusBucket, string>>;
  workflows: StoredHandoffWorkflow[];
  unreadable: HandoffGap[];
}

export interface HandoffBundleTransitions {
  /** True when these are global ("from any status") transitions. */
  global: boolean;
  transitionIds: string[];
  /** The same transitions with name and target status; empty in bundles from reports made before they were recorded. */
  transitions: HandoffBotTransition[];
}

export interface HandoffBundleWorkflow {
  name: string;
  id?: string;
  issueTypes: { id: string; name?: string }[];
  statuses: { id: string; name: string; category: string | null; bucket: StatusBucket | null; bucketLabel: string | null }[];
  resolve: HandoffBundleTransitions;
  inProgress: HandoffBundleTransitions;
  reopen: HandoffBundleTransitions;
  /** Every transition of the workflow, for the Moveworks team's own mapping. */
  transitions: TransitionRef[];
  /** The fields on each Resolve transition's screen: what Moveworks can set when it resolves. */
  resolveScreens: HandoffResolveScreen[];
}

export interface HandoffBundleProject {
  key: string;
  id: string;
  name: string;
  style: ProjectStyle;
  /** Every in-scope issue type's workflow is in the bundle. */
  complete: boolean;
  workflows: HandoffBundleWorkflow[];
  /** What is missing and why. */
  unreadable: HandoffGap[];
  /** Present when the desk is paired with a non-production desk (PARITY-CONFIG). */
  parity?: HandoffBundleParity;
}

/** How a paired desk compares with the non-production desk the bot was tuned on: its differences, each with the side to change. */
export interface HandoffBundleParity {
  pair: ParityPair;
  /** PARITY-CONFIG's status: pass (matches), warn (differs), error (could not compare). */
  status: string;
  summary: string;
  nonProduction?: ParityComparison['nonProduction'];
  matches?: boolean;
  counts?: ParityComparison['counts'];
  /** The differences and what could not be compared; what is the same is left out. */
  items?: ParityItem[];
}

export interface HandoffBundle {
  kind: 'mw-readiness-handoff';
  version: 1;
  generatedAt: string;
  site: { baseUrl: string };
  bucketLabels: Record<StatusBucket, string>;
  /** The connector's values, when the bundle is exported from the app. */
  connector?: ConnectorValues;
  projects: HandoffBundleProject[];
}

const DEFAULT_BUCKET_LABELS: Record<StatusBucket, string> = {
  new: 'New / Reopened',
  in_progress: 'In Progress',
  waiting: 'Waiting for User',
  resolved: 'Resolved / Closed',
};

/** WF-EXPORT's evidence is a Handoff when the project's workflows could be looked at. */
export function isHandoff(evidence: unknown): evidence is StoredHandoff {
  if (!evidence || typeof evidence !== 'object') return false;
  const e = evidence as Partial<StoredHandoff>;
  return Array.isArray(e.workflows) && Array.isArray(e.unreadable) && typeof e.project === 'object' && e.project !== null;
}

function transitionsOf(chosen: StoredChosen | undefined): HandoffBundleTransitions {
  return { global: chosen?.global === true, transitionIds: [...(chosen?.transitionIds ?? [])], transitions: [...(chosen?.transitions ?? [])] };
}

function bundleWorkflow(w: StoredHandoffWorkflow): HandoffBundleWorkflow {
  return {
    name: w.name,
    ...(w.id !== undefined ? { id: w.id } : {}),
    issueTypes: w.issueTypes,
    statuses: w.statuses.map((s) => ({ id: s.id, name: s.name, category: s.category, bucket: s.bucket, bucketLabel: s.bucketLabel })),
    resolve: transitionsOf(w.bot?.resolve),
    inProgress: transitionsOf(w.bot?.inProgress),
    reopen: transitionsOf(w.bot?.reopen),
    transitions: w.transitions ?? [],
    resolveScreens: w.resolveScreens ?? [],
  };
}

/** PARITY-CONFIG's result as the bundle carries it; none when the desk has no pair. */
function parityOf(project: ProjectReport): HandoffBundleParity | undefined {
  const check = project.checks.find((c) => c.id === 'PARITY-CONFIG');
  const evidence = check?.evidence as { pair?: ParityPair; comparison?: ParityComparison } | undefined;
  if (!check || !evidence?.pair) return undefined;
  const c = evidence.comparison;
  return {
    pair: evidence.pair,
    status: check.status,
    summary: check.summary,
    ...(c && Array.isArray(c.items)
      ? { nonProduction: c.nonProduction, matches: c.matches, counts: c.counts, items: c.items.filter((i) => i.state !== 'same') }
      : {}),
  };
}

function bundleProject(project: ProjectReport): HandoffBundleProject {
  const parity = parityOf(project);
  const base = { key: project.key, id: project.id, name: project.name, style: project.style, ...(parity ? { parity } : {}) };
  const check = project.checks.find((c) => c.id === 'WF-EXPORT');
  if (!check) {
    return { ...base, complete: false, workflows: [], unreadable: [{ workflow: null, issueTypes: [], reason: 'WF-EXPORT was not part of this run' }] };
  }
  if (!isHandoff(check.evidence)) {
    // Not applicable (no issue types in scope) leaves nothing to hand off; anything else could not be read.
    const complete = check.status === 'not_applicable';
    return { ...base, complete, workflows: [], unreadable: complete ? [] : [{ workflow: null, issueTypes: [], reason: check.summary }] };
  }
  const handoff = check.evidence;
  return {
    ...base,
    complete: handoff.unreadable.length === 0,
    workflows: handoff.workflows.map(bundleWorkflow),
    unreadable: handoff.unreadable,
  };
}

/** The bundle for every project of the report, or just `projectKey`'s. */
export function buildHandoffBundle(report: Report, options: { projectKey?: string; connector?: ConnectorValues } = {}): HandoffBundle {
  const projects = options.projectKey ? report.projects.filter((p) => p.key === options.projectKey) : report.projects;
  const labels = projects
    .map((p) => p.checks.find((c) => c.id === 'WF-EXPORT')?.evidence)
    .find(isHandoff)?.bucketLabels;
  return {
    kind: 'mw-readiness-handoff',
    version: 1,
    generatedAt: report.generatedAt,
    site: { baseUrl: report.site.baseUrl },
    bucketLabels: { ...DEFAULT_BUCKET_LABELS, ...(labels ?? {}) },
    ...(options.connector ? { connector: { ...options.connector } } : {}),
    projects: projects.map(bundleProject),
  };
}

export function renderHandoffJson(bundle: HandoffBundle): string {
  return JSON.stringify(withStableKeys(bundle), null, 2) + '\n';
}
