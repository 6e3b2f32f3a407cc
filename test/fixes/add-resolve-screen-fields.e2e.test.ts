/**
 * add-resolve-screen-fields on the demo site: Assignee is missing from HR's Resolve
 * screen and Start date (required on completion) from the onboarding screen. Checks
 * fail → plan → apply as the site admin → checks pass → a second plan is empty; a
 * Resolve transition without a screen gets one; team-managed Facilities is a blocker;
 * refusals carry Jira's words and write nothing they should not.
 */
import { SCREEN, WORKFLOW_NAMES } from '../../dev/simulator/sites/demo-workflows';
import { addResolveScreenFields } from '../../src/fixes/add-resolve-screen-fields';
import { admin, applyAll, clientAs, demoSimulatorsPerTest, planFor, projectAdmin, runChecks, statusOf, writes } from './helpers/fix-e2e';

const CHECKS = ['WF-RESOLVE-SCREEN-ASSIGNEE', 'WF-RESOLVE-SCREEN-FIELDS'];
const ADD_FIELD = 'POST /rest/api/3/screens/{screenId}/tabs/{tabId}/fields';

describe('add-resolve-screen-fields on the demo site', () => {
  const startDemo = demoSimulatorsPerTest();

  it('HR: Assignee and Start date go on the screens, the checks pass and a second plan is empty', async () => {
    const sim = await startDemo();
    const before = await runChecks(sim);
    for (const id of CHECKS) expect(statusOf(before, id, 'HR')).toBe('fail');
    // The check names the missing field as admins know it, though no screen shows it yet.
    const fieldsCheck = before.report.projects.find((p) => p.key === 'HR')!.checks.find((c) => c.id === 'WF-RESOLVE-SCREEN-FIELDS')!;
    expect(fieldsCheck.summary).toContain('Start date');
    expect(JSON.stringify(fieldsCheck.evidence)).toContain('"name":"Start date"');

    const plan = planFor(addResolveScreenFields, before, ['HR']);
    expect(plan.blockers).toEqual([]);
    // With no global Resolve, every transition into Resolved / Closed is a Resolve: HR's "Close" too, which shows no screen.
    const close = sim.model.workflowByName(WORKFLOW_NAMES.hrServiceRequest)!.transitions!.find((t) => t.name === 'Close')!;
    expect(plan.changes.map((c) => [c.id, (c.payload as { fieldIds: string[] }).fieldIds])).toEqual([
      [`screen:${SCREEN.hrResolve}:fields`, ['assignee']],
      [`screen:${SCREEN.hrOnboardingDone}:fields`, ['customfield_10060']],
      [`workflow:${sim.model.workflowByName(WORKFLOW_NAMES.hrServiceRequest)!.id}:screen:${close.id}`, ['assignee', 'resolution']],
    ]);
    // Start date is on no screen yet: the site's field list names it.
    expect(plan.changes[1]!.summary).toMatch(/^Add Start date to screen “HR: Onboarding Complete Screen”/);

    const results = await applyAll(addResolveScreenFields, plan, clientAs(sim, admin));
    expect(results.map((r) => [r.outcome, r.itemsDone])).toEqual([['applied', 1], ['applied', 1], ['applied', 2]]);
    expect(writes(sim, ADD_FIELD).map((r) => r.requestBody)).toEqual([{ fieldId: 'assignee' }, { fieldId: 'customfield_10060' }, { fieldId: 'assignee' }, { fieldId: 'resolution' }]);

    const after = await runChecks(sim);
    for (const id of CHECKS) expect(statusOf(after, id, 'HR')).toBe('pass');
    expect(planFor(addResolveScreenFields, after, ['HR']).changes).toEqual([]);
    expect((await applyAll(addResolveScreenFields, plan, clientAs(sim, admin))).map((r) => r.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(writes(sim, ADD_FIELD)).toHaveLength(4);
  });

  it('a Resolve transition without a screen gets a new one with the fields of Jira’s Resolve Issue Screen, attached by a workflow update', async () => {
    const sim = await startDemo((site) => {
      site.addScreen({ id: 3, name: 'Resolve Issue Screen', tabs: [{ id: 3, name: 'Field Tab', fields: [{ id: 'resolution', name: 'Resolution' }, { id: 'fixVersions', name: 'Fix versions' }, { id: 'assignee', name: 'Assignee' }] }] });
      const workflow = structuredClone(site.workflowByName(WORKFLOW_NAMES.hrServiceRequest)!);
      workflow.transitions!.find((t) => t.name === 'Resolve')!.transitionScreen = null;
      site.replaceWorkflow(workflow);
    });
    const before = await runChecks(sim);
    const plan = planFor(addResolveScreenFields, before, ['HR']);
    const created = plan.changes.find((c) => c.target.kind === 'workflow')!;
    expect(created.summary).toBe(`Create the screen “${WORKFLOW_NAMES.hrServiceRequest}: Resolve screen (Moveworks)” with Assignee, Resolution and show it on transition “Resolve” of workflow “${WORKFLOW_NAMES.hrServiceRequest}”`);

    const results = await applyAll(addResolveScreenFields, plan, clientAs(sim, admin));
    expect(results.map((r) => `${r.outcome}: ${r.message}`)).toEqual(results.map(() => expect.stringMatching(/^applied: /)));
    const screen = sim.model.allScreens().find((s) => s.name === `${WORKFLOW_NAMES.hrServiceRequest}: Resolve screen (Moveworks)`)!;
    expect(screen.tabs.flatMap((t) => t.fields.map((f) => f.id))).toEqual(['resolution', 'fixVersions', 'assignee']);
    const resolve = sim.model.workflowByName(WORKFLOW_NAMES.hrServiceRequest)!.transitions!.find((t) => t.name === 'Resolve')!;
    expect(resolve.transitionScreen).toEqual({ ruleKey: 'system:transition-screen', parameters: { screenId: String(screen.id) } });

    const after = await runChecks(sim);
    for (const id of CHECKS) expect(statusOf(after, id, 'HR')).toBe('pass');
    expect(planFor(addResolveScreenFields, after, ['HR']).changes).toEqual([]);
    expect(await addResolveScreenFields.apply(created, clientAs(sim, admin))).toMatchObject({ outcome: 'unchanged' });
    // One new screen each for Resolve and for Close (also into a Resolved / Closed status, also screenless); none on re-apply.
    expect(writes(sim, 'POST /rest/api/3/screens')).toHaveLength(2);
  });

  it('team-managed Facilities: the plan explains what the API cannot do instead of changing anything', async () => {
    const sim = await startDemo();
    const plan = planFor(addResolveScreenFields, await runChecks(sim), ['FAC']);
    expect(plan.changes).toEqual([]);
    expect(plan.blockers.map((b) => b.reason)).toEqual([expect.stringContaining('Jira’s API cannot give a team-managed workflow transition screens'), expect.stringContaining('team-managed')]);
  });

  it('a caller who is not a Jira administrator is refused in Jira’s words and nothing is written', async () => {
    const sim = await startDemo();
    const plan = planFor(addResolveScreenFields, await runChecks(sim), ['HR']);
    const [result] = await applyAll(addResolveScreenFields, { ...plan, changes: plan.changes.slice(0, 1) }, clientAs(sim, projectAdmin));
    expect(result).toMatchObject({ outcome: 'refused', message: 'You do not have permission to access screens.' });
    expect(writes(sim, ADD_FIELD)).toEqual([]);
  });

  it('a field Jira does not know is refused in Jira’s words; the other fields are still added', async () => {
    const sim = await startDemo((site) => {
      const workflow = structuredClone(site.workflowByName(WORKFLOW_NAMES.hrServiceRequest)!);
      workflow.transitions!.find((t) => t.name === 'Resolve')!.validators = [{ ruleKey: 'system:validate-field-value', parameters: { ruleType: 'fieldRequired', fieldsRequired: 'customfield_99999' } }];
      site.replaceWorkflow(workflow);
    });
    const plan = planFor(addResolveScreenFields, await runChecks(sim), ['HR']);
    const [result] = await applyAll(addResolveScreenFields, { ...plan, changes: plan.changes.slice(0, 1) }, clientAs(sim, admin));
    expect(result).toMatchObject({ outcome: 'applied', itemsDone: 1, itemsFailed: 1, message: expect.stringContaining('The field with id customfield_99999 does not exist.') });
    expect(sim.model.screen(SCREEN.hrResolve)!.tabs[0]!.fields.map((f) => f.id)).toEqual(['resolution', 'customfield_10050', 'assignee']);
  });
});
