/**
 * Compares a production desk with the non-production desk Moveworks was tuned on.
 * Pure. Per issue type in scope it pairs the two workflows and compares what the
 * bot’s ticketing configuration depends on: the statuses and their Moveworks
 * buckets, the bot’s Resolve / In Progress / Reopen transitions (present, global,
 * id, name, target status) and the fields on the Resolve screen; then every check's
 * status on both sides (the service account's Service Desk Team role among them).
 *
 * Statuses are matched by name and fields by name, so a desk on another site (other
 * ids) compares too; transitions are matched by id, because the id is what the bot’s
 * configuration stores. Each difference says what breaks in Moveworks if production
 * goes live that way and which side to change: production, since the configuration
 * was tuned on the non-production desk, unless the non-production side is the one
 * that falls short.
 */
import type { CheckStatus } from '../../shared/report-model';
import {
  BOT_ROLES,
  BOT_ROLE_LABELS,
  type BotRole,
  type ParityBotTransition,
  type ParityComparison,
  type ParityDesk,
  type ParityItem,
  type ParityWorkflow,
} from '../../shared/parity-model';

const BUCKET_LABELS: Record<string, string> = { new: 'New / Reopened', in_progress: 'In Progress', waiting: 'Waiting for User', resolved: 'Resolved / Closed' };
const bucketLabel = (b: string | null) => (b ? BUCKET_LABELS[b] ?? b : 'no bucket');
const quote = (s: string) => `“${s}”`;
const NOT_IN_SCOPE = '—';

/** Statuses that count as passing when two sides' check results are compared. */
const GOOD: readonly CheckStatus[] = ['pass', 'not_applicable'];

function issueTypeKey(t: { id: string; name?: string }): string {
  return (t.name ?? t.id).trim().toLowerCase();
}

function issueTypeLabel(t: { id: string; name?: string }): string {
  return t.name ?? t.id;
}

function byIssueType(workflows: readonly ParityWorkflow[]): Map<string, { label: string; workflow: ParityWorkflow }> {
  const out = new Map<string, { label: string; workflow: ParityWorkflow }>();
  for (const w of workflows) for (const t of w.issueTypes) if (!out.has(issueTypeKey(t))) out.set(issueTypeKey(t), { label: issueTypeLabel(t), workflow: w });
  return out;
}

function workflowLabel(prod: ParityWorkflow, test: ParityWorkflow): string {
  return prod.name === test.name ? prod.name : `${prod.name} ↔ ${test.name}`;
}

class Items {
  readonly list: ParityItem[] = [];
  constructor(private readonly context: { workflow?: string; issueTypes?: string[] } = {}) {}
  same(area: ParityItem['area'], subject: string, value: string, other = value): void {
    this.list.push({ area, ...this.context, subject, production: value, nonProduction: other, state: 'same' });
  }
  differ(area: ParityItem['area'], subject: string, production: string, nonProduction: string, breaks: string, fixOn: ParityItem['fixOn'], remediation: string): void {
    this.list.push({ area, ...this.context, subject, production, nonProduction, state: 'different', breaks, fixOn, remediation });
  }
  unknown(area: ParityItem['area'], subject: string, production: string, nonProduction: string): void {
    this.list.push({ area, ...this.context, subject, production, nonProduction, state: 'unknown' });
  }
}

