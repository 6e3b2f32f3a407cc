/**
 * The check runner (Lighthouse's runner over `requiredArtifacts`): the only way a
 * check is evaluated, by the engine and by the checks' table tests alike.
 *
 * Before `evaluate`, it looks at every artifact the check `requires` (less those it
 * lists as `optional`) in the snapshot, for the project being judged:
 *   - the project itself could not be read, or a required artifact failed → `undecided`
 *     (→ `error`) from `unreadableOutcome`, naming what could not be read, the
 *     endpoint, Jira's reason and what to do; the check never sees the failure;
 *   - a required artifact was not gathered at all → `undecided` naming it: the run
 *     was planned without it, which is a fault of the app, never a verdict.
 * So a check's `evaluate` judges data, never a failed read of what it requires.
 */
import type { ArtifactKind } from '../gather/artifact-kind';
import type { FetchError } from '../shared/fetched';
import type { RemediationStep } from '../shared/report-model';
import { ARTIFACTS, readArtifact, type ArtifactInfo } from './artifacts';
import type { Check, CheckOutcome, ProjectCheckInput, SiteCheckInput } from './check';
import { fetchReason } from './fetch-reason';

/** Evaluates `check` on `input` once every artifact it requires was read; site checks ignore `project`. */
export function runCheck(check: Check, input: SiteCheckInput | ProjectCheckInput): CheckOutcome {
  const project = 'project' in input ? input.project : undefined;
  if (check.meta.scope === 'project') {
    if (!project) return notGatheredOutcome(check, 'the project to judge');
    if (project.unavailable) {
      const info: ArtifactInfo = {
        label: `project ${project.key}`,
        endpoint: project.unavailable.endpoint,
        permission: 'the Browse projects permission on it (and agent or admin permission on its service desk)',
      };
      return unreadableOutcome(check, info, [project.unavailable]);
    }
  }
  for (const kind of requiredArtifacts(check)) {
    const read = readArtifact(kind, { snapshot: input.snapshot, settings: input.settings, ...(project ? { project } : {}) });
    if (read.state === 'not-gathered') return notGatheredOutcome(check, `${ARTIFACTS[kind].label} (${kind})`);
    if (read.state === 'failed') return unreadableOutcome(check, ARTIFACTS[kind], read.errors);
  }
  return check.evaluate(input as ProjectCheckInput);
}

/** The artifacts the runner enforces: `requires` less the ones the check judges missing itself. */
export function requiredArtifacts(check: Check): ArtifactKind[] {
  return check.requires.filter((kind) => !check.optional?.includes(kind));
}

/**
 * The one outcome for "a check could not decide because Jira data it needs could
 * not be read": what, where, Jira's reason, what to do, and the check's docs.
 */
export function unreadableOutcome(check: Check, info: ArtifactInfo, errors: readonly FetchError[]): CheckOutcome {
  const reasons = [...new Set(errors.map(fetchReason))].join('; ');
  const endpoints = [...new Set(errors.map((e) => e.endpoint || info.endpoint))].join(', ');
  const dependsOn = info.owner && info.owner !== check.meta.id ? info.owner : undefined;
  const outcome: CheckOutcome = {
    verdict: 'undecided',
    summary: `Could not read ${info.label} (${endpoints}): ${reasons}${dependsOn ? ` (see ${dependsOn})` : ''}.`,
    evidence: { unreadable: info.label, endpoint: endpoints, errors: [...errors] },
    remediation: [
      ...stepsFor(info, errors, endpoints),
      ...(dependsOn ? [{ text: `Fix ${dependsOn} first; ${check.meta.id} is judged once ${info.label} can be read.` }] : []),
      { text: `What ${check.meta.id} checks and why`, url: check.meta.docsUrl },
    ],
  };
  if (dependsOn) outcome.dependsOn = dependsOn;
  return outcome;
}

function stepsFor(info: ArtifactInfo, errors: readonly FetchError[], endpoints: string): RemediationStep[] {
  const kinds = new Set(errors.map((e) => e.kind));
  const steps: RemediationStep[] = [];
  if (kinds.has('unauthorized') || kinds.has('forbidden')) {
    steps.push({ text: `Give the account running the checks ${info.permission} (Jira refused ${endpoints}), then run the checks again.` });
  }
  if (['bad_request', 'not_found', 'precondition', 'malformed'].some((k) => kinds.has(k as FetchError['kind']))) {
    steps.push({ text: info.whenUnusable ?? `Jira's answer to ${endpoints} could not be used; run the checks again, and report it if it persists.` });
  }
  if (['rate_limited', 'server', 'timeout', 'network'].some((k) => kinds.has(k as FetchError['kind']))) {
    steps.push({ text: 'Run the checks again: Jira could not answer this time.' });
  }
  return steps;
}

/** A required artifact the run never read: the run's plan left it out, a fault of the app. */
export function notGatheredOutcome(check: Check, what: string): CheckOutcome {
  return {
    verdict: 'undecided',
    summary: `${check.meta.id} was not judged: this run did not read ${what}, which it requires.`,
    evidence: { notGathered: what },
    remediation: [
      { text: 'Run all the checks again (a full run reads everything every check requires); if this persists, report it: the app planned the run without data this check needs.' },
    ],
  };
}
