/**
 * Validates settings sent by the UI, with one clear message per field, and returns
 * a normalised copy holding only known fields (attestations and acknowledgements
 * are managed by their own resolvers, so a settings save never touches them).
 */
import { ACCOUNT_ID, EMAIL_ADDRESS as EMAIL, isServiceAccountIdentifier } from '../../shared/identifiers';
import { ALL_SKILLS, type MoveworksSkill, type ParityPair, type StatusBucket } from '../../shared/report-model';
import type { AppSettings, ResolverError, Weekday } from '../../shared/resolver-api';

const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,254}$/;
const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,254}-[1-9][0-9]*$/;
const BUCKETS: readonly StatusBucket[] = ['new', 'in_progress', 'waiting', 'resolved'];
const WEEKDAYS: readonly Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
const MAX_LIST = 500;

export type ValidationResult = { ok: true; settings: Omit<AppSettings, 'attestations' | 'acknowledgements'> } | { ok: false; errors: ResolverError[] };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class Collector {
  readonly errors: ResolverError[] = [];
  add(field: string, message: string): void {
    this.errors.push({ errorType: 'VALIDATION', field, message });
  }
}

function stringList(c: Collector, field: string, value: unknown, label: string, test?: (s: string) => string | null): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    c.add(field, `${label} must be a list.`);
    return [];
  }
  if (value.length > MAX_LIST) c.add(field, `${label}: at most ${MAX_LIST} entries.`);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const item of value) {
    if (typeof item !== 'string' || item.trim() === '') {
      c.add(field, `${label}: every entry must be non-empty text.`);
      continue;
    }
    const s = item.trim();
    const problem = test?.(s);
    if (problem) {
      c.add(field, problem);
      continue;
    }
    if (seen.has(s)) {
      c.add(field, `${label}: "${s}" is listed twice.`);
      continue;
    }
    seen.add(s);
    out.push(s);
  }
  return out;
}

function oneOf<T extends string>(c: Collector, field: string, value: unknown, allowed: readonly T[], fallback: T, label: string): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  c.add(field, `${label} must be one of ${allowed.join(', ')}.`);
  return fallback;
}

export function validateSettings(input: unknown): ValidationResult {
  const c = new Collector();
  if (!isObject(input)) return { ok: false, errors: [{ errorType: 'VALIDATION', message: 'Settings must be an object.' }] };

  // Every check starts from the service account, so settings without one are never saved.
  let serviceAccount: string | undefined;
  if (input.serviceAccount === undefined || input.serviceAccount === null || (typeof input.serviceAccount === 'string' && input.serviceAccount.trim() === '')) {
    c.add('serviceAccount', 'Choose the Moveworks service account: every check starts from it.');
  } else if (typeof input.serviceAccount !== 'string') c.add('serviceAccount', 'The service account must be an e-mail address or an Atlassian accountId.');
  else {
    const s = input.serviceAccount.trim();
    if (!isServiceAccountIdentifier(s)) {
      c.add('serviceAccount', `"${s.slice(0, 80)}" is neither an e-mail address nor an Atlassian accountId.`);
    } else serviceAccount = s;
  }

  const endUserGroups = stringList(c, 'endUserGroups', input.endUserGroups, 'End-user groups', (s) =>
    s.length > 255 ? `End-user group names are at most 255 characters.` : null,
  );
  const projectKeys = stringList(c, 'projectKeys', input.projectKeys, 'Projects in scope', (s) =>
    PROJECT_KEY.test(s) ? null : `"${s.slice(0, 40)}" is not a Jira project key (capital letters, digits and _ starting with a letter).`,
  );

  const issueTypesInScope: Record<string, string[]> = {};
  if (input.issueTypesInScope !== undefined) {
    if (!isObject(input.issueTypesInScope)) c.add('issueTypesInScope', 'Issue types in scope must map project keys to lists.');
    else
      for (const [key, list] of Object.entries(input.issueTypesInScope)) {
        if (!PROJECT_KEY.test(key)) {
          c.add('issueTypesInScope', `"${key.slice(0, 40)}" is not a Jira project key.`);
          continue;
        }
        const items = stringList(c, 'issueTypesInScope', list, `Issue types of ${key}`);
        if (items.length > 0) issueTypesInScope[key] = items;
      }
  }

  let skills: MoveworksSkill[] = [...ALL_SKILLS];
  if (input.skills !== undefined) {
    skills = stringList(c, 'skills', input.skills, 'Skills', (s) =>
      (ALL_SKILLS as readonly string[]).includes(s) ? null : `"${s.slice(0, 40)}" is not a Moveworks skill (${ALL_SKILLS.join(', ')}).`,
    ) as MoveworksSkill[];
  }

  const statusBucketOverrides: Record<string, StatusBucket> = {};
  if (input.statusBucketOverrides !== undefined) {
    if (!isObject(input.statusBucketOverrides)) c.add('statusBucketOverrides', 'Status bucket overrides must map statuses to buckets.');
    else
      for (const [status, bucket] of Object.entries(input.statusBucketOverrides)) {
        if (status.trim() === '' || status.length > 255) c.add('statusBucketOverrides', 'Every overridden status needs an id or a name.');
        else if (typeof bucket !== 'string' || !(BUCKETS as readonly string[]).includes(bucket))
          c.add('statusBucketOverrides', `The bucket for "${status.slice(0, 40)}" must be one of ${BUCKETS.join(', ')}.`);
        else statusBucketOverrides[status] = bucket as StatusBucket;
      }
  }

  const schedule = oneOf(c, 'schedule', input.schedule, ['off', 'daily', 'weekly'] as const, 'weekly', 'The schedule');
  const weekday = oneOf(c, 'weekday', input.weekday, WEEKDAYS, 'MON', 'The weekday');
  const sendWhen = oneOf(c, 'sendWhen', input.sendWhen, ['always', 'changes'] as const, 'changes', '"Send when"');

  let recipients = { users: [] as string[], groups: [] as string[] };
  if (input.recipients !== undefined) {
    if (!isObject(input.recipients)) c.add('recipients', 'Recipients must list users and groups.');
    else
      recipients = {
        users: stringList(c, 'recipients', input.recipients.users, 'Recipient users', (s) =>
          ACCOUNT_ID.test(s) ? null : `Recipient "${s.slice(0, 40)}" is not an Atlassian accountId.`,
        ),
        groups: stringList(c, 'recipients', input.recipients.groups, 'Recipient groups'),
      };
  }
  if (recipients.users.length + recipients.groups.length > 100) c.add('recipients', 'At most 100 recipients (users and groups together).');

  const optionalKey = (field: 'reportIssueKey' | 'reportProjectKey', pattern: RegExp, label: string): string | undefined => {
    const v = input[field];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v !== 'string' || !pattern.test(v.trim())) {
      c.add(field, `${label} "${String(v).slice(0, 40)}" is not valid.`);
      return undefined;
    }
    return v.trim();
  };
  const reportIssueKey = optionalKey('reportIssueKey', ISSUE_KEY, 'The report issue key');
  const reportProjectKey = optionalKey('reportProjectKey', PROJECT_KEY, 'The report project key');

  const parityPairs = validateParityPairs(c, input.parityPairs);

  if (c.errors.length > 0) return { ok: false, errors: c.errors };
  return {
    ok: true,
    settings: {
      ...(serviceAccount ? { serviceAccount } : {}),
      endUserGroups,
      projectKeys,
      issueTypesInScope,
      skills,
      statusBucketOverrides,
      schedule,
      weekday,
      sendWhen,
      recipients,
      ...(reportIssueKey ? { reportIssueKey } : {}),
      ...(reportProjectKey ? { reportProjectKey } : {}),
      ...(parityPairs.length > 0 ? { parityPairs } : {}),
    },
  };
}

