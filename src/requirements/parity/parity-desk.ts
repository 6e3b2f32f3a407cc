/**
 * What parity compares of a desk, read from a report: its checks' statuses and, from
 * WF-EXPORT's evidence (the hand-off bundle), per workflow the statuses with their
 * buckets, the bot's transitions and the fields on the Resolve screen. Reads any
 * report the same way, this run's or one imported from another site, so the evidence
 * is read defensively: a missing or odd part becomes "not recorded", never a guess.
 */
import type { CheckResult, CheckStatus, StatusBucket } from '../../shared/report-model';
import { BOT_ROLES, type BotRole, type ParityBotTransition, type ParityDesk, type ParityTransition, type ParityWorkflow } from '../../shared/parity-model';

export const PARITY_CHECK_ID = 'PARITY-CONFIG';

/** The parts of a report parity reads (a Report, or a schema-valid imported one). */
export interface ParityReportInput {
  generatedAt: string;
  site: { baseUrl: string };
  checks: readonly CheckResult[];
  projects: readonly { key: string; name: string; checks: readonly CheckResult[] }[];
}

const BUCKETS: readonly StatusBucket[] = ['new', 'in_progress', 'waiting', 'resolved'];
const STATUSES: readonly CheckStatus[] = ['pass', 'warn', 'fail', 'manual', 'error', 'not_applicable'];

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const bucketOf = (v: unknown): StatusBucket | null => ((BUCKETS as readonly unknown[]).includes(v) ? (v as StatusBucket) : null);

function botTransition(workflow: Json, role: BotRole): ParityBotTransition {
  const chosen = isObject(workflow.bot) && isObject(workflow.bot[role]) ? (workflow.bot[role] as Json) : {};
  const ids = list(chosen.transitionIds).map(str).filter((id): id is string => id !== null);
  const detailed = new Map<string, Json>();
  for (const t of list(chosen.transitions)) if (isObject(t) && str(t.id)) detailed.set(t.id as string, t);
  // Reports made before the bot's transitions carried names: the workflow's own transition list has them.
  const all = new Map<string, Json>();
  for (const t of list(workflow.transitions)) if (isObject(t) && str(t.id)) all.set(t.id as string, t);
  const transitions: ParityTransition[] = ids.map((id) => {
    const t = detailed.get(id) ?? all.get(id);
    return { id, name: t ? str(t.name) : null, to: t ? str(t.to) : null };
  });
  return { present: ids.length > 0, global: chosen.global === true, transitions };
}

function resolveFields(workflow: Json): Pick<ParityWorkflow, 'resolveFields' | 'resolveFieldsNote'> {
  if (!Array.isArray(workflow.resolveScreens)) return { resolveFields: null, resolveFieldsNote: 'the report does not record the Resolve screen’s fields' };
  const fields: Record<string, string> = {};
  for (const screen of workflow.resolveScreens) {
    if (!isObject(screen)) continue;
    if (screen.screenId === null) continue; // no screen: adds no field
    if (!Array.isArray(screen.fieldIds)) {
      return { resolveFields: null, resolveFieldsNote: `the Resolve screen ${str(screen.screenId) ?? ''} could not be read${str(screen.reason) ? `: ${screen.reason as string}` : ''}`.trim() };
    }
    const names = isObject(screen.fieldNames) ? screen.fieldNames : {};
    for (const id of screen.fieldIds) if (typeof id === 'string') fields[id] = str(names[id]) ?? id;
  }
  return { resolveFields: fields };
}

function workflowOf(w: Json): ParityWorkflow | null {
  const name = str(w.name);
  if (!name) return null;
  const bot = Object.fromEntries(BOT_ROLES.map((role) => [role, botTransition(w, role)])) as Record<BotRole, ParityBotTransition>;
  return {
    name,
    issueTypes: list(w.issueTypes).flatMap((t) => (isObject(t) && str(t.id) ? [{ id: t.id as string, ...(str(t.name) ? { name: t.name as string } : {}) }] : [])),
    statuses: list(w.statuses).flatMap((s) => (isObject(s) && str(s.name) ? [{ id: str(s.id) ?? (s.name as string), name: s.name as string, bucket: bucketOf(s.bucket) }] : [])),
    bot,
    ...resolveFields(w),
  };
}

function checksOf(results: readonly CheckResult[]): ParityDesk['checks'] {
  const out: ParityDesk['checks'] = {};
  for (const c of results) {
    if (!c || typeof c.id !== 'string' || c.id === PARITY_CHECK_ID || !STATUSES.includes(c.status)) continue;
    out[c.id] = { status: c.status, summary: typeof c.summary === 'string' ? c.summary : '' };
  }
  return out;
}

/** The desk `key` of the report as parity sees it; null when the report has no such desk. */
export function parityDeskOf(report: ParityReportInput, key: string): ParityDesk | null {
  const project = report.projects.find((p) => p.key === key);
  if (!project) return null;
  const desk: ParityDesk = {
    baseUrl: report.site.baseUrl,
    generatedAt: report.generatedAt,
    key: project.key,
    name: project.name,
    checks: { ...checksOf(report.checks), ...checksOf(project.checks) },
    workflows: null,
    unreadable: [],
  };
  const exported = project.checks.find((c) => c.id === 'WF-EXPORT');
  const evidence = exported?.evidence;
  if (!exported) desk.workflowsNote = 'WF-EXPORT was not part of this report, so its workflows are not known';
  else if (!isObject(evidence) || !Array.isArray(evidence.workflows)) {
    if (exported.status === 'not_applicable') desk.workflows = [];
    else desk.workflowsNote = `its workflows could not be read: ${exported.summary}`;
  } else {
    desk.workflows = evidence.workflows.flatMap((w) => {
      const read = isObject(w) ? workflowOf(w) : null;
      return read ? [read] : [];
    });
    desk.unreadable = list(evidence.unreadable).flatMap((g) => {
      if (!isObject(g)) return [];
      const types = list(g.issueTypes).flatMap((t) => (isObject(t) ? [str(t.name) ?? str(t.id) ?? '?'] : []));
      return [`${str(g.workflow) ?? 'issue types'}${types.length ? ` (${types.join(', ')})` : ''}: ${str(g.reason) ?? 'not read'}`];
    });
  }
  return desk;
}

/** Every desk of the report as parity sees it (what an imported report is kept as). */
export function parityDesksOf(report: ParityReportInput): ParityDesk[] {
  return report.projects.flatMap((p) => {
    const desk = parityDeskOf(report, p.key);
    return desk ? [desk] : [];
  });
}
