/**
 * What the text report ends with: where the site stands in one sentence (what
 * blocks it, desk by desk) and the next thing to run or read. Pure over the report;
 * the score is printed with the one score formatter every surface uses, and a
 * blocking check some fix resolves points at `mw-readiness fix --plan`.
 */
import { fixesForCheck } from '../fixes/registry';
import { formatScore, headlineSummary, type ScopedCheck } from '../shared/readiness-summary';
import type { Report } from '../shared/report-model';
import { readyLabel } from '../report/labels';

export interface NextStepOptions {
  /** The run was --demo: the command to suggest carries --demo instead of the site's options. */
  demo: boolean;
}

/** Scopes named in a sentence before "and N more". */
const MAX_SCOPES = 4;
/** Desks named as --project in the suggested command; more and the command covers every desk. */
const MAX_PROJECT_FLAGS = 3;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const scopeName = (scope: string) => (scope === 'site' ? 'the site' : scope);

function byScope(entries: readonly ScopedCheck[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.scope, (counts.get(e.scope) ?? 0) + 1);
  return counts;
}

/** "2 required checks fail on HR, 1 on FAC". */
function countsSentence(entries: readonly ScopedCheck[], one: string, many: string): string {
  const counts = [...byScope(entries)];
  const named = counts.slice(0, MAX_SCOPES).map(([scope, n], i) => (i === 0 ? `${plural(n, one, many)} on ${scopeName(scope)}` : `${n} on ${scopeName(scope)}`));
  const rest = counts.length - MAX_SCOPES;
  return rest > 0 ? `${named.join(', ')} and on ${plural(rest, 'more desk', 'more desks')}` : named.join(', ');
}

export function nextSteps(report: Report, options: NextStepOptions): string[] {
  const headline = headlineSummary(report);
  const standing = `${report.scope ? `Project ${report.scope.projectKey}` : 'Site'} ${readyLabel(headline.ready)}, score ${formatScore(headline.score)}.`;
  if (headline.ready === true) return [`${standing} Nothing blocks Moveworks.`];

  const failing = headline.blocking.filter((e) => e.check.status === 'fail');
  const undecided = headline.blocking.filter((e) => e.check.status === 'error');
  const manual = headline.blocking.filter((e) => e.check.status === 'manual');
  const parts: string[] = [];
  if (failing.length > 0) parts.push(countsSentence(failing, 'required check fails', 'required checks fail'));
  if (undecided.length > 0) parts.push(countsSentence(undecided, 'required check could not be decided', 'required checks could not be decided'));
  if (manual.length > 0) parts.push(countsSentence(manual, 'manual check is not attested', 'manual checks are not attested'));
  if (report.projectListingError) parts.push('the service desks could not all be listed');
  const lines = [parts.length > 0 ? `${standing} ${capitalise(parts.join('; '))}.` : standing];

  const fixable = failing.filter((e) => e.scope !== 'site' && fixesForCheck(e.check.id).length > 0);
  const rest = [...failing.filter((e) => !fixable.includes(e)), ...undecided];
  const steps: string[] = [];
  if (fixable.length > 0) {
    const desks = [...new Set(fixable.map((e) => e.scope))];
    const projectFlags = desks.length <= MAX_PROJECT_FLAGS ? desks.map((k) => ` --project ${k}`).join('') : '';
    const checks = [...new Set(fixable.map((e) => e.check.id))].join(', ');
    const command = `mw-readiness fix --plan${options.demo ? ' --demo' : ''}${projectFlags}`;
    steps.push(`run \`${command}\`${options.demo ? '' : ' with the same site options'} to see the changes the app can make for ${checks}`);
  }
  if (rest.length > 0) {
    const first = rest[0]!.check.id;
    steps.push(`${steps.length > 0 ? 'for the rest, ' : ''}follow the → steps under each check above (docs/checks/${first}.md explains ${first})`);
  }
  if (manual.length > 0) steps.push('attest the manual checks in the app, or under "attestations" in the --config file');
  if (steps.length > 0) lines.push(`Next: ${steps.join('; ')}.`);
  return lines;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
