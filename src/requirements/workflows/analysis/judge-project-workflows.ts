/**
 * Per-issue-type folding shared by every workflow check: find the workflow of each
 * in-scope issue type, judge each workflow once, attach the result to every issue
 * type that uses it, and fold the project's verdict as the worst of them.
 * The check runner has made sure the project, its request types and which workflow
 * each issue type uses were read. One workflow that could not be read (or an issue
 * type with no workflow) is `undecided` naming it and the reason; the others are
 * still judged, so a violation elsewhere is not hidden. It never holds.
 */
import type { RemediationStep, Severity } from '../../../shared/report-model';
import { worstVerdict } from '../../verdicts';
import type { IssueTypeRef } from '../../../gather/snapshot';
import type { CheckMeta, CheckOutcome, ProjectCheck, ProjectCheckInput, Verdict } from '../../check';
import { DOCS, siteLinks } from '../../links';
import { fetchReason } from '../../fetch-reason';
import { requiredValue } from '../../required-value';
import { viewWorkflow, type WorkflowView } from './workflow-view';

export interface WorkflowJudgement {
  verdict: Verdict;
  /** About this one workflow, without its name (the fold prefixes “name”:), e.g. "no global transition to …". */
  summary: string;
  details?: Record<string, unknown>;
  /** This workflow's severity when it is violated (e.g. a missing Resolved bucket is required). */
  severity?: Severity;
  remediation?: RemediationStep[];
}

export interface WorkflowJudgeContext {
  view: WorkflowView;
  input: ProjectCheckInput;
  /** Where an admin edits this workflow (the project's workflow page for team-managed projects). */
  workflowUrl: string;
  screenUrl(screenId: string): string;
}

export interface WorkflowEvidence {
  /** null for issue types with no workflow mapped. */
  workflow: string | null;
  issueTypes: IssueTypeRef[];
  verdict: Verdict;
  summary: string;
  details?: Record<string, unknown>;
}

export interface ProjectWorkflowsEvidence {
  project: { key: string; style: string };
  workflows: WorkflowEvidence[];
  /** issueTypeId → the verdict of its workflow: the result attached to every issue type. */
  byIssueType: Record<string, Verdict>;
}

export interface WorkflowFoldSpec {
  meta: CheckMeta;
  judge(ctx: WorkflowJudgeContext): WorkflowJudgement;
  /** One line when every workflow holds (or has nothing to judge), given how many hold. */
  holdsSummary(count: number): string;
  /** Documentation steps appended after the per-workflow ones when something is wrong. */
  generalRemediation?: RemediationStep[];
  /** A project-wide severity (e.g. WF-ANY-TO-RESOLVED by skills), reported whatever the verdict. */
  severity?(input: ProjectCheckInput): Severity;
  /** Replaces the evidence of every outcome, early ones included (WF-EXPORT hands off its bundle). */
  evidence?(input: ProjectCheckInput): unknown;
}

/** A workflow check: what it reads, and how it judges one workflow and folds them. */
export type WorkflowCheckSpec = Pick<ProjectCheck, 'requires' | 'optional'> & WorkflowFoldSpec & { meta: ProjectCheck['meta'] };

/** The project check that judges each workflow of the desk once and folds the verdicts (every WF- check). */
export function workflowCheck({ requires, optional, ...spec }: WorkflowCheckSpec): ProjectCheck {
  return { meta: spec.meta, requires, ...(optional ? { optional } : {}), evaluate: (input) => judgeProjectWorkflows(input, spec) };
}

/** "both" for two workflows, "all 3" for more: how a holding summary counts them. */
export function bothOrAll(count: number): string {
  return count === 2 ? 'both' : `all ${count}`;
}

/** A holding summary that says `what` of the one workflow, or "In both / all N workflows `what`". */
export function inEachWorkflow(what: string): (count: number) => string {
  return (count) => (count === 1 ? capitalise(what) : `In ${bothOrAll(count)} workflows ${what}`);
}

/** The workflow has no transition of the kind the check is about: violated, with the step that adds one. */
export function noSuchTransition(detailsKey: string, summary: string, step: RemediationStep): WorkflowJudgement {
  return { verdict: 'violated', summary, details: { [detailsKey]: [] }, remediation: [step] };
}

const MAX_NAMED = 3;

