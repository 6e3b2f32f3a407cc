/**
 * `mw-readiness fix --plan | --apply`: the app's fixes (src/fixes/registry.ts) from a
 * terminal, as the account given. One run reads what the fixes and the checks they
 * resolve need, asks Jira what the account may change, and plans each fix for the
 * desks where its checks do not pass. --plan prints that and changes nothing.
 * --apply, once confirmed (--yes, or a prompt on a terminal), applies each change
 * through the fixes' runner and the project's one Jira client, records what Jira
 * answered, then reads the changed desks again and prints the checks' new status.
 */
import type { ChangeResult, FixMeta } from '../shared/fix-model';
import { runFix, summariseResults, type FixResultStore } from '../fixes/runner';
import { runReadiness } from '../engine/run-readiness';
import { rateLimitWaitProgress } from '../gather/progress';
import { JiraClient } from '../jira/jira-client';
import { planWithUsages } from '../fixes/plan-with-usages';
import { readWorkflowUsages } from '../gather/workflow-usages';
import { isJiraError } from '../jira/jira-error';
import { fixMetas } from '../fixes/registry';
import type { FixOptions } from './args';
import { callerPermissions } from './caller-permissions';
import { artifactsFor, desksNeeding, selectFixes, worthShowing } from './fix-scope';
import { fixExitCode, renderFixJson, renderFixText, type FixDocument, type FixSection, type RecheckedCheck } from './fix-output';
import type { CliIo, CliServices, SiteSession } from './ports';
import { preflight, type Myself } from './preflight';
import { progressReporter, type ProgressReporter } from './progress';
import { confirmProjectKeys } from './project-keys';
import type { Writable } from './redact';
import type { RunPlan } from './run-plan';
import { RunAbortedError, UsageError } from './usage-error';

export interface FixCommandInput {
  plan: RunPlan;
  fix: FixOptions;
  io: CliIo;
  stdout: Writable;
  stderr: Writable;
  services: CliServices;
}

function accountLabel(me: Myself, fallback: string): string {
  const name = me.displayName?.trim();
  const email = me.emailAddress?.trim();
  if (name && email) return `${name} (${email})`;
  return name || email || me.accountId || fallback;
}

/** Results kept for this one command; a resumable store matters to the app's queued runs, not here. */
function memoryStore(): FixResultStore {
  const results = new Map<string, ChangeResult>();
  return {
    recorded: async () => results,
    save: async (change, result) => {
      results.set(change.id, result);
    },
  };
}

function siteOf(plan: RunPlan): string {
  return plan.target.kind === 'site' ? `${plan.target.baseUrl} as ${plan.target.email}` : 'the built-in simulated site';
}

