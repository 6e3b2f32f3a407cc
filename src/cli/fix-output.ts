/**
 * What `mw-readiness fix` prints, and its exit code, as pure functions of one
 * document: the plans (each change with every project and issue type it reaches,
 * and what blocks the rest), and after --apply what Jira answered to each change
 * and the re-run checks' new status. Text for people, JSON for scripts.
 */
import type { FixPlan } from '../fixes/fix';
import type { ChangeReach, ChangeResult, FixMeta } from '../shared/fix-model';
import { stripControlChars } from '../report/escape';
import { STATUS_LABEL } from '../report/labels';
import type { CheckStatus } from '../shared/report-model';

export interface FixRun {
  results: ChangeResult[];
  finished: boolean;
  stoppedBecause?: string;
  /** "12 added, 0 failed", in the fix's own verb. */
  line: string;
}

export interface FixSection {
  fix: FixMeta;
  plan: FixPlan;
  /** --apply only: what Jira answered. */
  run?: FixRun;
}

export interface RecheckedCheck {
  projectKey: string;
  checkId: string;
  status: CheckStatus;
  summary: string;
}

export interface FixDocument {
  mode: 'plan' | 'apply';
  site: string;
  /** Who the changes are (or would be) made as: "Priya Raman (priya@acme.com)". */
  account: string;
  sections: FixSection[];
  /** --apply: the checks the fixes resolve, read again on the desks they changed. */
  rechecked?: RecheckedCheck[];
  /** --apply answered "no" at the prompt: nothing was sent. */
  declined?: boolean;
}

export interface FixTextOptions {
  /** The command to suggest next carries --demo instead of the site's options. */
  demo: boolean;
  /** The plan shown before the prompt of --apply: no "Next" line, the prompt is the next step. */
  preview?: boolean;
}

const SETTLED: readonly CheckStatus[] = ['pass', 'not_applicable'];
const OK_OUTCOMES: readonly ChangeResult['outcome'][] = ['applied', 'unchanged'];
/** Per-item failures listed under a change; the rest are counted. */
const MAX_ITEMS = 10;

const clean = (value: unknown) => stripControlChars(value).replace(/[\t\r\n]+/g, ' ');
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const changesOf = (doc: FixDocument) => doc.sections.reduce((n, s) => n + s.plan.changes.length, 0);
const blockersOf = (doc: FixDocument) => doc.sections.reduce((n, s) => n + s.plan.blockers.length, 0);
const resultsOf = (doc: FixDocument) => doc.sections.flatMap((s) => s.run?.results ?? []);

/** 0: nothing left to fix (or every change made and its checks pass); 1: something is left. */
export function fixExitCode(doc: FixDocument): 0 | 1 {
  if (blockersOf(doc) > 0 || doc.declined) return 1;
  if (doc.mode === 'plan') return changesOf(doc) === 0 ? 0 : 1;
  if (doc.sections.some((s) => s.plan.changes.length > 0 && (!s.run || !s.run.finished))) return 1;
  if (resultsOf(doc).some((r) => !OK_OUTCOMES.includes(r.outcome))) return 1;
  if ((doc.rechecked ?? []).some((c) => !SETTLED.includes(c.status))) return 1;
  return 0;
}

/** The projects a change reaches, with the issue types when the change reaches a shared workflow or screen. */
export function reachText(reach: ChangeReach): string {
  const projects = reach.projects.map((p) => `${clean(p.key)} (${clean(p.name)})`).join(', ');
  const types = reach.issueTypes?.length ? `; issue types ${reach.issueTypes.map((t) => clean(t.name)).join(', ')}` : '';
  return `reaches ${projects}${types}${reach.unconfirmed ? ` (${clean(reach.unconfirmed)})` : ''}`;
}

function sectionHeading(section: FixSection): string {
  return `${section.fix.id}: ${clean(section.fix.title)} (resolves ${section.fix.resolves.join(', ')})`;
}

