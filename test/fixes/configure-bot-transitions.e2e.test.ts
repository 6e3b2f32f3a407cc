/**
 * configure-bot-transitions on the demo site: team-managed Facilities has global
 * transitions people can see, that neither set Resolution nor unassign; HR's Reopen
 * keeps the assignee and its Close sets no Resolution, and onboarding has no Reopen
 * at all until the global-transitions fix adds one. Checks fail → plan → apply as
 * the site admin → checks pass → a second plan is empty.
 */
import { WORKFLOW_NAMES } from '../../dev/simulator/sites/demo-workflows';
import { addGlobalTransitions } from '../../src/fixes/add-global-transitions';
import { gatherSnapshot } from '../../src/gather/gather-snapshot';
import { configureBotTransitions, type BotRulePayload } from '../../src/fixes/configure-bot-transitions';
import { admin, applyAll, clientAs, demoSimulatorsPerTest, planFor, runChecks, SETTINGS, SITE_ADMIN, statusOf } from './helpers/fix-e2e';

const CHECKS = ['WF-RESOLVE-SETS-RESOLUTION', 'WF-REOPEN-UNASSIGNS', 'WF-BOT-TRANSITIONS-RESTRICTED'];

describe('configure-bot-transitions on the demo site', () => {
  const startDemo = demoSimulatorsPerTest();

  it('HR: a workflow with no Reopen transition is a blocker naming the fix that adds one; after that fix, this one completes the checks', async () => {
    const sim = await startDemo();
    const plan = planFor(configureBotTransitions, await runChecks(sim), ['HR']);
    expect(plan.blockers.map((b) => b.reason)).toEqual([expect.stringContaining(`“${WORKFLOW_NAMES.hrOnboarding}” has no Reopen transition`)]);
    await applyAll(addGlobalTransitions, planFor(addGlobalTransitions, await runChecks(sim), ['HR']), clientAs(sim, admin));
    const between = await runChecks(sim);
    expect(statusOf(between, 'WF-REOPEN-UNASSIGNS', 'HR')).not.toBe('pass');
    const second = planFor(configureBotTransitions, between, ['HR']);
    expect(second.blockers).toEqual([]);
    expect((await applyAll(configureBotTransitions, second, clientAs(sim, admin))).map((r) => r.outcome)).toEqual(second.changes.map(() => 'applied'));
    const after = await runChecks(sim);
    for (const id of CHECKS) expect([id, statusOf(after, id, 'HR')]).toEqual([id, 'pass']);
    expect(planFor(configureBotTransitions, after, ['HR']).changes).toEqual([]);
  });

  it.each([['FAC', CHECKS]])('%s (team-managed): the checks fail, the admin applies the plan, the checks pass and a second plan is empty', async (key, checks) => {
    const sim = await startDemo();
    const before = await runChecks(sim);
    for (const id of checks) expect([id, statusOf(before, id, key)]).not.toEqual([id, 'pass']);
    const plan = planFor(configureBotTransitions, before, [key]);
    expect(plan.blockers).toEqual([]);
    expect(plan.changes.length).toBeGreaterThan(0);
    const results = await applyAll(configureBotTransitions, plan, clientAs(sim, admin));
    expect(results.map((r) => `${r.outcome}: ${r.message}`)).toEqual(results.map(() => expect.stringMatching(/^applied: /)));
    const after = await runChecks(sim);
    for (const id of checks) expect([id, statusOf(after, id, key)]).toEqual([id, 'pass']);
    expect(planFor(configureBotTransitions, after, [key]).changes).toEqual([]);
    expect((await applyAll(configureBotTransitions, plan, clientAs(sim, admin))).every((r) => r.outcome === 'unchanged')).toBe(true);
  });
});

describe('configure-bot-transitions planned for one desk, as the app plans it', () => {
  const startDemo = demoSimulatorsPerTest();

  it('FAC alone (no workflow read sets Resolution): Resolution is set to the site’s default resolution, Done, and the checks pass', async () => {
    const sim = await startDemo();
    // The resolvers gather only the desk being fixed, with what the fix requires: ITSD's workflows, which set Resolution, are not read.
    const snapshot = await gatherSnapshot(clientAs(sim, admin), { ...SETTINGS, projectKeys: ['FAC'] }, { requires: configureBotTransitions.requires });
    expect(Object.keys(snapshot.workflows).every((name) => name.startsWith('FAC'))).toBe(true);
    const plan = configureBotTransitions.plan({ snapshot, settings: SETTINGS, projects: snapshot.projects, caller: SITE_ADMIN });
    expect(plan.blockers).toEqual([]);
    const resolution = plan.changes.filter((c) => (c.payload as BotRulePayload).kind === 'resolution');
    expect(resolution.length).toBeGreaterThan(0);
    for (const c of resolution) {
      expect((c.payload as BotRulePayload).rule).toEqual({ ruleKey: 'system:update-field', parameters: { field: 'resolution', value: '10000', mode: 'replace' } });
      expect(c.summary).toContain('Set Resolution to “Done” (the site’s default resolution)');
    }
    expect((await applyAll(configureBotTransitions, plan, clientAs(sim, admin))).map((r) => r.outcome)).toEqual(plan.changes.map(() => 'applied'));
    const after = await runChecks(sim);
    for (const id of CHECKS) expect([id, statusOf(after, id, 'FAC')]).toEqual([id, 'pass']);
  });
});