export function judgeProjectWorkflows(input: ProjectCheckInput, spec: WorkflowFoldSpec): CheckOutcome {
  const { project, snapshot } = input;
  const links = siteLinks(snapshot.baseUrl);
  const teamManaged = project.style === 'team-managed';
  const projectWorkflowsUrl = links.projectWorkflows(project.key, project.style);
  const severity = spec.severity?.(input);
  const withSeverity = (outcome: CheckOutcome): CheckOutcome => {
    const withEvidence = spec.evidence ? { ...outcome, evidence: spec.evidence(input) } : outcome;
    return severity !== undefined && severity !== spec.meta.severity ? { ...withEvidence, severity } : withEvidence;
  };
  const readSteps = (what: string): RemediationStep[] => [
    { text: `Make sure the app (or the CLI's account) can administer project ${project.key} and read ${what}, then run the check again.`, url: projectWorkflowsUrl },
    ...(teamManaged ? [{ text: 'Team-managed projects keep one workflow per work type; open it from the project settings.', url: DOCS.teamManagedWorkflows }] : []),
  ];
  const styleNote = teamManaged ? ' (team-managed project)' : '';

  // The runner has made sure the project, its request types and its workflow mapping were read.
  const requestTypes = requiredValue(project.requestTypes, 'requestTypes');
  if (project.issueTypes.length === 0) {
    const why = requestTypes.length === 0 ? 'the project has no request types' : 'the settings leave no issue type of this project in scope';
    return withSeverity({
      verdict: 'not_applicable',
      summary: `No issue types in scope: ${why}.`,
      evidence: { project: { key: project.key, style: project.style }, requestTypes: requestTypes.length },
    });
  }

  const mapping = requiredValue(project.workflowByIssueType, 'workflows');
  const groups = new Map<string, IssueTypeRef[]>();
  const unmapped: IssueTypeRef[] = [];
  for (const issueType of project.issueTypes) {
    const name = Object.prototype.hasOwnProperty.call(mapping, issueType.id) ? mapping[issueType.id] : undefined;
    if (!name) unmapped.push(issueType);
    else groups.set(name, [...(groups.get(name) ?? []), issueType]);
  }

  const entries: { evidence: WorkflowEvidence; severity?: Severity; remediation: RemediationStep[] }[] = [];
  if (unmapped.length > 0) {
    const names = unmapped.map((t) => t.name ?? t.id).join(', ');
    entries.push({
      evidence: {
        workflow: null,
        issueTypes: unmapped,
        verdict: 'undecided',
        summary: `no workflow found for issue type${unmapped.length > 1 ? 's' : ''} ${names}${styleNote}`,
      },
      remediation: [{ text: `Check which workflow issue type${unmapped.length > 1 ? 's' : ''} ${names} use${unmapped.length > 1 ? '' : 's'} in project ${project.key}; the app found none.`, url: projectWorkflowsUrl }],
    });
  }

  for (const [name, issueTypes] of groups) {
    const workflowUrl = teamManaged ? projectWorkflowsUrl : links.workflow(name);
    const fetched = Object.prototype.hasOwnProperty.call(snapshot.workflows, name) ? snapshot.workflows[name] : undefined;
    if (!fetched || !fetched.ok) {
      const reason = fetched ? fetchReason(fetched.error) : 'it was not read in this run';
      entries.push({
        evidence: { workflow: name, issueTypes, verdict: 'undecided', summary: `could not be read${styleNote}: ${reason}` },
        remediation: [{ text: `Make sure workflow “${name}” can be read by the app (Administer Jira, or Administer projects for a project-scoped workflow), then run the check again.`, url: workflowUrl }],
      });
      continue;
    }
    const view = viewWorkflow(name, fetched.value, input.settings.statusBucketOverrides ?? {});
    const judgement = spec.judge({ view, input, workflowUrl, screenUrl: links.screen });
    entries.push({
      evidence: { workflow: name, issueTypes, verdict: judgement.verdict, summary: judgement.summary, ...(judgement.details ? { details: judgement.details } : {}) },
      severity: judgement.severity,
      remediation: judgement.remediation ?? [],
    });
  }

  const verdict = worstVerdict(entries.map((e) => e.evidence.verdict));
  const byIssueType: Record<string, Verdict> = {};
  for (const e of entries) for (const t of e.evidence.issueTypes) byIssueType[t.id] = e.evidence.verdict;
  const standard: ProjectWorkflowsEvidence = {
    project: { key: project.key, style: project.style },
    workflows: entries.map((e) => e.evidence),
    byIssueType,
  };
  const evidence = spec.evidence ? spec.evidence(input) : standard;
  // Workflows with nothing to judge (not_applicable) are left out of the count.
  const holdingCount = entries.filter((e) => e.evidence.verdict === 'holds').length;

  if (verdict === 'holds') return withSeverity({ verdict, summary: spec.holdsSummary(holdingCount), evidence });

  const notable = entries
    .filter((e) => e.evidence.verdict !== 'holds' && e.evidence.verdict !== 'not_applicable')
    .sort((a, b) => rank(a.evidence.verdict) - rank(b.evidence.verdict));
  const shown = (notable.length > 0 ? notable : entries).map((e) => e.evidence);
  const label = (e: WorkflowEvidence) => (e.workflow === null ? e.summary : `“${e.workflow}”: ${e.summary}`);
  const named = shown.slice(0, MAX_NAMED).map(label).join('; ') + (shown.length > MAX_NAMED ? `; and ${shown.length - MAX_NAMED} more` : '');
  const counted = entries.length > 1 && shown.every((e) => e.workflow !== null);
  const summary = counted ? `${shown.length} of ${groups.size} workflows: ${named}` : shown[0].workflow === null ? capitalise(named) : `Workflow ${named}`;

  if (verdict === 'not_applicable') return withSeverity({ verdict, summary, evidence });

  const violatedSeverities = entries.filter((e) => e.evidence.verdict === 'violated').map((e) => e.severity ?? spec.meta.severity);
  const folded = severity ?? (verdict === 'violated' ? highest(violatedSeverities) : undefined);
  const remediation = dedupe([...notable.flatMap((e) => e.remediation), ...(spec.generalRemediation ?? [])]);
  const outcome: CheckOutcome = { verdict, summary, evidence, remediation };
  return folded !== undefined && folded !== spec.meta.severity ? { ...outcome, severity: folded } : outcome;
}

function rank(v: Verdict): number {
  return ['violated', 'undecided', 'manual', 'holds', 'not_applicable'].indexOf(v);
}

function highest(severities: Severity[]): Severity | undefined {
  for (const s of ['required', 'recommended', 'optional'] as const) if (severities.includes(s)) return s;
  return undefined;
}

function dedupe(steps: RemediationStep[]): RemediationStep[] {
  const seen = new Set<string>();
  return steps.filter((s) => {
    const key = `${s.text}\u0000${s.url ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