function blockerLines(plan: FixPlan): string[] {
  return plan.blockers.map((b) => {
    const who = b.who ? ` Who can: ${clean(b.who)}.` : '';
    const link = b.link ? ` ${clean(b.link)}` : '';
    return `  Blocked: ${clean(b.reason)}${who}${link}`;
  });
}

function planLines(section: FixSection): string[] {
  const { plan } = section;
  const lines = [sectionHeading(section)];
  if (plan.summary) lines.push(`  ${clean(plan.summary)}.`);
  for (const change of plan.changes) {
    lines.push(`  • ${clean(change.summary)}`);
    lines.push(`      ${reachText(change.reach)}`);
  }
  if (plan.changes.length === 0 && plan.blockers.length === 0) lines.push(`  Nothing to change: ${section.fix.resolves.join(', ')} needs nothing from this fix on the desks in scope.`);
  lines.push(...blockerLines(plan));
  return lines;
}

function resultLines(section: FixSection): string[] {
  const lines = [sectionHeading(section)];
  const byId = new Map(section.plan.changes.map((c) => [c.id, c]));
  const width = Math.max(...(['applied', 'unchanged', 'refused', 'failed'] as const).map((w) => w.length));
  for (const result of section.run?.results ?? []) {
    const change = byId.get(result.changeId);
    const words = result.outcome === 'refused' ? `Jira said: ${clean(result.message)}` : clean(result.message);
    lines.push(`  ${result.outcome.padEnd(width)}  ${clean(change?.summary ?? result.changeId)}: ${words}`);
    const failedItems = (result.items ?? []).filter((i) => i.outcome === 'failed');
    for (const item of failedItems.slice(0, MAX_ITEMS)) {
      lines.push(`      ✗ ${clean(item.name ?? item.id)}${item.name ? ` (${clean(item.id)})` : ''}: ${clean(item.message ?? 'failed')}`);
    }
    if (failedItems.length > MAX_ITEMS) lines.push(`      … and ${failedItems.length - MAX_ITEMS} more (--format json lists them all)`);
  }
  if (section.run) lines.push(`  ${clean(section.run.line)}`);
  if (section.run && !section.run.finished) lines.push(`  Stopped before the end: ${clean(section.run.stoppedBecause ?? 'the run stopped')}. Run the same command again to continue.`);
  if (section.plan.changes.length === 0 && section.plan.blockers.length === 0) lines.push('  Nothing to change.');
  lines.push(...blockerLines(section.plan));
  return lines;
}

/** The --project flags for the desks a document's changes reach (none when more than three). */
function projectFlags(doc: FixDocument): string {
  const keys = [...new Set(doc.sections.flatMap((s) => s.plan.changes.flatMap((c) => c.reach.projects.map((p) => p.key))))];
  return keys.length > 0 && keys.length <= 3 ? keys.map((k) => ` --project ${k}`).join('') : '';
}

function planSummary(doc: FixDocument, options: FixTextOptions): string[] {
  const changes = changesOf(doc);
  const blockers = blockersOf(doc);
  const items = doc.sections.reduce((n, s) => n + s.plan.changes.reduce((m, c) => m + c.items, 0), 0);
  const fixes = doc.sections.filter((s) => s.plan.changes.length > 0).length;
  if (changes === 0 && blockers === 0) return ['Summary: nothing to fix; the checks these fixes resolve pass on every desk in scope.'];
  const head = changes > 0
    ? `Summary: ${plural(changes, 'change', 'changes')} (${plural(items, 'item', 'items')}) planned in ${plural(fixes, 'fix', 'fixes')}${blockers > 0 ? `, ${plural(blockers, 'thing', 'things')} blocked` : ''}; nothing in Jira changed.`
    : `Summary: nothing this account can change; ${plural(blockers, 'thing is', 'things are')} blocked (see "Blocked" above).`;
  const lines = [head];
  if (changes > 0 && !doc.declined && !options.preview) {
    const command = `mw-readiness fix --apply${options.demo ? ' --demo' : ''}${projectFlags(doc)}`;
    lines.push(`Next: run \`${command}\`${options.demo ? '' : ' with the same site options'} to make them as ${doc.account}.`);
  }
  return lines;
}

