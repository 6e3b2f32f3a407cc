/**
 * add-global-transitions on the demo site: HR's workflows have directed transitions
 * only. Checks fail → plan → apply as the site admin → checks pass → a second plan is
 * empty; a refused change (a caller who may not edit the workflow, a Jira validation
 * error) writes nothing and carries Jira's words.
 */
import { WORKFLOW_NAMES } from '../../dev/simulator/sites/demo-workflows';
import { addGlobalTransitions } from '../../src/fixes/add-global-transitions';
import { admin, applyAll, clientAs, demoSimulatorsPerTest, planFor, projectAdmin, runChecks, statusOf, writes } from './helpers/fix-e2e';

const CHECKS = ['WF-ANY-TO-RESOLVED', 'WF-ANY-TO-IN-PROGRESS', 'WF-ANY-TO-REOPENED'];

describe('add-global-transitions on the demo site', () => {
  const startDemo = demoSimulatorsPerTest();

  it('HR: the checks fail, the admin applies the plan, the checks pass and a second plan is empty', async () => {
    const sim = await startDemo();
    const before = await runChecks(sim);
    for (const id of CHECKS) expect(statusOf(before, id, 'HR')).not.toBe('pass');
    const otherBefore = ['WF-RESOLVE-SCREEN-ASSIGNEE', 'WF-RESOLVE-SCREEN-FIELDS'].map((id) => statusOf(before, id, 'HR'));

    const plan = planFor(addGlobalTransitions, before, ['HR']);
    expect(plan.blockers).toEqual([]);
    expect(plan.changes.map((c) => [c.target.name, (c.payload as { bucket: string }).bucket])).toEqual([
      [WORKFLOW_NAMES.hrServiceRequest, 'resolved'],
      [WORKFLOW_NAMES.hrServiceRequest, 'in_progress'],
      [WORKFLOW_NAMES.hrServiceRequest, 'new'],
      [WORKFLOW_NAMES.hrOnboarding, 'resolved'],
      [WORKFLOW_NAMES.hrOnboarding, 'in_progress'],
      [WORKFLOW_NAMES.hrOnboarding, 'new'],
    ]);
    expect(plan.changes.every((c) => c.reach.projects.map((p) => p.key).join() === 'HR')).toBe(true);

    const results = await applyAll(addGlobalTransitions, plan, clientAs(sim, admin));
    expect(results.map((r) => r.outcome)).toEqual(Array(6).fill('applied'));
    expect(results.slice(0, 3).map((r) => [r.before, r.after])).toEqual([['1', '2'], ['2', '3'], ['3', '4']]);
    // Each update was validated first, and carried the full definition at the version just read.
    expect(writes(sim, 'POST /rest/api/3/workflows/update/validation')).toHaveLength(6);
    const firstUpdate = writes(sim, 'POST /rest/api/3/workflows/update')[0]!.requestBody as { workflows: { version: { versionNumber: number }; transitions: { name: string; type: string }[] }[] };
    expect(firstUpdate.workflows[0]!.version.versionNumber).toBe(1);
    expect(firstUpdate.workflows[0]!.transitions.map((t) => t.name)).toEqual(['Create', 'Start progress', 'Respond to customer', 'Back to in progress', 'Resolve', 'Close', 'Reopen', 'Resolve (Moveworks)']);

    const after = await runChecks(sim);
    for (const id of CHECKS) expect(statusOf(after, id, 'HR')).toBe('pass');
    expect(statusOf(after, 'WF-BOT-TRANSITIONS-RESTRICTED', 'HR')).toBe('pass');
    // The new Resolve shows the screen of HR's own Resolve: the screen checks neither pass nor regress.
    expect(['WF-RESOLVE-SCREEN-ASSIGNEE', 'WF-RESOLVE-SCREEN-FIELDS'].map((id) => statusOf(after, id, 'HR'))).toEqual(otherBefore);

    const again = planFor(addGlobalTransitions, after, ['HR']);
    expect(again.changes).toEqual([]);
    expect(await applyAll(addGlobalTransitions, plan, clientAs(sim, admin))).toEqual(results.map((r) => expect.objectContaining({ changeId: r.changeId, outcome: 'unchanged' })));
  });

  it('a caller who may not edit the shared workflow is refused (Jira does not even return it to them) and nothing is written', async () => {
    const sim = await startDemo();
    const plan = planFor(addGlobalTransitions, await runChecks(sim), ['HR']);
    const [result] = await applyAll(addGlobalTransitions, { ...plan, changes: plan.changes.slice(0, 1) }, clientAs(sim, projectAdmin));
    expect(result).toMatchObject({ outcome: 'refused', message: expect.stringContaining('editing it needs Administer Jira') });
    expect(writes(sim, 'POST /rest/api/3/workflows/update/validation')).toEqual([]);
    expect(writes(sim, 'POST /rest/api/3/workflows/update')).toEqual([]);
    expect(sim.model.workflowByName(WORKFLOW_NAMES.hrServiceRequest)!.version?.versionNumber).toBe(1);
  });

  it('a Jira validation error refuses the change with Jira’s message and writes nothing', async () => {
    const sim = await startDemo((site) => {
      // A post function Jira no longer accepts, already in the workflow: Jira validates the whole definition.
      const workflow = structuredClone(site.workflowByName(WORKFLOW_NAMES.hrServiceRequest)!);
      workflow.transitions!.find((t) => t.name === 'Close')!.actions = [{ ruleKey: 'system:change-assignee', parameters: { type: 'to-nobody' } }];
      site.replaceWorkflow(workflow);
    });
    const plan = planFor(addGlobalTransitions, await runChecks(sim), ['HR']);
    const [result] = await applyAll(addGlobalTransitions, { ...plan, changes: plan.changes.slice(0, 1) }, clientAs(sim, admin));
    expect(result).toMatchObject({ outcome: 'refused', message: expect.stringContaining('Jira found the change invalid: The Change assignee post function of transition \'Close\' has no valid type.'), before: '1' });
    expect(writes(sim, 'POST /rest/api/3/workflows/update')).toEqual([]);
    expect(sim.model.workflowByName(WORKFLOW_NAMES.hrServiceRequest)!.version?.versionNumber).toBe(1);
  });
});
