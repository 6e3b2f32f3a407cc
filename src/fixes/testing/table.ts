/// <reference types="jest" />
/**
 * Table tests for fixes' plans, like requirements/testing/table.ts for checks. Each
 * case starts from the builders' ready site (snapshot-builder.ts) and changes it in
 * one place (`site`, `projects`, `settings`, `caller`), then says what the plan holds:
 * the change ids, text its summary and blockers must contain, and anything else in
 * `assert`.
 *
 * Every case also checks what every plan owes: the input is deep-frozen (plan is pure),
 * the same input gives the same plan, change ids are unique, every change reaches at
 * least one project and carries a JSON-serialisable payload, and every blocker says why.
 */
import type { EngineSettings } from '../../shared/report-model';
import type { ProjectSnapshot, SiteSnapshot } from '../../gather/snapshot';
import { project as buildProject, settings as buildSettings, site as buildSite } from '../../requirements/testing/snapshot-builder';
import type { Fix, FixPlan, FixPlanInput } from '../fix';

type Text = string | RegExp;

export interface FixPlanCase {
  name: string;
  site?: Partial<SiteSnapshot>;
  /** The desks planned for (default: the builders' one ready desk). */
  projects?: Partial<ProjectSnapshot>[];
  settings?: Partial<EngineSettings>;
  /** Default: a Jira administrator. */
  caller?: FixPlanInput['caller'];
  /** The plan's change ids, in order. */
  changes: string[];
  /** Text some blocker must contain / match, in order; omitted: no blockers. */
  blockers?: Text[];
  summary?: Text;
  assert?: (plan: FixPlan, input: FixPlanInput) => void;
}

export const SITE_ADMIN: FixPlanInput['caller'] = { isSiteAdmin: true, administersProjects: [] };

export function buildPlanInput(c: Omit<FixPlanCase, 'name' | 'changes'>): FixPlanInput {
  const projects = (c.projects ?? [{}]).map((p) => buildProject(p));
  return {
    snapshot: buildSite({ projects, ...c.site }),
    settings: buildSettings(c.settings),
    projects,
    caller: c.caller ?? SITE_ADMIN,
  };
}

const matches = (text: string, t: Text) => (typeof t === 'string' ? text.includes(t) : t.test(text));

export function describeFixPlan(fix: Fix, cases: FixPlanCase[]): void {
  describe(`${fix.meta.id} plan`, () => {
    it('has complete meta', () => {
      expect(fix.meta.id).toMatch(/^[a-z]+(-[a-z]+)+$/);
      expect(fix.meta.title.trim()).not.toBe('');
      expect(fix.meta.description.trim()).not.toBe('');
      expect(fix.meta.resolves.length).toBeGreaterThan(0);
      expect(fix.meta.scopes.length).toBeGreaterThan(0);
      expect(fix.requires.length).toBeGreaterThan(0);
    });
    for (const c of cases) {
      it(c.name, () => {
        const input = deepFreeze(buildPlanInput(c));
        const plan = fix.plan(input);
        expect(plan.fixId).toBe(fix.meta.id);
        expect(plan.changes.map((ch) => ch.id)).toEqual(c.changes);
        expect(fix.plan(input)).toEqual(plan);
        expect(new Set(plan.changes.map((ch) => ch.id)).size).toBe(plan.changes.length);
        for (const change of plan.changes) {
          expect(change.summary.trim()).not.toBe('');
          expect(change.reach.projects.length).toBeGreaterThan(0);
          expect(change.items).toBeGreaterThan(0);
          expect(JSON.parse(JSON.stringify(change.payload))).toEqual(change.payload);
        }
        const blockers = c.blockers ?? [];
        expect(plan.blockers).toHaveLength(blockers.length);
        blockers.forEach((t, i) => {
          expect(plan.blockers[i]!.reason.trim()).not.toBe('');
          expect(matches(plan.blockers[i]!.reason, t)).toBe(true);
        });
        if (c.summary !== undefined) expect(matches(plan.summary ?? '', c.summary)).toBe(true);
        if (plan.changes.length === 0) expect(plan.summary).toBeUndefined();
        c.assert?.(plan, input);
      });
    }
  });
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}
