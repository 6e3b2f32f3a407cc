/**
 * PARITY-CONFIG: a production desk matches the non-production desk Moveworks was
 * tuned on (statuses and buckets, the bot’s transitions, the Resolve screen's fields,
 * every check's status). Pure, like every check; but it judges two desks' results,
 * so the engine calls `evaluateParity` once both desks are judged (the same run reads
 * a desk's counterpart on this site; an imported report gives the other). The
 * catalogue entry's own `evaluate` covers a desk judged alone.
 */
import type { CheckOutcome, ProjectCheck, ProjectCheckInput } from '../check';
import type { ParityPair, RemediationStep } from '../../shared/report-model';
import type { ParityDesk } from '../../shared/parity-model';
import { DOCS, siteLinks } from '../links';
import { compareDesks } from './compare';
import { PARITY_CHECK_ID } from './parity-desk';

export const PARITY_SETTINGS_HINT = 'Settings › Non-production parity';

const meta = {
  id: PARITY_CHECK_ID,
  title: 'Production matches its non-production desk',
  failureTitle: 'Production differs from its non-production desk',
  description:
    'Moveworks is usually connected to a test desk or a sandbox site first and its ticketing configuration (statuses and buckets, the bot’s transition ids, the fields it sets on resolve) tuned there. That configuration only works in production when production matches: the app compares a desk with the non-production desk paired with it in Settings.',
  severity: 'recommended',
  group: 'workflows',
  scope: 'project',
  docsUrl: DOCS.moveworksRequirements,
} as const;

/** What the engine knows about a desk's pair once both sides are judged. */
export interface ParityCheckInput {
  pair: ParityPair;
  /** This desk, from its own results in this run. */
  own: ParityDesk;
  /** The paired desk; null when it is not at hand (`counterpartNote` says why). */
  counterpart: ParityDesk | null;
  counterpartNote?: string;
}

/** The pair whose production side is `key`, if any. */
export function pairOf(pairs: readonly ParityPair[] | undefined, key: string): ParityPair | undefined {
  return (pairs ?? []).find((p) => p.production === key);
}

/** The pair whose non-production side is `key` on this site, if any. */
export function pairedAsNonProduction(pairs: readonly ParityPair[] | undefined, key: string): ParityPair | undefined {
  return (pairs ?? []).find((p) => (p.source ?? 'site') === 'site' && p.nonProduction === key);
}

export function counterpartLabel(pair: ParityPair): string {
  return pair.source === 'imported' ? `${pair.nonProduction} (imported report)` : pair.nonProduction;
}

function notPaired(input: ProjectCheckInput): CheckOutcome | null {
  const key = input.project.key;
  if (pairOf(input.settings.parityPairs, key)) return null;
  const asTest = pairedAsNonProduction(input.settings.parityPairs, key);
  if (asTest) return { verdict: 'not_applicable', summary: `${key} is the non-production desk of ${asTest.production}; the comparison is shown on ${asTest.production}` };
  return { verdict: 'not_applicable', summary: `No non-production desk is paired with ${key} (${PARITY_SETTINGS_HINT})` };
}

export function evaluateParity(input: ProjectCheckInput, parity: ParityCheckInput | undefined): CheckOutcome {
  const unpaired = notPaired(input);
  if (unpaired) return unpaired;
  const pair = pairOf(input.settings.parityPairs, input.project.key)!;
  const other = counterpartLabel(pair);
  const settingsStep: RemediationStep = { text: `Check the pair in ${PARITY_SETTINGS_HINT}: ${pair.production} ↔ ${other}.` };
  if (!parity) {
    return { verdict: 'undecided', summary: `${input.project.key} was judged without its non-production desk ${other}, so they could not be compared`, remediation: [{ text: 'Run the checks again for the whole site, or for both desks together.' }, settingsStep] };
  }
  if (!parity.counterpart) {
    return { verdict: 'undecided', summary: `Could not compare with ${other}: ${parity.counterpartNote ?? 'it was not checked in this run'}`, remediation: [settingsStep] };
  }
  const comparison = compareDesks(parity.own, parity.counterpart);
  const differences = comparison.items.filter((i) => i.state === 'different');
  const links = siteLinks(input.snapshot.baseUrl);
  const workflowsStep: RemediationStep = { text: `Open ${input.project.key}'s workflows.`, url: links.projectWorkflows(input.project.key, input.project.style) };
  if (differences.length > 0) {
    const first = differences[0];
    const more = differences.length > 1 ? ` and ${differences.length - 1} more` : '';
    return {
      verdict: 'violated',
      summary: `${differences.length} difference${differences.length === 1 ? '' : 's'} from ${other}: ${first.subject}${first.workflow ? ` in ${first.workflow}` : ''}${more}`,
      evidence: { pair, comparison },
      remediation: [
        ...differences.slice(0, 5).map((d) => ({ text: `${d.fixOn === 'non-production' ? `On ${other}` : `On ${pair.production}`}: ${d.remediation ?? d.subject}` })),
        ...(differences.length > 5 ? [{ text: `…and ${differences.length - 5} more: see the Parity page.` }] : []),
        workflowsStep,
        { text: 'Send the hand-off bundle (with its parity section) to your Moveworks team once production matches.', url: DOCS.moveworksRequirements },
      ],
    };
  }
  if (comparison.counts.unknown > 0) {
    const first = comparison.items.find((i) => i.state === 'unknown')!;
    return {
      verdict: 'undecided',
      summary: `No difference from ${other} found, but ${comparison.counts.unknown} item${comparison.counts.unknown === 1 ? '' : 's'} could not be compared (${first.subject}: ${first.production} / ${first.nonProduction})`,
      evidence: { pair, comparison },
      remediation: [{ text: 'Fix what kept the items from being read (see their checks), then run the checks again.' }, settingsStep],
    };
  }
  return {
    verdict: 'holds',
    summary: `Matches ${other}: ${comparison.counts.same} items compared (statuses and buckets, the bot’s transitions, the Resolve screen, every check)`,
    evidence: { pair, comparison },
  };
}

export const parityConfig: ProjectCheck = {
  meta,
  // It reads WF-EXPORT's hand-off bundle of both desks, built from these.
  requires: ['requestTypes', 'workflows', 'screens'],
  evaluate: (input) => evaluateParity(input, undefined),
};