function compareStatuses(items: Items, prod: ParityWorkflow, test: ParityWorkflow): void {
  const testByName = new Map(test.statuses.map((s) => [s.name, s]));
  const prodByName = new Map(prod.statuses.map((s) => [s.name, s]));
  const onlyProd = prod.statuses.filter((s) => !testByName.has(s.name));
  const onlyTest = test.statuses.filter((s) => !prodByName.has(s.name));

  for (const p of prod.statuses) {
    const t = testByName.get(p.name);
    if (!t) continue;
    if (p.bucket === t.bucket) items.same('status', `Status ${quote(p.name)}`, bucketLabel(p.bucket));
    else
      items.differ(
        'bucket',
        `Status ${quote(p.name)}`,
        bucketLabel(p.bucket),
        bucketLabel(t.bucket),
        `Moveworks was tuned to treat ${quote(p.name)} as ${bucketLabel(t.bucket)}; on production it falls in ${bucketLabel(p.bucket)}, so the bot reports those tickets’ state wrongly and may act on them (notify, nudge, resolve) when it should not.`,
        'production',
        `Give ${quote(p.name)} the same bucket on production: set its status category to match, or add the same status-bucket override in Settings.`,
      );
  }

  // One status missing on each side in the same bucket reads as a rename.
  const renamed = new Set<string>();
  for (const p of onlyProd) {
    const candidates = onlyTest.filter((t) => t.bucket === p.bucket && !renamed.has(t.name));
    const sameBucketProd = onlyProd.filter((o) => o.bucket === p.bucket);
    if (candidates.length !== 1 || sameBucketProd.length !== 1) continue;
    const t = candidates[0];
    renamed.add(t.name);
    renamed.add(`prod:${p.name}`);
    items.differ(
      'status',
      `Status ${quote(t.name)} (${bucketLabel(t.bucket)})`,
      `named ${quote(p.name)}`,
      `named ${quote(t.name)}`,
      `Moveworks' status mapping was tuned on ${quote(t.name)}; production calls it ${quote(p.name)}, so its tickets map to no configured status and the bot cannot tell their state.`,
      'production',
      `Rename ${quote(p.name)} to ${quote(t.name)} in production’s workflow, or ask your Moveworks team to map ${quote(p.name)} before go-live.`,
    );
  }
  for (const t of onlyTest) {
    if (renamed.has(t.name)) continue;
    items.differ(
      'status',
      `Status ${quote(t.name)}`,
      'missing',
      bucketLabel(t.bucket),
      `The bot’s configuration names ${quote(t.name)} (${bucketLabel(t.bucket)}); production’s workflow never reaches it, so whatever the bot does with that status does nothing in production.`,
      'production',
      `Add ${quote(t.name)} to production’s workflow, or remove it from the Moveworks configuration before go-live.`,
    );
  }
  for (const p of onlyProd) {
    if (renamed.has(`prod:${p.name}`)) continue;
    items.differ(
      'status',
      `Status ${quote(p.name)}`,
      bucketLabel(p.bucket),
      'missing',
      `Production tickets can be in ${quote(p.name)}, which the bot was never tuned on: it cannot tell what state they are in.`,
      'non-production',
      `Add ${quote(p.name)} to the non-production workflow and map it there, or ask your Moveworks team to map it before go-live.`,
    );
  }
}

function describeBot(b: ParityBotTransition): string {
  if (!b.present) return 'none';
  const ts = b.transitions.map((t) => `${t.name ? quote(t.name) + ' ' : ''}(${t.id}) → ${t.to ?? '?'}`).join(', ');
  return `${b.global ? 'global' : 'not global'}: ${ts}`;
}

