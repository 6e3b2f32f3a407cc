/**
 * `mw-readiness`: parse, plan, run, render, exit, for `check` here and `fix` in
 * fix-command.ts. Everything outside the process (Jira, the simulator, files, the
 * terminal's prompt) comes in through `CliServices` and `CliIo`, so tests run the
 * whole command in-process. Exit codes (docs/cli.md): 0 the site is ready (nothing
 * left to fix), 1 it is not (something left to fix, or a required check could not
 * be decided), 2 the run could not start or finish, with one sentence per problem
 * on standard error.
 */
import * as path from 'path';
import type { Report } from '../shared/report-model';
import { renderReportHtml } from '../report/html';
import { renderReportJson } from '../report/json';
import { renderReportText } from '../report/text';
import { readyLabel } from '../report/labels';
import { formatScore, headlineSummary } from '../shared/readiness-summary';
import { parseCliArgs } from './args';
import { runFixCommand } from './fix-command';
import { helpText } from './help';
import { nextSteps } from './next-step';
import { parseConfigText, type ConfigFile } from './config-file';
import { progressReporter } from './progress';
import { createRedactor, redactingWriter, type Redactor, type Writable } from './redact';
import { resolveRunPlan, type OutputFormat, type RunPlan } from './run-plan';
import { versionLine } from './version';
import { runCompareCommand } from './compare-command';
import { RunAbortedError, UsageError } from './usage-error';
import type { CliIo, CliServices } from './ports';

export const EXIT_READY = 0;
export const EXIT_NOT_READY = 1;
export const EXIT_ABORTED = 2;

async function loadConfig(plainPath: string, cwd: string, services: CliServices): Promise<ConfigFile> {
  const file = path.resolve(cwd, plainPath);
  let text: string;
  try {
    text = await services.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code ?? 'unreadable';
    throw new UsageError(`The config file ${plainPath} could not be read (${why}).`);
  }
  const { config, problems } = parseConfigText(text, `The config file ${plainPath}`);
  if (problems.length > 0) throw new UsageError(problems[0], problems);
  return config;
}

function render(report: Report, format: OutputFormat, color: boolean): string {
  switch (format) {
    case 'json':
      return renderReportJson(report);
    case 'html':
      return renderReportHtml(report, { mode: 'export' });
    case 'text':
      return renderReportText(report, { color });
  }
}

/** One line per problem; a message that is not ours is reduced to its first line, redacted. */
function reportFailure(stderr: Writable, error: unknown): number {
  if (error instanceof UsageError) {
    for (const problem of error.problems) stderr.write(`mw-readiness: ${problem}\n`);
    return EXIT_ABORTED;
  }
  if (error instanceof RunAbortedError) {
    stderr.write(`mw-readiness: ${error.message}\n`);
    return EXIT_ABORTED;
  }
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  stderr.write(`mw-readiness: The run stopped unexpectedly: ${message}\n`);
  return EXIT_ABORTED;
}

async function execute(plan: RunPlan, stderr: Writable, services: CliServices): Promise<Report> {
  const onProgress = progressReporter(stderr);
  try {
    if (plan.target.kind === 'demo') {
      stderr.write('mw-readiness: checking the built-in simulated site (demo)\n');
      return await services.runDemo({ settings: plan.settings, onProgress });
    }
    stderr.write(`mw-readiness: checking ${plan.target.baseUrl} as ${plan.target.email}\n`);
    return await services.runSite({
      baseUrl: plan.target.baseUrl,
      email: plan.target.email,
      apiToken: plan.target.apiToken,
      ...(plan.target.serviceAccountToken ? { serviceAccountToken: plan.target.serviceAccountToken } : {}),
      settings: plan.settings,
      onProgress,
    });
  } finally {
    // A progress bar still on the terminal would run into what is written next.
    onProgress.end();
  }
}

export async function main(argv: string[], io: CliIo, services: CliServices): Promise<number> {
  // Flags and environment may carry tokens even when the plan fails to build; the plan adds Basic auth forms.
  let redact: Redactor = createRedactor([io.env.JIRA_API_TOKEN, io.env.MW_SERVICE_ACCOUNT_TOKEN, ...tokensInArgv(argv)]);
  const stdout = redactingWriter(io.stdout, () => redact);
  const stderr = redactingWriter(io.stderr, () => redact);
  const cwd = io.cwd ?? process.cwd();
  try {
    // compare reads two report files, not a site, and has its own arguments (compare-command.ts).
    if (argv[0] === 'compare' && !argv.some((a) => a === '--help' || a === '-h')) {
      return await runCompareCommand(argv.slice(1), { stdout, stderr, cwd, readFile: (file) => services.readFile(file) });
    }
    const parsed = parseCliArgs(argv);
    if (parsed.command === 'help') {
      stdout.write(helpText(parsed.topic));
      return EXIT_READY;
    }
    if (parsed.command === 'version') {
      stdout.write(versionLine());
      return EXIT_READY;
    }
    const svc = services;
    const config = parsed.flags.config ? await loadConfig(parsed.flags.config, cwd, svc) : {};
    const configLabel = parsed.flags.config ? `the config file ${parsed.flags.config}` : undefined;
    const plan = resolveRunPlan(parsed.flags, io.env, config, configLabel, parsed.command === 'fix' ? ['text', 'json'] : undefined);
    if (plan.target.kind === 'site') {
      const t = plan.target;
      redact = createRedactor([t.apiToken, t.serviceAccountToken, ...tokensInArgv(argv), io.env.JIRA_API_TOKEN, io.env.MW_SERVICE_ACCOUNT_TOKEN], [
        [t.email, t.apiToken],
        ...(t.serviceAccountToken && plan.settings.serviceAccount ? [[plan.settings.serviceAccount, t.serviceAccountToken] as [string, string]] : []),
      ]);
    }

    if (parsed.command === 'fix') return await runFixCommand({ plan, fix: parsed.fix, io, stdout, stderr, services: svc });

    const report = await execute(plan, stderr, svc);
    const color = plan.format === 'text' && !plan.out && io.isTTY && !io.env.NO_COLOR;
    const document = render(report, plan.format, color);
    const headline = headlineSummary(report);
    const summary = `Site ${readyLabel(headline.ready)}, score ${formatScore(headline.score)}.`;
    // The text report ends with where the site stands and what to do next; other formats stay pure documents.
    const steps = nextSteps(report, { demo: plan.target.kind === 'demo' });
    const next = steps.filter((line) => line.startsWith('Next:')).map((line) => `mw-readiness: ${line}\n`).join('');
    if (plan.out) {
      const file = path.resolve(cwd, plan.out);
      try {
        await svc.writeFile(file, redact(document));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? 'write failed';
        throw new RunAbortedError(`The report could not be written to ${plan.out} (${code}).`);
      }
      stderr.write(`mw-readiness: ${summary} Report written to ${plan.out}.\n${next}`);
    } else if (plan.format === 'text') {
      stdout.write(`${document}\n${steps.join('\n')}\n`);
    } else {
      stdout.write(document);
      stderr.write(`mw-readiness: ${summary}\n${next}`);
    }
    return report.ready === true ? EXIT_READY : EXIT_NOT_READY;
  } catch (error) {
    return reportFailure(stderr, error);
  }
}

/** Values of the token flags as typed, so they are redacted even when the plan is refused. */
function tokensInArgv(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(token|service-account-token)(?:=(.*))?$/.exec(argv[i]);
    if (!m) continue;
    if (m[2] !== undefined) out.push(m[2]);
    else if (i + 1 < argv.length) out.push(argv[i + 1]);
  }
  return out;
}
