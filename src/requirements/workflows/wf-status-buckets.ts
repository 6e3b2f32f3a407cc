/**
 * WF-STATUS-BUCKETS: every status a workflow uses falls into one of Moveworks'
 * four buckets and every bucket has a status. Missing Resolved / Closed or
 * New / Reopened is required; missing In Progress or Waiting for User only recommended.
 */
import type { StatusBucket } from '../../shared/report-model';
import type { ProjectCheck } from '../check';
import { DOCS } from '../links';
import { bothOrAll, capitalise, workflowCheck, type WorkflowJudgement, type WorkflowJudgeContext } from './analysis/judge-project-workflows';
import { BUCKET_LABELS, BUCKETS } from './analysis/status-buckets';

// The bucketing itself is pure and shared: the dashboard and the hand-off bundle show the same mapping.
export { bucketForStatus, bucketFromCategory, readsLikeWaitingForUser, BUCKETS, BUCKET_LABELS } from './analysis/status-buckets';
export type { BucketAssignment, BucketSource } from './analysis/status-buckets';

const meta = {
  id: 'WF-STATUS-BUCKETS',
  title: 'Every status maps to a Moveworks bucket',
  failureTitle: 'Statuses do not cover Moveworks’ buckets',
  description:
    'Moveworks sorts every ticket status into New / Reopened, In Progress, Waiting for User or Resolved / Closed, by status category and name unless you override a status in the settings. Each workflow needs at least one status in every bucket; without a Resolved / Closed or New / Reopened status the bot cannot resolve or reopen tickets.',
  severity: 'required',
  group: 'workflows',
  scope: 'project',
  docsUrl: DOCS.moveworksRequirements,
} as const;

const ESSENTIAL: readonly StatusBucket[] = ['resolved', 'new'];

function judge({ view, workflowUrl }: WorkflowJudgeContext): WorkflowJudgement {
  const table = view.statuses.map((s) => ({ id: s.id ?? s.ref, name: s.name, category: s.category, bucket: s.bucket, source: s.bucketSource }));
  const unbucketed = view.statuses.filter((s) => s.bucket === null);
  const missing = BUCKETS.filter((b) => !view.statuses.some((s) => s.bucket === b));
  const details = { statuses: table, missingBuckets: missing, unbucketed: unbucketed.map((s) => s.name) };

  if (unbucketed.length === 0 && missing.length === 0) {
    return { verdict: 'holds', summary: `all four buckets covered by its ${view.statuses.length} statuses`, details };
  }

  const problems: string[] = [];
  if (missing.length > 0) problems.push(`no ${missing.map((b) => BUCKET_LABELS[b]).join(', ')} status`);
  if (unbucketed.length > 0) {
    problems.push(`${unbucketed.map((s) => `“${s.name}”`).join(', ')} ${unbucketed.length > 1 ? 'have' : 'has'} no known status category`);
  }
  const severity = unbucketed.length > 0 || missing.some((b) => ESSENTIAL.includes(b)) ? 'required' : 'recommended';
  const remediation = [
    ...(missing.length > 0
      ? [
          {
            text: `Add a status for ${missing.map((b) => BUCKET_LABELS[b]).join(', ')} to workflow “${view.name}”, or map an existing status to ${missing.length > 1 ? 'those buckets' : 'that bucket'} in the app’s status-bucket settings.`,
            url: workflowUrl,
          },
        ]
      : []),
    ...(unbucketed.length > 0
      ? [{ text: `Give ${unbucketed.map((s) => `“${s.name}”`).join(', ')} a status category, or map ${unbucketed.length > 1 ? 'them' : 'it'} to a bucket in the app’s status-bucket settings.`, url: workflowUrl }]
      : []),
  ];
  return { verdict: 'violated', summary: problems.join(' and '), details, severity, remediation };
}

export const wfStatusBuckets: ProjectCheck = workflowCheck({
  meta,
  requires: ['requestTypes', 'workflows'],
  judge,
  holdsSummary: (n) => (n === 1 ? 'The workflow’s statuses cover all four Moveworks buckets' : `${capitalise(bothOrAll(n))} workflows’ statuses cover all four Moveworks buckets`),
  generalRemediation: [{ text: 'Moveworks’ status buckets and how it uses them.', url: DOCS.moveworksRequirements }],
});