function compareBot(items: Items, role: BotRole, prod: ParityBotTransition, test: ParityBotTransition): void {
  const label = `${BOT_ROLE_LABELS[role]} transition`;
  const action = role === 'resolve' ? 'resolve tickets' : role === 'inProgress' ? 'put tickets back in progress' : 'reopen tickets';
  if (!prod.present && !test.present) {
    items.same('transition', label, 'none');
    return;
  }
  if (!prod.present || !test.present) {
    items.differ(
      'transition',
      label,
      describeBot(prod),
      describeBot(test),
      prod.present
        ? `The bot was tuned without a ${label}; production has one it does not know, which is harmless but untested.`
        : `The bot was tuned to ${action} with ${describeBot(test)}; production has no such transition, so the bot cannot ${action} there.`,
      prod.present ? 'non-production' : 'production',
      prod.present ? `Add the same transition to the non-production workflow and tune the bot on it.` : `Add the transition to production’s workflow with the same id, name and target status (a global transition, as on the test desk).`,
    );
    return;
  }
  const prodIds = prod.transitions.map((t) => t.id).sort();
  const testIds = test.transitions.map((t) => t.id).sort();
  const sameIds = prodIds.join(',') === testIds.join(',');
  if (!sameIds) {
    items.differ(
      'transition',
      `${label} id`,
      prodIds.join(', '),
      testIds.join(', '),
      `The bot’s configuration calls transition ${testIds.join(' / ')} to ${action}; production’s workflow has ${prodIds.join(' / ')} instead, so Jira refuses the bot’s call and the ticket does not move.`,
      'production',
      `Give the transition id ${testIds.join(' / ')} on production (recreate it in the same order, or copy the workflow), or ask your Moveworks team to use ${prodIds.join(' / ')} in production’s configuration.`,
    );
  } else items.same('transition', `${label} id`, prodIds.join(', '));
  if (prod.global !== test.global) {
    items.differ(
      'transition',
      `${label} from any status`,
      prod.global ? 'global' : 'not global',
      test.global ? 'global' : 'not global',
      prod.global
        ? 'Tested with a transition from listed statuses only; production allows it from any status, so the bot may move tickets it never could in testing.'
        : `Tested with a transition from any status; on production it starts from listed statuses only, so the bot cannot ${action} from the others.`,
      prod.global ? 'non-production' : 'production',
      prod.global ? 'Make the non-production transition global too, and test again.' : 'Make production’s transition global (“Any status” as its source).',
    );
  }
  const testById = new Map(test.transitions.map((t) => [t.id, t]));
  for (const p of prod.transitions) {
    const t = testById.get(p.id);
    if (!t) continue;
    if (p.to !== null && t.to !== null && p.to !== t.to) {
      items.differ(
        'transition',
        `${label} ${p.id} target status`,
        p.to,
        t.to,
        `The bot’s ${label.toLowerCase()} lands tickets in ${quote(t.to)} on the test desk but ${quote(p.to)} on production: the state the bot expects after it acts is wrong.`,
        'production',
        `Point production’s transition ${p.id} at ${quote(t.to)}.`,
      );
    } else if (p.to === null || t.to === null) items.unknown('transition', `${label} ${p.id} target status`, p.to ?? 'not recorded', t.to ?? 'not recorded');
    if (p.name !== null && t.name !== null && p.name !== t.name) {
      items.differ(
        'transition',
        `${label} ${p.id} name`,
        p.name,
        t.name,
        `The bot calls the transition by id, so it still works; but the hand-off to the Moveworks team names ${quote(t.name)}, which production does not show, so the configuration is hard to check.`,
        'production',
        `Rename production’s transition ${p.id} to ${quote(t.name)}.`,
      );
    }
  }
}

function fieldKey(name: string): string {
  return name.trim().toLowerCase();
}

