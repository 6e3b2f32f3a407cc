import type { Verdict } from './check';

const VERDICT_ORDER: readonly Verdict[] = ['violated', 'undecided', 'manual', 'holds', 'not_applicable'];

/** The worst verdict of several (used to fold per-workflow verdicts into one per project). */
export function worstVerdict(verdicts: Iterable<Verdict>): Verdict {
  let worst: Verdict = 'not_applicable';
  for (const v of verdicts) {
    if (VERDICT_ORDER.indexOf(v) < VERDICT_ORDER.indexOf(worst)) worst = v;
  }
  return worst;
}