export async function runFixCommand(input: FixCommandInput): Promise<number> {
  const { plan, fix: options, io, stdout, stderr, services } = input;
  const fixes = selectFixes(options.fixIds);
  if (options.mode === 'apply' && !options.yes && !io.confirm) {
    throw new UsageError('--apply changes Jira: add --yes to confirm it when not on a terminal.');
  }
  const progress = progressReporter(stderr);
  const demo = plan.target.kind === 'demo';
  stderr.write(
    demo
      ? 'mw-readiness: planning fixes on the built-in simulated site (demo); its changes are forgotten when the command ends\n'
      : `mw-readiness: planning fixes on ${siteOf(plan)}\n`,
  );
  const session = await services.openSite({ target: plan.target, settings: plan.settings });
  try {
    const host = new URL(session.baseUrl).host;
    const me = await preflight(session.transport);
    const account = accountLabel(me, plan.target.kind === 'site' ? plan.target.email : 'the demo admin');
    const client = new JiraClient(session.transport, { onWait: (wait) => progress(rateLimitWaitProgress(wait)) });
    await confirmProjectKeys(client, session.settings.projectKeys, host);

    const { report, snapshot } = await runReadiness({ transport: session.transport, settings: session.settings, requires: artifactsFor(fixes), onProgress: progress });
    const desks = new Map(fixes.map((f) => [f.meta.id, desksNeeding(f, report, snapshot)]));
    const planned = [...new Map([...desks.values()].flat().map((p) => [p.key, { id: p.id, key: p.key }])).values()];
    let caller;
    try {
      caller = await callerPermissions(client, planned);
    } catch (error) {
      if (!isJiraError(error)) throw error;
      throw new RunAbortedError(`Jira could not say what ${account} may change (${error.message.replace(/\.$/, '')}), so nothing was planned.`);
    }
    const metas = new Map(fixMetas(fixes).map((m) => [m.id, m]));
    const sections: FixSection[] = [];
    for (const f of fixes) {
      const fixPlan = await planWithUsages(f, { snapshot, settings: session.settings, projects: desks.get(f.meta.id) ?? [], caller }, (ids) => readWorkflowUsages(client, ids));
      const section = { fix: metas.get(f.meta.id) as FixMeta, plan: fixPlan };
      if (worthShowing(section.plan, options.fixIds.length > 0)) sections.push(section);
    }
    progress.end();
    const doc: FixDocument = { mode: options.mode, site: session.baseUrl, account, sections };

    const changes = sections.reduce((n, s) => n + s.plan.changes.length, 0);
    if (options.mode === 'apply' && changes > 0) {
      if (!options.yes) {
        // The preview goes to standard error: standard output stays the one document asked for.
        stderr.write(renderFixText({ ...doc, mode: 'plan' }, { demo, preview: true }));
        const yes = await io.confirm!(`Make ${changes === 1 ? 'this change' : `these ${changes} changes`} in Jira as ${account}? [y/N] `);
        if (!yes) doc.declined = true;
      }
      if (!doc.declined) {
        await applyAll(doc, fixes, session.transport, progress);
        progress.end();
        doc.rechecked = await recheck(doc, fixes, session, progress);
        progress.end();
      }
    }
    stdout.write(plan.format === 'json' ? renderFixJson(doc) : renderFixText(doc, { demo }));
    return fixExitCode(doc);
  } finally {
    progress.end();
    await session.close();
  }
}

type Fixes = ReturnType<typeof selectFixes>;

async function applyAll(doc: FixDocument, fixes: Fixes, transport: Parameters<typeof runReadiness>[0]['transport'], progress: ProgressReporter): Promise<void> {
  const client = new JiraClient(transport, { onWait: (wait) => progress(rateLimitWaitProgress(wait)) });
  for (const section of doc.sections) {
    const fix = fixes.find((f) => f.meta.id === section.fix.id)!;
    if (section.plan.changes.length === 0) continue;
    const outcome = await runFix({
      fix,
      changes: section.plan.changes,
      client,
      results: memoryStore(),
      onProgress: (p) => progress({ stage: 'changes', done: p.changesDone, total: p.changesTotal, message: `${fix.meta.id}: ${p.last?.outcome ?? 'applying'}` }),
    });
    section.run = {
      results: outcome.results,
      finished: outcome.finished,
      ...(outcome.stoppedBecause ? { stoppedBecause: outcome.stoppedBecause } : {}),
      line: summariseResults(fix, outcome.results).line,
    };
  }
}

/** The checks the applied fixes resolve, read again (only what they need) on the desks the changes reached. */
async function recheck(
  doc: FixDocument,
  fixes: Fixes,
  session: SiteSession,
  progress: ProgressReporter,
): Promise<RecheckedCheck[]> {
  const touched = doc.sections.filter((s) => (s.run?.results ?? []).some((r) => r.outcome === 'applied' || r.outcome === 'unchanged'));
  const keys = [...new Set(touched.flatMap((s) => s.plan.changes.flatMap((c) => c.reach.projects.map((p) => p.key))))].sort();
  if (keys.length === 0) return [];
  const checkIds = [...new Set(touched.flatMap((s) => s.fix.resolves))];
  const touchedFixes = fixes.filter((f) => touched.some((s) => s.fix.id === f.meta.id));
  const { report } = await runReadiness({
    transport: session.transport,
    settings: { ...session.settings, projectKeys: keys },
    requires: artifactsFor(touchedFixes),
    onProgress: progress,
  });
  const rechecked: RecheckedCheck[] = [];
  for (const project of report.projects) {
    for (const check of project.checks) {
      if (checkIds.includes(check.id)) rechecked.push({ projectKey: project.key, checkId: check.id, status: check.status, summary: check.summary });
    }
  }
  return rechecked;
}
