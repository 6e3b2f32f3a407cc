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
 * Every case runs through the check runner (run-check.ts), as the engine runs it, and
 * also checks what every check owes: the input is deep-frozen (evaluate is pure and
 * mutates nothing), the same input gives the same outcome, the summary is one
 * non-empty line, evidence survives JSON, every link is absolute http(s), and a violated,
 * undecided or manual outcome says what to do (at least one remediation step).
 *
 * A table does not list "Jira could not be read" cases: for every artifact the check
 * requires, describeCheck adds one that fails it (and one that leaves it ungathered)
 * and asserts the runner answers `undecided` with the endpoint, what to do and the
 * check's docs, without calling evaluate. A table lists only what the check judges.
 */
import type { EngineSettings, Severity } from '../../shared/report-model';
import type { ProjectSnapshot, SiteSnapshot } from '../../gather/snapshot';
import type { ArtifactKind } from '../../gather/artifact-kind';
import type { FetchError } from '../../shared/fetched';
import { ARTIFACTS } from '../artifacts';
import type { Check, CheckOutcome, ProjectCheckInput, SiteCheckInput, Verdict } from '../check';
import { requiredArtifacts, runCheck } from '../run-check';
import { failed, project as buildProject, settings as buildSettings, site as buildSite } from './snapshot-builder';

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

/** Runs a check on an input through the check runner, as the engine does; site checks ignore `project`. */
export function evaluateCheck(check: Check, input: ProjectCheckInput): CheckOutcome {
  return runCheck(check, input);
}

const REFUSED_GROUP = 'it-end-users';

/** The case that fails (or, with `error` undefined, leaves ungathered) one artifact of the ready site. */
export function artifactCase(kind: ArtifactKind, error: FetchError | undefined): CheckCase {
  const value = error ? failed(error.kind, error.endpoint, error.status, error.message) : undefined;
  const name = `${kind} ${error ? `fails (${error.kind})` : 'was not gathered'}`;
  const onProject = (field: keyof ProjectSnapshot): CheckCase => ({ name, project: { [field]: value } as Partial<ProjectSnapshot> });
  switch (kind) {
    case 'serverInfo':
    case 'serviceAccount':
    case 'serviceAccountSelf':
    case 'screens':
    case 'workflowGroups':
    case 'fields':
    case 'resolutions':
      // Records (screens, workflow groups) fail item by item; as a whole they can only be missing.
      if (kind === 'fields') return { name, site: { fieldNames: value } as Partial<SiteSnapshot> };
      return { name, site: { [kind]: kind === 'screens' || kind === 'workflowGroups' ? undefined : value } as Partial<SiteSnapshot> };
    case 'endUserGroups':
      return { name, settings: { endUserGroups: [REFUSED_GROUP] }, site: { endUserGroups: value ? { [REFUSED_GROUP]: value } : {} } };
    case 'projectRoles':
      return onProject('roles');
    case 'workflows':
      return onProject('workflowByIssueType');
    default:
      return onProject(kind);
  }
}

/** A check whose evaluate must not be reached: the runner answers first. */
function unreachable(check: Check): Check {
  return {
    ...check,
    evaluate: () => {
      throw new Error(`${check.meta.id}'s evaluate was called with an artifact it requires missing or failed`);
    },
  } as Check;
}

function describeRunnerCases(check: Check): void {
  describe('through the runner', () => {
    for (const kind of requiredArtifacts(check)) {
      const info = ARTIFACTS[kind];
      const owner = info.owner && info.owner !== check.meta.id ? info.owner : undefined;
      if (kind !== 'screens' && kind !== 'workflowGroups') {
        const error: FetchError = { kind: 'forbidden', status: 403, endpoint: info.endpoint.split(', ')[0]!, message: 'You do not have permission to view this.' };
        it(`${kind} that Jira refused is error naming the endpoint, the permission and the docs, before evaluate`, () => {
          const outcome = runCheck(unreachable(check), deepFreeze(buildInput(artifactCase(kind, error))));
          expect(outcome.verdict).toBe('undecided');
          expect(outcome.summary).toContain(error.endpoint);
          expect(outcome.summary).toContain('403');
          expect(outcome.dependsOn).toBe(owner);
          const texts = (outcome.remediation ?? []).map((s) => s.text).join('\n');
          expect(texts).toContain(info.permission);
          expect((outcome.remediation ?? []).map((s) => s.url)).toContain(check.meta.docsUrl);
        });
      }
      if (kind === 'serviceAccount' || kind === 'serverInfo') continue; // always gathered when configured / always read
      it(`${kind} that was not gathered is error naming it, before evaluate`, () => {
        const outcome = runCheck(unreachable(check), deepFreeze(buildInput(artifactCase(kind, undefined))));
        expect(outcome.verdict).toBe('undecided');
        expect(outcome.summary).toContain(`(${kind})`);
        expect(outcome.summary).toContain('was not judged');
      });
    }
    if (check.meta.scope === 'project') {
      it('an unreadable project is error with the reason, before evaluate', () => {
        const unavailable: FetchError = { kind: 'not_found', status: 404, endpoint: 'GET /rest/servicedeskapi/servicedesk', message: 'The project was deleted.' };
        const outcome = runCheck(unreachable(check), deepFreeze(buildInput({ name: 'unavailable', project: { unavailable } })));
        expect(outcome.verdict).toBe('undecided');
        expect(outcome.summary).toContain('project IT');
        expect(outcome.summary).toContain('The project was deleted');
        expect((outcome.remediation ?? []).length).toBeGreaterThan(0);
      });
    }
  });
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
    describeRunnerCases(check);
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