function applySummary(doc: FixDocument): string[] {
  const results = resultsOf(doc);
  const count = (outcome: ChangeResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
  const rechecked = doc.rechecked ?? [];
  const passing = rechecked.filter((c) => SETTLED.includes(c.status)).length;
  const parts = [`${count('applied')} applied`, `${count('unchanged')} unchanged`, `${count('refused')} refused`];
  if (count('failed') > 0) parts.push(`${count('failed')} failed`);
  const checks = rechecked.length > 0 ? `; ${passing} of ${plural(rechecked.length, 're-run check passes', 're-run checks pass')} now` : '';
  const lines = [`Summary: ${plural(results.length, 'change', 'changes')}: ${parts.join(', ')}${checks}.`];
  if (count('refused') > 0 || blockersOf(doc) > 0) {
    lines.push('Next: what Jira refused or the plan blocked needs an account with the rights named above; run `mw-readiness fix --plan` as that account.');
  } else if (rechecked.length > passing) {
    lines.push('Next: run `mw-readiness check` to see why the re-run checks still do not pass.');
  }
  return lines;
}

export function renderFixText(doc: FixDocument, options: FixTextOptions): string {
  const lines: string[] = [];
  const applied = doc.mode === 'apply' && !doc.declined && doc.sections.some((s) => s.run);
  lines.push(
    applied
      ? `Fixes applied on ${clean(doc.site)} as ${clean(doc.account)}:`
      : `Fix plan for ${clean(doc.site)} as ${clean(doc.account)}. Nothing in Jira changes${doc.declined ? ': not confirmed' : ''}.`,
  );
  for (const section of doc.sections) {
    lines.push('');
    lines.push(...(applied ? resultLines(section) : planLines(section)));
  }
  if (doc.sections.length === 0) {
    lines.push('');
    lines.push('No fix has anything to change on the desks in scope.');
  }
  if (applied && doc.rechecked) {
    lines.push('');
    lines.push('Checks after the fixes:');
    if (doc.rechecked.length === 0) lines.push('  (no desk was changed, so nothing was re-run)');
    const idWidth = Math.max(0, ...doc.rechecked.map((c) => c.checkId.length));
    const keyWidth = Math.max(0, ...doc.rechecked.map((c) => c.projectKey.length));
    for (const c of doc.rechecked) {
      lines.push(`  ${(STATUS_LABEL[c.status] ?? c.status).padEnd(6)}  ${clean(c.projectKey).padEnd(keyWidth)}  ${c.checkId.padEnd(idWidth)}  ${clean(c.summary)}`);
    }
  }
  lines.push('');
  lines.push(...(applied ? applySummary(doc) : planSummary(doc, options)));
  return lines.join('\n') + '\n';
}

/** One JSON document; a change's payload (what apply needs internally) is left out. */
export function renderFixJson(doc: FixDocument): string {
  const out = {
    mode: doc.mode,
    site: doc.site,
    account: doc.account,
    ...(doc.declined ? { declined: true } : {}),
    fixes: doc.sections.map((s) => ({
      id: s.fix.id,
      title: s.fix.title,
      resolves: [...s.fix.resolves],
      ...(s.plan.projectKey ? { projectKey: s.plan.projectKey } : {}),
      ...(s.plan.summary ? { summary: s.plan.summary } : {}),
      changes: s.plan.changes.map(({ payload: _payload, ...change }) => change),
      blockers: s.plan.blockers,
      ...(s.run ? { results: s.run.results, resultSummary: s.run.line, finished: s.run.finished, ...(s.run.stoppedBecause ? { stoppedBecause: s.run.stoppedBecause } : {}) } : {}),
    })),
    ...(doc.rechecked ? { rechecked: doc.rechecked } : {}),
    exitCode: fixExitCode(doc),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
