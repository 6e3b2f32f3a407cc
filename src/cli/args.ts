/**
 * Command-line arguments, read with Node's built-in util.parseArgs (no
 * dependency). Turns parseArgs' multi-line errors into one sentence each, and
 * never repeats an option's value (it could be a token).
 */
import { parseArgs } from 'util';
import { UsageError } from './usage-error';

export interface CliFlags {
  site?: string;
  email?: string;
  token?: string;
  serviceAccount?: string;
  serviceAccountToken?: string;
  endUserGroups: string[];
  projects: string[];
  skills?: string;
  config?: string;
  format?: string;
  out?: string;
  demo: boolean;
}

export type ParsedCommand = { command: 'help' } | { command: 'check'; flags: CliFlags };

const OPTIONS = {
  site: { type: 'string' },
  email: { type: 'string' },
  token: { type: 'string' },
  'service-account': { type: 'string' },
  'service-account-token': { type: 'string' },
  'end-user-group': { type: 'string', multiple: true },
  project: { type: 'string', multiple: true },
  skills: { type: 'string' },
  config: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  demo: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const SINGLE_VALUED = ['site', 'email', 'token', 'service-account', 'service-account-token', 'skills', 'config', 'format', 'out'];

/** The option name parseArgs complained about, without any `=value`. */
function optionIn(message: string): string {
  const match = /'(-{1,2}[^'\s=<]+)/.exec(message);
  return match ? match[1] : 'an option';
}

function sentenceFor(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = String((error as Error).message ?? '');
  const option = optionIn(message);
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unknown option ${option}; run "mw-readiness --help" to see the options.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(message)) return `Option ${option} takes no value.`;
      if (/ambiguous/.test(message)) return `Option ${option} needs a value; write ${option}=VALUE when the value starts with a dash.`;
      return `Option ${option} needs a value.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return 'Unexpected argument; run "mw-readiness --help" to see the usage.';
    default:
      return 'The arguments could not be read; run "mw-readiness --help" to see the usage.';
  }
}

/** Counts how often a single-valued option was given, so a repeated one is an error rather than a silent override. */
function repeated(argv: string[]): string[] {
  const seen = new Map<string, number>();
  for (const arg of argv) {
    if (arg === '--') break;
    const m = /^--([a-z-]+)(=|$)/.exec(arg);
    if (m && SINGLE_VALUED.includes(m[1])) seen.set(m[1], (seen.get(m[1]) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([name]) => name);
}

export function parseCliArgs(argv: string[]): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(sentenceFor(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (positionals.length === 0) throw new UsageError('Missing command; run "mw-readiness check --help" to see the usage.');
  const [command, ...extra] = positionals;
  if (command === 'help') return { command: 'help' };
  if (command !== 'check') throw new UsageError(`Unknown command "${command.slice(0, 40)}"; the only command is "check".`);
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0].slice(0, 40)}" after "check"; options start with --.`);
  const twice = repeated(argv);
  if (twice.length > 0) throw new UsageError(`Option --${twice[0]} was given more than once; give it once.`);
  return {
    command: 'check',
    flags: {
      site: values.site,
      email: values.email,
      token: values.token,
      serviceAccount: values['service-account'],
      serviceAccountToken: values['service-account-token'],
      endUserGroups: values['end-user-group'] ?? [],
      projects: values.project ?? [],
      skills: values.skills,
      config: values.config,
      format: values.format,
      out: values.out,
      demo: values.demo === true,
    },
  };
}

export const USAGE = `Usage: mw-readiness check [options]

Checks that a Jira Service Management site is ready for the Moveworks AI assistant.

Options:
  --site URL                  Jira base URL, e.g. https://acme.atlassian.net   (env JIRA_SITE)
                              http://127.0.0.1:PORT is accepted for local sites and the simulator
  --email EMAIL               account the checks run as, Basic auth              (env JIRA_EMAIL)
  --token TOKEN               its API token                                      (env JIRA_API_TOKEN)
  --service-account ID        the Moveworks service account: e-mail or accountId (env MW_SERVICE_ACCOUNT)
  --service-account-token T   optional: that account's own API token; proves SA-API-TOKEN
                              and reads its time zone from /myself               (env MW_SERVICE_ACCOUNT_TOKEN)
  --end-user-group NAME       repeatable: the group(s) whose members must be customers
  --project KEY               repeatable: limit to these service desks (default: every service desk)
  --skills LIST               comma list of software-access, group-access, ticket-interception, or none
                              (default: all three)
  --config FILE               JSON file with the same settings (and attestations); flags win
  --format text|json|html     default text (a readable table, colour on a terminal)
  --out FILE                  write the report there instead of standard output
  --demo                      run against the built-in simulated site, no credentials needed
  -h, --help                  show this help

Precedence: flags, then environment variables, then the --config file.
The config file is one JSON object with any of: site, email, serviceAccount,
endUserGroups, projectKeys, skills (lists), issueTypesInScope, statusBucketOverrides,
attestations ({ "MW-CONNECTOR": { "by": "Name", "at": "2026-11-27T10:00:00Z", "note": "…" } })
and acknowledgements. Tokens are never read from it: use the flags or the environment.

Exit status: 0 every required check passes (manual ones attested); 1 some required
check fails or could not be decided; 2 the run could not start or finish.
`;
