/**
 * Command-line arguments, read with Node's built-in util.parseArgs (no
 * dependency). Turns parseArgs' multi-line errors into one sentence each, and
 * never repeats an option's value (it could be a token).
 */
import { parseArgs } from 'util';
import { HELP_TOPICS, type HelpTopic } from './help';
import { UsageError } from './usage-error';

export interface CliFlags {
  site?: string;
  email?: string;
  token?: string;
  serviceAccount?: string;
  serviceAccountToken?: string;
  endUserGroups: string[];
  projects: string[];
  /** --pair PROD=TEST as typed (check only). */
  pairs: string[];
  skills?: string;
  config?: string;
  format?: string;
  out?: string;
  demo: boolean;
}

/** What `fix` does on top of the site options: plan or apply, which fixes, confirmed or not. */
export interface FixOptions {
  mode: 'plan' | 'apply';
  /** --fix IDs as typed; empty: every fix with something to change. */
  fixIds: string[];
  /** --yes: apply without asking. */
  yes: boolean;
}

export type ParsedCommand =
  | { command: 'help'; topic?: HelpTopic }
  | { command: 'version' }
  | { command: 'check'; flags: CliFlags }
  | { command: 'fix'; flags: CliFlags; fix: FixOptions };

const COMMANDS = ['check', 'fix'] as const;

const OPTIONS = {
  site: { type: 'string' },
  email: { type: 'string' },
  token: { type: 'string' },
  'service-account': { type: 'string' },
  'service-account-token': { type: 'string' },
  'end-user-group': { type: 'string', multiple: true },
  project: { type: 'string', multiple: true },
  pair: { type: 'string', multiple: true },
  skills: { type: 'string' },
  config: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  demo: { type: 'boolean' },
  fix: { type: 'string', multiple: true },
  plan: { type: 'boolean' },
  apply: { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** Options only one command reads: given to the other, they are a mistake worth one sentence. */
const ONLY_FOR: Record<string, (typeof COMMANDS)[number]> = { out: 'check', pair: 'check', fix: 'fix', plan: 'fix', apply: 'fix', yes: 'fix' };

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
  const [command, ...extra] = positionals;
  if (values.version) return { command: 'version' };
  if (command === 'help' || values.help) {
    const topic = command === 'help' ? extra[0] : command;
    return topic !== undefined && (HELP_TOPICS as readonly string[]).includes(topic) ? { command: 'help', topic: topic as HelpTopic } : { command: 'help' };
  }
  if (command === undefined) throw new UsageError('Missing command; run "mw-readiness --help" to see the commands.');
  if (!(COMMANDS as readonly string[]).includes(command)) {
    // compare is read by compare-command.ts before these arguments are parsed; it is a command all the same.
    throw new UsageError(`Unknown command "${command.slice(0, 40)}"; the commands are ${[...COMMANDS, 'compare'].join(', ')} (run "mw-readiness --help").`);
  }
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0].slice(0, 40)}" after "${command}"; options start with --.`);
  const twice = repeated(argv);
  if (twice.length > 0) throw new UsageError(`Option --${twice[0]} was given more than once; give it once.`);
  for (const [option, owner] of Object.entries(ONLY_FOR)) {
    if (owner !== command && values[option as keyof typeof values] !== undefined) {
      throw new UsageError(`Option --${option} belongs to "mw-readiness ${owner}", not "${command}"; run "mw-readiness ${command} --help" to see its options.`);
    }
  }
  const flags: CliFlags = {
    site: values.site,
    email: values.email,
    token: values.token,
    serviceAccount: values['service-account'],
    serviceAccountToken: values['service-account-token'],
    endUserGroups: values['end-user-group'] ?? [],
    projects: values.project ?? [],
    pairs: values.pair ?? [],
    skills: values.skills,
    config: values.config,
    format: values.format,
    out: values.out,
    demo: values.demo === true,
  };
  if (command === 'check') return { command: 'check', flags };
  if (values.plan && values.apply) throw new UsageError('Give --plan (show the changes) or --apply (make them), not both.');
  if (!values.plan && !values.apply) throw new UsageError('"fix" needs --plan (show the changes, nothing changes) or --apply (make them).');
  if (values.plan && values.yes) throw new UsageError('--yes confirms --apply; --plan changes nothing, so leave it out.');
  const fixIds = (values.fix ?? []).map((id) => id.trim());
  if (fixIds.some((id) => id === '')) throw new UsageError('--fix needs a fix id, e.g. --fix add-missing-customers.');
  return { command: 'fix', flags, fix: { mode: values.apply ? 'apply' : 'plan', fixIds: [...new Set(fixIds)], yes: values.yes === true } };
}
