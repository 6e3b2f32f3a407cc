/**
 * Non-production pairs for a CLI run: `--pair PROD=TEST` (repeatable) or "parityPairs"
 * in the --config file, with the same rules as the app's Settings, so PARITY-CONFIG is
 * decided alike on both: both sides are project keys, a desk is not its own test desk,
 * a production desk has one test desk, and a desk is either production or test. The
 * test desk is on the site being checked (the engine reads it in the same run); a
 * sandbox site's report is compared with `mw-readiness compare` instead.
 */
import type { ParityPair } from '../shared/report-model';

const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,254}$/;

/** A pair as given, before the rules: `source` names where it came from in each sentence. */
export interface GivenPair {
  production: string;
  nonProduction: string;
  source: string;
}

/** `--pair` values: "ITSD=ITSDTEST", keys upper-cased like --project's. */
export function pairsFromFlags(values: readonly string[]): { pairs: GivenPair[]; problems: string[] } {
  const pairs: GivenPair[] = [];
  const problems: string[] = [];
  for (const raw of values) {
    const parts = raw.split('=');
    if (parts.length !== 2 || parts.some((p) => p.trim() === '')) {
      problems.push(`--pair "${raw.slice(0, 40)}" must be PROD=TEST, two project keys such as ITSD=ITSDTEST.`);
      continue;
    }
    pairs.push({ production: parts[0].trim().toUpperCase(), nonProduction: parts[1].trim().toUpperCase(), source: `--pair ${raw.slice(0, 40)}` });
  }
  return { pairs, problems };
}

/** The pairs that pass the rules, and one sentence for each that does not. */
export function checkPairs(given: readonly GivenPair[]): { pairs: ParityPair[]; problems: string[] } {
  const pairs: ParityPair[] = [];
  const problems: string[] = [];
  for (const p of given) {
    if (!PROJECT_KEY.test(p.production) || !PROJECT_KEY.test(p.nonProduction)) {
      problems.push(`${p.source}: both sides must be Jira project keys such as ITSD=ITSDTEST.`);
    } else if (p.production === p.nonProduction) {
      problems.push(`${p.source}: ${p.production} cannot be its own non-production desk.`);
    } else if (pairs.some((q) => q.production === p.production)) {
      problems.push(`${p.source}: ${p.production} is paired twice; a production desk has one non-production desk.`);
    } else if (pairs.some((q) => q.nonProduction === p.production || q.production === p.nonProduction)) {
      problems.push(`${p.source}: a desk is either production or non-production, and ${p.production} ↔ ${p.nonProduction} crosses another pair.`);
    } else {
      pairs.push({ production: p.production, nonProduction: p.nonProduction });
    }
  }
  return { pairs, problems };
}