function compareResolveFields(items: Items, prod: ParityWorkflow, test: ParityWorkflow): void {
  const subject = 'Resolve screen fields';
  if (prod.resolveFields === null || test.resolveFields === null) {
    items.unknown('screen', subject, prod.resolveFields === null ? prod.resolveFieldsNote ?? 'not recorded' : Object.values(prod.resolveFields).join(', '), test.resolveFields === null ? test.resolveFieldsNote ?? 'not recorded' : Object.values(test.resolveFields).join(', '));
    return;
  }
  const prodNames = new Map(Object.values(prod.resolveFields).map((n) => [fieldKey(n), n]));
  const testNames = new Map(Object.values(test.resolveFields).map((n) => [fieldKey(n), n]));
  const onlyIn = (names: Map<string, string>, other: Map<string, string>) => [...names].filter(([key]) => !other.has(key)).map(([, name]) => name);
  const missingInProduction = onlyIn(testNames, prodNames);
  const missingInTest = onlyIn(prodNames, testNames);
  const fieldDiffers = (name: string, production: string, nonProduction: string, breaks: string, fixOn: ParityItem['fixOn'], remediation: string) =>
    items.differ('screen', `Resolve screen field ${quote(name)}`, production, nonProduction, breaks, fixOn, remediation);
  for (const name of missingInProduction) {
    const breaks = `The bot sets ${quote(name)} when it resolves (tuned on the test desk); production’s Resolve screen lacks it, so Jira refuses the field and the bot cannot resolve the ticket.`;
    fieldDiffers(name, 'missing', 'on the screen', breaks, 'production', `Add ${quote(name)} to the screen of production’s Resolve transition.`);
  }
  for (const name of missingInTest) {
    const breaks = `Production’s Resolve screen has ${quote(name)}, which the bot was never tuned to set: if a validator requires it, resolving from Moveworks fails in production.`;
    const remediation = `Add ${quote(name)} to the non-production Resolve screen and tune the bot to set it, or take it off production’s screen if nothing requires it.`;
    fieldDiffers(name, 'on the screen', 'missing', breaks, 'non-production', remediation);
  }
  if (missingInProduction.length + missingInTest.length === 0) items.same('screen', subject, [...prodNames.values()].join(', ') || 'no fields');
}

function compareWorkflows(out: ParityItem[], prod: ParityWorkflow, test: ParityWorkflow, issueTypes: string[]): void {
  const items = new Items({ workflow: workflowLabel(prod, test), issueTypes });
  compareStatuses(items, prod, test);
  for (const role of BOT_ROLES) compareBot(items, role, prod.bot[role], test.bot[role]);
  compareResolveFields(items, prod, test);
  out.push(...items.list);
}

function compareIssueTypes(out: ParityItem[], prod: ParityDesk, test: ParityDesk): void {
  if (prod.workflows === null || test.workflows === null) {
    out.push({
      area: 'workflow',
      subject: 'Workflows',
      production: prod.workflows === null ? prod.workflowsNote ?? 'not known' : `${prod.workflows.length} read`,
      nonProduction: test.workflows === null ? test.workflowsNote ?? 'not known' : `${test.workflows.length} read`,
      state: 'unknown',
    });
    return;
  }
  const prodTypes = byIssueType(prod.workflows);
  const testTypes = byIssueType(test.workflows);
  const pairs = new Map<string, { prod: ParityWorkflow; test: ParityWorkflow; issueTypes: string[] }>();
  for (const [key, p] of prodTypes) {
    const t = testTypes.get(key);
    if (!t) {
      out.push({
        area: 'workflow',
        subject: `Issue type ${quote(p.label)}`,
        production: p.workflow.name,
        nonProduction: NOT_IN_SCOPE,
        state: 'different',
        breaks: `The bot was never tuned on ${quote(p.label)} tickets: its configuration has no statuses or transitions for ${quote(p.workflow.name)}, so it cannot move or report on them in production.`,
        fixOn: 'non-production',
        remediation: `Add a request type for ${quote(p.label)} to the non-production desk and tune the bot on it, or take ${quote(p.label)} out of scope for production in Settings.`,
      });
      continue;
    }
    const pairKey = `${p.workflow.name}\u0000${t.workflow.name}`;
    const pair = pairs.get(pairKey) ?? { prod: p.workflow, test: t.workflow, issueTypes: [] };
    pair.issueTypes.push(p.label);
    pairs.set(pairKey, pair);
  }
  for (const [key, t] of testTypes) {
    if (prodTypes.has(key)) continue;
    out.push({
      area: 'workflow',
      subject: `Issue type ${quote(t.label)}`,
      production: NOT_IN_SCOPE,
      nonProduction: t.workflow.name,
      state: 'different',
      breaks: `The bot was tuned on ${quote(t.label)} tickets, which production does not offer: that part of its configuration (${quote(t.workflow.name)}) points at nothing in production.`,
      fixOn: 'production',
      remediation: `Add a request type for ${quote(t.label)} to production (with the same workflow), or drop it from the Moveworks configuration before go-live.`,
    });
  }
  for (const pair of pairs.values()) compareWorkflows(out, pair.prod, pair.test, pair.issueTypes);
  for (const [side, desk] of [['production', prod], ['non-production', test]] as const) {
    for (const gap of desk.unreadable) out.push({ area: 'workflow', subject: 'Unreadable workflow', production: side === 'production' ? gap : '', nonProduction: side === 'non-production' ? gap : '', state: 'unknown' });
  }
}

