/**
 * The shape shared by the checks that judge "the Resolve transition" one transition
 * at a time (WF-RESOLVE-SCREEN-ASSIGNEE, -SCREEN-FIELDS, -SETS-RESOLUTION): no Resolve
 * transition is a violation; otherwise each transition is judged on its own and the
 * workflow gets the worst verdict, every problem and every step, in transition order.
 */
import type { RemediationStep } from '../../../shared/report-model';
import type { ProjectCheck, Verdict } from '../../check';
import { worstVerdict } from '../../verdicts';
import { resolveTransitions } from './bot-transitions';
import { inEachWorkflow, noSuchTransition, workflowCheck, type WorkflowJudgement, type WorkflowJudgeContext } from './judge-project-workflows';
import { transitionLabel, type TransitionView, type WorkflowView } from './workflow-view';

/** One transition's part of the workflow's judgement; `row` is its evidence. */
export interface TransitionJudgement<Row> {
  verdict: Verdict;
  row: Row;
  problem?: string;
  remediation?: RemediationStep[];
}

export interface ResolveTransitionCheckSpec<Row> {
  meta: ProjectCheck['meta'];
  /** When the workflow has no Resolve transition: what is missing, and the step that adds one. */
  none(view: WorkflowView): { summary: string; step: string };
  /** One Resolve transition; `global` is false when none was global and every transition into Resolved was taken. */
  judge(t: TransitionView, ctx: WorkflowJudgeContext & { global: boolean }): TransitionJudgement<Row>;
  /** The workflow's summary when every transition holds, given their rows and labels, e.g. "Resolution set on …". */
  holds(rows: Row[], transitions: string): string;
  /** What holds of each workflow when the check passes, e.g. "the Resolve transition sets Resolution". */
  holdsOfEach: string;
  generalRemediation: RemediationStep[];
}

/** A check of the Resolve transition: it reads the desk's workflows and the screens they show. */
export function resolveTransitionCheck<Row>(spec: ResolveTransitionCheckSpec<Row>): ProjectCheck {
  return workflowCheck({
    meta: spec.meta,
    requires: ['requestTypes', 'workflows', 'screens'],
    judge: (ctx) => judgeEachResolveTransition(ctx, spec),
    holdsSummary: inEachWorkflow(spec.holdsOfEach),
    generalRemediation: spec.generalRemediation,
  });
}

/** The transition's screen could not be read: undecided, naming the screen and Jira's reason. */
export function unreadScreen(t: TransitionView, screen: { screenId: string; reason: string }, screenUrl: (screenId: string) => string): Omit<TransitionJudgement<never>, 'row'> {
  return {
    verdict: 'undecided',
    problem: `the screen ${screen.screenId} of ${transitionLabel(t)} could not be read: ${screen.reason}`,
    remediation: [{ text: `Make sure the app can read screen ${screen.screenId} (Administer Jira), then run the check again.`, url: screenUrl(screen.screenId) }],
  };
}

function judgeEachResolveTransition<Row>(ctx: WorkflowJudgeContext, spec: ResolveTransitionCheckSpec<Row>): WorkflowJudgement {
  const chosen = resolveTransitions(ctx.view);
  if (chosen.transitions.length === 0) {
    const none = spec.none(ctx.view);
    return noSuchTransition('resolveTransitions', none.summary, { text: none.step, url: ctx.workflowUrl });
  }
  const judged = chosen.transitions.map((t) => spec.judge(t, { ...ctx, global: chosen.global }));
  const verdict = worstVerdict(judged.map((j) => j.verdict));
  const rows = judged.map((j) => j.row);
  const details = { resolveTransitions: rows };
  if (verdict === 'holds') return { verdict, summary: spec.holds(rows, chosen.transitions.map(transitionLabel).join(', ')), details };
  const problems = judged.flatMap((j) => (j.problem === undefined ? [] : [j.problem]));
  return { verdict, summary: problems.join(' and '), details, remediation: judged.flatMap((j) => j.remediation ?? []) };
}