/**
 * Pairs of a production desk and its non-production desk: project keys, a desk
 * paired once as production, never with itself on this site, and a site desk is
 * not both sides of different pairs.
 */
function validateParityPairs(c: Collector, value: unknown): ParityPair[] {
  if (value === undefined || value === null) return [];
  const field = 'parityPairs';
  if (!Array.isArray(value)) {
    c.add(field, 'Non-production pairs must be a list.');
    return [];
  }
  if (value.length > 100) c.add(field, 'At most 100 non-production pairs.');
  const out: ParityPair[] = [];
  for (const item of value) {
    if (!isObject(item)) {
      c.add(field, 'Every pair names a production desk and a non-production desk.');
      continue;
    }
    const production = typeof item.production === 'string' ? item.production.trim() : '';
    const nonProduction = typeof item.nonProduction === 'string' ? item.nonProduction.trim() : '';
    const source = item.source === undefined || item.source === 'site' ? 'site' : item.source === 'imported' ? 'imported' : null;
    if (!PROJECT_KEY.test(production) || !PROJECT_KEY.test(nonProduction)) {
      c.add(field, `"${production.slice(0, 40)}" ↔ "${nonProduction.slice(0, 40)}": both sides must be Jira project keys.`);
      continue;
    }
    if (source === null) {
      c.add(field, `The pair of ${production}: the non-production desk is on this site ("site") or in the imported report ("imported").`);
      continue;
    }
    if (source === 'site' && production === nonProduction) {
      c.add(field, `${production} cannot be its own non-production desk.`);
      continue;
    }
    if (out.some((p) => p.production === production)) {
      c.add(field, `${production} is paired twice; a production desk has one non-production desk.`);
      continue;
    }
    const siteSides = out.filter((p) => (p.source ?? 'site') === 'site');
    if (siteSides.some((p) => p.nonProduction === production) || (source === 'site' && out.some((p) => p.production === nonProduction))) {
      c.add(field, `A desk is either production or non-production: ${production} ↔ ${nonProduction} crosses another pair.`);
      continue;
    }
    out.push(source === 'site' ? { production, nonProduction } : { production, nonProduction, source });
  }
  return out;
}