const CHECK_BREAKS: Record<string, string> = {
  'SA-PROJECT-ROLE': 'Without the Service Desk Team role the service account cannot create, update or transition tickets of that desk: the bot works on one side only.',
  'CUST-COVERAGE': 'End users who are not customers of the desk cannot raise or follow tickets through the bot.',
};

function compareChecks(out: ParityItem[], prod: ParityDesk, test: ParityDesk): void {
  const ids = [...new Set([...Object.keys(prod.checks), ...Object.keys(test.checks)])].sort();
  const sameSite = prod.baseUrl === test.baseUrl;
  for (const id of ids) {
    const p = prod.checks[id];
    const t = test.checks[id];
    if (!p || !t) {
      // A check run on one side only (a narrower run, an older report) is not a difference of configuration.
      out.push({ area: id === 'SA-PROJECT-ROLE' ? 'role' : 'check', subject: id, production: p?.status ?? 'not run', nonProduction: t?.status ?? 'not run', state: 'unknown' });
      continue;
    }
    const area = id === 'SA-PROJECT-ROLE' ? 'role' : 'check';
    if (p.status === t.status) {
      // On one site the site checks are the same results on both sides: list them once, as the same.
      out.push({ area, subject: id, production: p.status, nonProduction: t.status, state: 'same' });
      continue;
    }
    const prodGood = GOOD.includes(p.status);
    const testGood = GOOD.includes(t.status);
    const fixOn = prodGood && !testGood ? 'non-production' : 'production';
    const worse = fixOn === 'production' ? p : t;
    out.push({
      area,
      subject: id,
      production: p.status,
      nonProduction: t.status,
      state: 'different',
      breaks:
        CHECK_BREAKS[id] ??
        (fixOn === 'production'
          ? `${id} is ${t.status} on the test desk but ${p.status} on production: what it guards was working when the bot was tuned and is not in production.`
          : `${id} is ${p.status} on production but ${t.status} on the test desk: the bot was tuned without it, so what it guards was never tested.`),
      fixOn,
      remediation: `${sameSite ? '' : 'On the other site: '}fix ${id} on the ${fixOn} side (${worse.summary || 'see the check'}).`,
    });
  }
}

const ORDER: Record<ParityItem['state'], number> = { different: 0, unknown: 1, same: 2 };

export function compareDesks(production: ParityDesk, nonProduction: ParityDesk): ParityComparison {
  const items: ParityItem[] = [];
  compareIssueTypes(items, production, nonProduction);
  compareChecks(items, production, nonProduction);
  // Stable: differences first, each group in the order compared.
  const sorted = items.map((item, i) => ({ item, i })).sort((a, b) => ORDER[a.item.state] - ORDER[b.item.state] || a.i - b.i).map((x) => x.item);
  const counts = { different: 0, unknown: 0, same: 0 };
  for (const item of sorted) counts[item.state] += 1;
  const side = (d: ParityDesk) => ({ baseUrl: d.baseUrl, key: d.key, name: d.name, generatedAt: d.generatedAt });
  return { production: side(production), nonProduction: side(nonProduction), matches: counts.different === 0 && counts.unknown === 0, items: sorted, counts };
}
