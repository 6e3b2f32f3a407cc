/**
 * What to run, decided from flags, environment and the config file before any
 * call to Jira. Precedence: flags, then environment variables, then the config
 * file, then the engine's defaults. Every problem is collected and reported as
 * one sentence; values that could be secrets are never repeated.
 */
import { EMAIL_ADDRESS as EMAIL, isServiceAccountIdentifier } from '../shared/identifiers';
import { ALL_SKILLS, DEFAULT_ENGINE_SETTINGS, type EngineSettings, type MoveworksSkill } from '../shared/report-model';
import { normaliseGroupNames } from '../shared/group-names';
import type { CliFlags } from './args';
import type { ConfigFile } from './config-file';
import { checkPairs, pairsFromFlags, type GivenPair } from './parity-pairs';
import { UsageError } from './usage-error';

export type OutputFormat = 'text' | 'json' | 'html';
export const FORMATS: readonly OutputFormat[] = ['text', 'json', 'html'];

export type RunTarget =
  | { kind: 'demo' }
  | { kind: 'site'; baseUrl: string; email: string; apiToken: string; serviceAccountToken?: string };

export interface RunPlan {
  format: OutputFormat;
  out?: string;
  target: RunTarget;
  /** In demo mode `serviceAccount` may be empty here; the demo site fills it. */
  settings: EngineSettings;
}

export type Env = Record<string, string | undefined>;

const LOCAL_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/** The base URL without a trailing slash, or a sentence saying what is wrong with it. */
export function normaliseSiteUrl(input: string, source: string): { url: string } | { problem: string } {
  let url: URL;
  const trimmed = input.trim();
  // A bare host name ("acme.atlassian.net") is what people copy from the address bar.
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) || !/^[a-z0-9.-]+(:\d+)?\/?$/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    url = new URL(withScheme);
  } catch {
    return { problem: `${source} is not a URL; give the site's base URL, e.g. https://acme.atlassian.net.` };
  }
  const local = LOCAL_HOSTS.includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    return { problem: `${source} must start with https:// (http:// is accepted only for 127.0.0.1 or localhost).` };
  }
  if (url.username || url.password) {
    return { problem: `${source} must not carry credentials; pass --email and --token instead.` };
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return { problem: `${source} must be the site's base URL without a path, e.g. https://acme.atlassian.net.` };
  }
  return { url: `${url.protocol}//${url.host}` };
}

export function parseSkills(list: string[], source: string): { skills: MoveworksSkill[] } | { problem: string } {
  const items = list.map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  if (items.length === 1 && items[0] === 'none') return { skills: [] };
  if (items.length === 0) return { problem: `${source} is empty; list software-access, group-access, ticket-interception, or write none.` };
  const unknown = items.filter((s) => !(ALL_SKILLS as readonly string[]).includes(s));
  if (unknown.length > 0) {
    return { problem: `${source} has an unknown skill "${unknown[0].slice(0, 40)}"; use software-access, group-access, ticket-interception, or none.` };
  }
  return { skills: ALL_SKILLS.filter((s) => items.includes(s)) };
}

const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,254}$/;

/** First non-empty value with the words that name where it came from. */
function pick(...candidates: [string | undefined, string][]): { value: string; source: string } | undefined {
  for (const [value, source] of candidates) {
    if (value !== undefined && value.trim() !== '') return { value: value.trim(), source };
  }
  return undefined;
}

