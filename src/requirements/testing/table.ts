/// <reference types="jest" />
/**
 * Table tests for checks, ESLint RuleTester style.
 *
 *   import { describeCheck } from '../testing/table';
 *   import { failed, serviceAccount } from '../testing/snapshot-builder';
 *
 *   describeCheck(saExists, {
 *     valid: [{ name: 'an active atlassian account', evidence: { active: true } }],
 *     invalid: [
 *       { name: 'no account matches', site: { serviceAccount: ok(null) },
 *         verdict: 'violated', summary: /no account matches/, remediationUrls: ['https://…'] },
 *     ],
 *   });
 *
 * Every case starts from the builders' ready site (`site()`, `project()`, `settings()` in
 * snapshot-builder.ts, on which every check holds) and changes it in one place:
 *   - `site`:     overrides of the SiteSnapshot (shallow, like `site({...})`)
 *   - `project`:  overrides of the ProjectSnapshot (project checks only; the project is
 *                 also the snapshot's only project)
 *   - `settings`: overrides of EngineSettings
 *   - `input`:    optional last word, receives the built input and returns the one to judge
 * and states what it expects:
 *   - `verdict`:  required for `invalid` cases ('violated' | 'undecided' | 'manual' |
 *                 'not_applicable'); `valid` cases always expect 'holds'
 *   - `summary`:  string(s) that must appear in the summary, or RegExp(s) it must match
 *   - `dependsOn`: always asserted; omitted means the outcome must not carry one
 *   - `evidence`: matched with toMatchObject (a subset of the real evidence)
 *   - `remediationUrls`: each must be the url of some remediation step
 *   - `remediationText`: string(s) / RegExp(s) some step's text must contain / match
 *   - `severity`: the outcome's severity override (omitted: the outcome must not override)
 *   - `assert`:   anything else, given the outcome and the input
 *
 * Every case also checks what every check owes: the input is deep-frozen (evaluate is
 * pure and mutates nothing), the same input gives the same outcome, the summary is one
 * non-empty line, evidence survives JSON, every link is absolute http(s), and a violated,
 * undecided or manual outcome says what to do (at least one remediation step).
 */
import type { EngineSettings, Severity } from '../../shared/report-model';
import type { ProjectSnapshot, SiteSnapshot } from '../../gather/snapshot';
import type { Check, CheckOutcome, ProjectCheckInput, SiteCheckInput, Verdict } from '../check';
import { project as buildProject, settings as buildSettings, site as buildSite } from './snapshot-builder';

type Text = string | RegExp;

export interface CheckCase {
  name: string;
  site?: Partial<SiteSnapshot>;
  project?: Partial<ProjectSnapshot>;
  settings?: Partial<EngineSettings>;
  input?: (built: ProjectCheckInput) => SiteCheckInput | ProjectCheckInput;
  summary?: Text | Text[];
  dependsOn?: string;
  evidence?: unknown;
  remediationUrls?: string[];
  remediationText?: Text | Text[];
  severity?: Severity;
  assert?: (outcome: CheckOutcome, input: ProjectCheckInput) => void;
}

export interface InvalidCheckCase extends CheckCase {
  verdict: Exclude<Verdict, 'holds'>;
}

export interface CheckTable {
  valid: CheckCase[];
  invalid: InvalidCheckCase[];
}

/** The input a case describes: the ready site with the case's changes applied. */
export function buildInput(c: CheckCase): ProjectCheckInput {
  const project = buildProject(c.project);
  const snapshot = buildSite({ projects: [project], ...c.site });
  const built: ProjectCheckInput = { snapshot, settings: buildSettings(c.settings), project };
  return (c.input ? c.input(built) : built) as ProjectCheckInput;
}

/** Runs a check on an input; site checks simply ignore `project`. */
export function evaluateCheck(check: Check, input: ProjectCheckInput): CheckOutcome {
  return check.evaluate(input);
}

export function describeCheck(check: Check, table: CheckTable): void {
  describe(check.meta.id, () => {
    it('has complete meta', () => {
      const { meta } = check;
      expect(meta.id).toMatch(/^[A-Z]+(-[A-Z]+)+$/);
      for (const key of ['title', 'failureTitle', 'description'] as const) expect(meta[key].trim()).not.toBe('');
      expect(meta.docsUrl).toMatch(/^https:\/\//);
      // Manual checks may need nothing from Jira (Lighthouse's manual audits require no artifacts).
      if (!meta.manual) expect(check.requires.length).toBeGreaterThan(0);
    });

    describe('valid', () => {
      for (const c of table.valid) it(c.name, () => runCase(check, c, 'holds'));
    });
    describe('invalid', () => {
      for (const c of table.invalid) it(c.name, () => runCase(check, c, c.verdict));
    });
  });
}

function runCase(check: Check, c: CheckCase, verdict: Verdict): void {
  const input = deepFreeze(buildInput(c));
  const outcome = evaluateCheck(check, input);

  expect(outcome.verdict).toBe(verdict);
  expect(outcome.dependsOn).toBe(c.dependsOn);
  expect(outcome.severity).toBe(c.severity);

  expect(outcome.summary.trim()).not.toBe('');
  expect(outcome.summary).not.toMatch(/\n/);
  for (const t of list(c.summary)) {
    if (typeof t === 'string') expect(outcome.summary).toContain(t);
    else expect(outcome.summary).toMatch(t);
  }

  if (outcome.evidence !== undefined) expect(JSON.parse(JSON.stringify(outcome.evidence))).toEqual(outcome.evidence);
  if (c.evidence !== undefined) expect(outcome.evidence).toMatchObject(c.evidence as object);

  const steps = outcome.remediation ?? [];
  if (verdict === 'violated' || verdict === 'undecided' || verdict === 'manual') expect(steps.length).toBeGreaterThan(0);
  for (const step of steps) {
    expect(step.text.trim()).not.toBe('');
    if (step.url !== undefined) expect(step.url).toMatch(/^https?:\/\//);
  }
  const urls = steps.map((s) => s.url);
  for (const url of c.remediationUrls ?? []) expect(urls).toContain(url);
  for (const t of list(c.remediationText)) {
    const found = steps.some((s) => (typeof t === 'string' ? s.text.includes(t) : t.test(s.text)));
    if (!found) throw new Error(`no remediation step ${typeof t === 'string' ? 'contains' : 'matches'} ${String(t)}; steps: ${JSON.stringify(steps.map((s) => s.text))}`);
  }

  expect(evaluateCheck(check, input)).toEqual(outcome);
  c.assert?.(outcome, input);
}

function list<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
