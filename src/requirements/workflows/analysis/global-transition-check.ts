/**
 * The shape shared by WF-ANY-TO-RESOLVED, -IN-PROGRESS and -REOPENED: a global
 * ("from any status") transition into a status of one bucket.
 */
import type { Severity, StatusBucket } from '../../../shared/report-model';
import type { ProjectCheck, ProjectCheckInput } from '../../check';
import { DOCS } from '../../links';
import { bothOrAll, capitalise, workflowCheck, type WorkflowJudgement, type WorkflowJudgeContext } from './judge-project-workflows';
import { globalTransitionsInto, transitionsInto } from './bot-transitions';
import { BUCKET_LABELS } from './status-buckets';
import { transitionLabel, transitionRef } from './workflow-view';

function judgeGlobalTransitionInto(bucket: StatusBucket, { view, workflowUrl }: WorkflowJudgeContext): WorkflowJudgement {
  const label = BUCKET_LABELS[bucket];
  const targets = view.statuses.filter((s) => s.bucket === bucket).map((s) => s.name);
  const global = globalTransitionsInto(view, bucket);
  const others = transitionsInto(view, bucket).filter((t) => t.type !== 'GLOBAL');
  const details = {
    bucketStatuses: targets,
    globalTransitions: global.map(transitionRef),
    otherTransitionsInto: others.map(transitionRef),
  };
  if (global.length > 0) {
    return { verdict: 'holds', summary: `global transition to ${label}: ${global.map(transitionLabel).join(', ')}`, details };
  }
  const why = targets.length === 0 ? `no ${label} status at all, so no global transition to one` : `no global transition to ${article(label)} ${label} status (${targets.map((s) => `“${s}”`).join(', ')})`;
  return {
    verdict: 'violated',
    summary: why,
    details,
    remediation: [
      {
        text:
          targets.length === 0
            ? `Add ${article(label)} ${label} status to workflow “${view.name}” (or map one in the app’s status-bucket settings), then a transition into it with “Allow all statuses to transition to this one”.`
            : `In workflow “${view.name}”, add a transition into “${targets[0]}” and tick “Allow all statuses to transition to this one” (a global transition).`,
        url: workflowUrl,
      },
    ],
  };
}

const GLOBAL_TRANSITION_DOCS = [{ text: 'How to add a transition from any status.', url: DOCS.workflows }];

/** The check that every workflow of the desk has a global transition into a status of `bucket`. */
export function globalTransitionCheck(meta: ProjectCheck['meta'], bucket: StatusBucket, severity?: (input: ProjectCheckInput) => Severity): ProjectCheck {
  const label = BUCKET_LABELS[bucket];
  return workflowCheck({
    meta,
    requires: ['requestTypes', 'workflows'],
    judge: (ctx) => judgeGlobalTransitionInto(bucket, ctx),
    holdsSummary: (n) => (n === 1 ? `The workflow has a global transition to ${label}` : `${capitalise(bothOrAll(n))} workflows have a global transition to ${label}`),
    ...(severity ? { severity } : {}),
    generalRemediation: GLOBAL_TRANSITION_DOCS,
  });
}

function article(label: string): string {
  return /^[aeiou]/i.test(label) ? 'an' : 'a';
}