/** "text, json or html". */
function either(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** `formats`: what the command can print (`fix` prints text or json). */
export function resolveRunPlan(flags: CliFlags, env: Env, config: ConfigFile, configLabel = 'the config file', formats: readonly OutputFormat[] = FORMATS): RunPlan {
  const problems: string[] = [];

  const format = (flags.format ?? 'text').trim().toLowerCase();
  if (!(formats as readonly string[]).includes(format)) {
    problems.push(`--format must be ${either(formats)}, not "${format.slice(0, 20)}".`);
  }
  if (flags.out !== undefined && flags.out.trim() === '') problems.push('--out needs a file name.');

  const settings: EngineSettings = {
    ...DEFAULT_ENGINE_SETTINGS,
    skills: [...DEFAULT_ENGINE_SETTINGS.skills],
    issueTypesInScope: { ...(config.issueTypesInScope ?? {}) },
    statusBucketOverrides: { ...(config.statusBucketOverrides ?? {}) },
    attestations: { ...(config.attestations ?? {}) },
    acknowledgements: { ...(config.acknowledgements ?? {}) },
  };

  const serviceAccount = pick(
    [flags.serviceAccount, '--service-account'],
    [env.MW_SERVICE_ACCOUNT, 'MW_SERVICE_ACCOUNT'],
    [config.serviceAccount, `"serviceAccount" in ${configLabel}`],
  );
  if (serviceAccount && !isServiceAccountIdentifier(serviceAccount.value)) {
    problems.push(`${serviceAccount.source} must be the service account's e-mail address or Atlassian accountId.`);
  } else if (serviceAccount) settings.serviceAccount = serviceAccount.value.trim();

  const groups = flags.endUserGroups.length > 0 ? flags.endUserGroups : config.endUserGroups ?? [];
  if (groups.some((g) => g.trim() === '')) problems.push('--end-user-group needs a group name.');
  settings.endUserGroups = normaliseGroupNames(groups);

  const keys = flags.projects.length > 0 ? flags.projects : config.projectKeys ?? [];
  const projectKeys: string[] = [];
  for (const raw of keys) {
    const key = raw.trim().toUpperCase();
    if (PROJECT_KEY.test(key)) {
      if (!projectKeys.includes(key)) projectKeys.push(key);
    } else problems.push(`Project key "${raw.slice(0, 40)}" is not a Jira project key such as IT or HR.`);
  }
  settings.projectKeys = projectKeys;

  // Like --project: pairs on the command line replace the config file's.
  let given: GivenPair[];
  if (flags.pairs.length > 0) {
    const fromFlags = pairsFromFlags(flags.pairs);
    problems.push(...fromFlags.problems);
    given = fromFlags.pairs;
  } else {
    given = (config.parityPairs ?? []).map((p) => ({
      production: p.production.trim().toUpperCase(),
      nonProduction: p.nonProduction.trim().toUpperCase(),
      source: `"parityPairs" in ${configLabel} (${p.production.slice(0, 40)} ↔ ${p.nonProduction.slice(0, 40)})`,
    }));
  }
  const pairs = checkPairs(given);
  problems.push(...pairs.problems);
  if (pairs.pairs.length > 0) settings.parityPairs = pairs.pairs;

  const skillSource = flags.skills !== undefined ? { list: flags.skills.split(','), source: '--skills' } : config.skills ? { list: config.skills, source: `"skills" in ${configLabel}` } : undefined;
  if (skillSource) {
    const parsed = parseSkills(skillSource.list, skillSource.source);
    if ('problem' in parsed) problems.push(parsed.problem);
    else settings.skills = parsed.skills;
  }

  let target: RunTarget;
  if (flags.demo) {
    const connectionFlags = [
      flags.site !== undefined && '--site',
      flags.email !== undefined && '--email',
      flags.token !== undefined && '--token',
      flags.serviceAccountToken !== undefined && '--service-account-token',
    ].filter(Boolean);
    if (connectionFlags.length > 0) {
      problems.push(`--demo runs against the built-in simulated site, so leave out ${connectionFlags.join(', ')}.`);
    }
    target = { kind: 'demo' };
  } else {
    const site = pick([flags.site, '--site'], [env.JIRA_SITE, 'JIRA_SITE'], [config.site, `"site" in ${configLabel}`]);
    const email = pick([flags.email, '--email'], [env.JIRA_EMAIL, 'JIRA_EMAIL'], [config.email, `"email" in ${configLabel}`]);
    const token = pick([flags.token, '--token'], [env.JIRA_API_TOKEN, 'JIRA_API_TOKEN']);
    const saToken = pick([flags.serviceAccountToken, '--service-account-token'], [env.MW_SERVICE_ACCOUNT_TOKEN, 'MW_SERVICE_ACCOUNT_TOKEN']);
    let baseUrl = '';
    if (!site) problems.push('No Jira site given: pass --site URL or set JIRA_SITE (or try --demo).');
    else {
      const normalised = normaliseSiteUrl(site.value, `${site.source} "${site.value.slice(0, 80)}"`);
      if ('problem' in normalised) problems.push(normalised.problem);
      else baseUrl = normalised.url;
    }
    if (!email) problems.push('No account e-mail given: pass --email or set JIRA_EMAIL.');
    else if (!EMAIL.test(email.value)) problems.push(`${email.source} is not an e-mail address.`);
    if (!token) problems.push('No API token given: pass --token or set JIRA_API_TOKEN.');
    if (!serviceAccount) {
      problems.push('No Moveworks service account given: pass --service-account (e-mail or accountId) or set MW_SERVICE_ACCOUNT.');
    }
    if (saToken && serviceAccount && !EMAIL.test(serviceAccount.value)) {
      problems.push(`${saToken.source} needs the service account as an e-mail address (Basic auth signs in with it), not an accountId.`);
    }
    target = {
      kind: 'site',
      baseUrl,
      email: email?.value ?? '',
      apiToken: token?.value ?? '',
      ...(saToken ? { serviceAccountToken: saToken.value } : {}),
    };
  }

  if (problems.length > 0) throw new UsageError(problems[0], problems);
  return { format: format as OutputFormat, ...(flags.out ? { out: flags.out.trim() } : {}), target, settings };
}
