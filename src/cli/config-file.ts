/**
 * The --config JSON file: the same settings as the flags, plus what flags cannot
 * carry (attestations of manual checks, acknowledgements, per-project issue
 * types, status-bucket overrides). Validated here into one sentence per problem.
 * Tokens are refused: a file is copied, committed and shared far more easily
 * than an environment variable.
 */
import type { Acknowledgement, Attestation, StatusBucket } from '../shared/report-model';
import { findCheck } from '../requirements/catalogue';

export interface ConfigFile {
  site?: string;
  email?: string;
  serviceAccount?: string;
  endUserGroups?: string[];
  projectKeys?: string[];
  skills?: string[];
  issueTypesInScope?: Record<string, string[]>;
  statusBucketOverrides?: Record<string, StatusBucket>;
  attestations?: Record<string, Attestation>;
  acknowledgements?: Record<string, Acknowledgement>;
  /** Production desks and the test desks of the same site Moveworks was tuned on (checked by the pair rules in parity-pairs.ts). */
  parityPairs?: { production: string; nonProduction: string }[];
}

const KNOWN_KEYS = [
  'site',
  'email',
  'serviceAccount',
  'endUserGroups',
  'projectKeys',
  'skills',
  'issueTypesInScope',
  'statusBucketOverrides',
  'attestations',
  'acknowledgements',
  'parityPairs',
  '$schema',
  'comment',
];
const SECRET_KEYS = ['token', 'apiToken', 'serviceAccountToken', 'password'];
const BUCKETS: StatusBucket[] = ['new', 'in_progress', 'waiting', 'resolved'];
const CHECK_ID = /^[A-Z]+(-[A-Z]+)+$/;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim() !== '');
const isDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

export interface ConfigResult {
  config: ConfigFile;
  problems: string[];
}

/** Checks a parsed JSON value; `label` names the file in each sentence. */
export function validateConfig(raw: unknown, label: string): ConfigResult {
  const problems: string[] = [];
  const config: ConfigFile = {};
  if (!isRecord(raw)) return { config, problems: [`${label} must hold one JSON object.`] };

  for (const key of Object.keys(raw)) {
    if (SECRET_KEYS.includes(key)) {
      problems.push(`${label} must not hold "${key}"; pass tokens with JIRA_API_TOKEN / MW_SERVICE_ACCOUNT_TOKEN or the --token flags.`);
    } else if (!KNOWN_KEYS.includes(key)) {
      problems.push(`${label} has an unknown setting "${key.slice(0, 60)}"; known: ${KNOWN_KEYS.filter((k) => !k.startsWith('$') && k !== 'comment').join(', ')}.`);
    }
  }

  for (const key of ['site', 'email', 'serviceAccount'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v === 'string' && v.trim() !== '') config[key] = v.trim();
    else problems.push(`${label}: "${key}" must be a non-empty string.`);
  }

  for (const key of ['endUserGroups', 'projectKeys', 'skills'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (isStringArray(v)) config[key] = v.map((s) => s.trim());
    else problems.push(`${label}: "${key}" must be a list of non-empty strings.`);
  }

  if (raw.issueTypesInScope !== undefined) {
    const v = raw.issueTypesInScope;
    if (isRecord(v) && Object.values(v).every(isStringArray)) config.issueTypesInScope = v as Record<string, string[]>;
    else problems.push(`${label}: "issueTypesInScope" must map project keys to lists of issue type ids or names.`);
  }

  if (raw.statusBucketOverrides !== undefined) {
    const v = raw.statusBucketOverrides;
    if (isRecord(v) && Object.values(v).every((b) => BUCKETS.includes(b as StatusBucket))) {
      config.statusBucketOverrides = v as Record<string, StatusBucket>;
    } else {
      problems.push(`${label}: "statusBucketOverrides" must map status ids or names to one of ${BUCKETS.join(', ')}.`);
    }
  }

  if (raw.attestations !== undefined) {
    const v = raw.attestations;
    if (!isRecord(v)) {
      problems.push(`${label}: "attestations" must map check ids to { "by": ..., "at": ... }.`);
    } else {
      const attestations: Record<string, Attestation> = {};
      for (const [id, a] of Object.entries(v)) {
        if (!CHECK_ID.test(id) || !findCheck(id)) {
          problems.push(`${label}: attestation key "${id.slice(0, 60)}" is not a check id such as MW-CONNECTOR.`);
        } else if (!isRecord(a) || typeof a.by !== 'string' || a.by.trim() === '' || !isDate(a.at)) {
          problems.push(`${label}: the attestation of ${id} needs "by" (who) and "at" (an ISO date-time).`);
        } else if (a.note !== undefined && typeof a.note !== 'string') {
          problems.push(`${label}: the attestation note of ${id} must be a string.`);
        } else {
          attestations[id] = {
            by: a.by,
            at: new Date(a.at).toISOString(),
            ...(typeof a.byName === 'string' ? { byName: a.byName } : {}),
            ...(typeof a.note === 'string' ? { note: a.note } : {}),
          };
        }
      }
      config.attestations = attestations;
    }
  }

  if (raw.acknowledgements !== undefined) {
    const v = raw.acknowledgements;
    const valid =
      isRecord(v) &&
      Object.values(v).every(
        (a) => isRecord(a) && typeof a.by === 'string' && isDate(a.at) && typeof a.reason === 'string' && typeof a.evidenceHash === 'string',
      );
    if (valid) config.acknowledgements = v as unknown as Record<string, Acknowledgement>;
    else problems.push(`${label}: "acknowledgements" must map "KEY:CHECK-ID" to { "by", "at", "reason", "evidenceHash" }.`);
  }

  if (raw.parityPairs !== undefined) {
    const pairs = parityPairsOf(raw.parityPairs, label);
    if ('problem' in pairs) problems.push(pairs.problem);
    else config.parityPairs = pairs.pairs;
  }

  return { config, problems };
}

/** The shape only; the rules a pair must follow (keys, each desk one side) are in parity-pairs.ts, shared with --pair. */
function parityPairsOf(v: unknown, label: string): { pairs: { production: string; nonProduction: string }[] } | { problem: string } {
  const shape = `${label}: "parityPairs" must be a list of { "production": "ITSD", "nonProduction": "ITSDTEST" }.`;
  if (!Array.isArray(v)) return { problem: shape };
  const pairs: { production: string; nonProduction: string }[] = [];
  for (const p of v) {
    if (!isRecord(p) || typeof p.production !== 'string' || typeof p.nonProduction !== 'string') return { problem: shape };
    // An imported report is the app's; from a terminal, a sandbox site's report is compared with `compare`.
    if (p.source !== undefined && p.source !== 'site') {
      return { problem: `${label}: the pair of ${p.production.slice(0, 40)} is "source": "${String(p.source).slice(0, 20)}"; the CLI pairs desks of the site it checks, so compare a sandbox site's report with "mw-readiness compare".` };
    }
    pairs.push({ production: p.production, nonProduction: p.nonProduction });
  }
  return { pairs };
}

/** Parses the file's text; a syntax error is one sentence, not a stack. */
export function parseConfigText(text: string, label: string): ConfigResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    // Newer Node versions quote the offending text in the message; it could hold a secret, so only the position is kept.
    const position = /position (\d+)/.exec(String((error as Error).message));
    return { config: {}, problems: [`${label} is not valid JSON${position ? ` (near character ${position[1]})` : ''}.`] };
  }
  return validateConfig(raw, label);
}
