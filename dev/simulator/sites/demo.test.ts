/**
 * The demo site has exactly the gaps it promises (and the ready site none of
 * them), read straight from the model so a change to the data cannot silently
 * turn the demo into a different story.
 */
import type { JiraWorkflow } from '../../../src/gather/snapshot';
import type { SiteModel } from '../model';
import { buildDemoSite, buildReadySite, DEMO_CREDENTIALS, DEMO_END_USER_GROUP, DEMO_SERVER_TIME_ZONE, FIELD_OPERATIONS, HR_MISSING_CUSTOMER_INDEXES, HR_ORGANIZATION_MEMBER_INDEXES } from './demo';
import { staffUsers } from './people';

const SA = DEMO_CREDENTIALS.serviceAccount.accountId;

function workflowsOf(model: SiteModel, key: string): JiraWorkflow[] {
  const project = model.project(key)!;
  const issueTypes = new Set(project.requestTypes.map((r) => r.issueTypeId));
  const out = new Set<JiraWorkflow>();
  for (const id of issueTypes) out.add(model.workflowFor(project, id)!);
  return [...out];
}

function category(model: SiteModel, statusId: string | undefined) {
  return statusId ? model.status(statusId)?.statusCategory : undefined;
}

function globalInto(model: SiteModel, workflow: JiraWorkflow, test: (name: string, cat: string | undefined) => boolean) {
  return (workflow.transitions ?? []).filter((t) => t.type === 'GLOBAL' && test(model.status(t.toStatusReference!)!.name!, category(model, t.toStatusReference)));
}

const isResolved = (_: string, cat: string | undefined) => cat === 'DONE';
const isReopened = (name: string, cat: string | undefined) => cat === 'TODO' && /reopen|open|to do/i.test(name);
const isInProgress = (name: string, cat: string | undefined) => cat === 'IN_PROGRESS' && !/wait|pending/i.test(name);

function screenFieldIds(model: SiteModel, screenId: string | undefined): string[] {
  const screen = screenId ? model.screen(Number(screenId)) : undefined;
  return screen ? screen.tabs.flatMap((t) => t.fields.map((f) => f.id)) : [];
}

function activeEndUsers(model: SiteModel): string[] {
  const group = model.groupByName(DEMO_END_USER_GROUP)!;
  return model.groupMembers(group.groupId).filter((id) => model.user(id)!.active);
}

/** End users who are customers neither one by one nor through one of the desk's organizations. */
function endUsersMissing(model: SiteModel, key: string): string[] {
  const project = model.project(key)!;
  const organizations = model.organizationsOf(project.id);
  return activeEndUsers(model).filter((id) => !model.isCustomer(project.id, id) && !organizations.some((o) => model.isOrganizationMember(o.id, id)));
}

describe('buildDemoSite', () => {
  const model = buildDemoSite();

  it('has dozens of users and customers and the four desks (IT, its test desk, HR, Facilities) plus a software project', () => {
    expect(model.userCount).toBeGreaterThan(50);
    expect(model.serviceDesks().map((p) => `${p.key}:${p.name}:${p.style}`)).toEqual([
      'ITSD:IT Service Desk:classic',
      'HR:HR Help Desk:classic',
      'FAC:Facilities Requests:next-gen',
      'ITSDTEST:IT Service Desk (Test):classic',
    ]);
    expect(model.customersOf(model.project('ITSD')!.id).length).toBeGreaterThan(40);
  });

  it('has a service account with product access but the wrong time zone', () => {
    const sa = model.user(SA)!;
    expect(sa).toMatchObject({ accountType: 'atlassian', active: true, email: DEMO_CREDENTIALS.serviceAccount.email, timeZone: 'America/New_York' });
    expect(model.settings.serverTimeZone).toBe(DEMO_SERVER_TIME_ZONE);
    expect(model.applicationRolesOf(SA).map((r) => r.key)).toEqual(['jira-servicedesk']);
  });

  it('ITSD is ready: team role, customers, API-only global Resolve / In progress / Reopen, screen, post functions', () => {
    const itsd = model.project('ITSD')!;
    expect(model.hasProjectRole(SA, itsd, 'Service Desk Team')).toBe(true);
    expect(endUsersMissing(model, 'ITSD')).toEqual([]);
    for (const workflow of workflowsOf(model, 'ITSD')) {
      const [resolve] = globalInto(model, workflow, isResolved);
      expect(resolve).toBeDefined();
      expect(resolve!.conditions?.conditions?.map((c) => c?.ruleKey)).toEqual(['system:restrict-from-all-users']);
      expect(screenFieldIds(model, resolve!.transitionScreen?.parameters?.screenId)).toEqual(expect.arrayContaining(['assignee', 'resolution']));
      expect(resolve!.actions?.some((a) => a?.ruleKey === 'system:update-field' && a.parameters?.field === 'resolution')).toBe(true);
      expect(globalInto(model, workflow, isInProgress)).toHaveLength(1);
      const [reopen] = globalInto(model, workflow, isReopened);
      expect(reopen!.actions).toContainEqual({ ruleKey: 'system:change-assignee', parameters: { type: 'to-unassigned' } });
    }
  });

  it('HR has the gaps: no team role, eight missing customers, directed Resolve only, no Assignee on the screen', () => {
    const hr = model.project('HR')!;
    expect(model.hasProjectRole(SA, hr, 'Service Desk Team')).toBe(false);
    const staff = staffUsers();
    expect(endUsersMissing(model, 'HR')).toEqual(HR_MISSING_CUSTOMER_INDEXES.map((i) => staff[i]!.accountId));
    expect(HR_MISSING_CUSTOMER_INDEXES.length).toBe(8);
    const [service] = workflowsOf(model, 'HR');
    expect((service!.transitions ?? []).filter((t) => t.type === 'GLOBAL')).toEqual([]);
    const resolves = (service!.transitions ?? []).filter((t) => category(model, t.toStatusReference) === 'DONE' && t.type === 'DIRECTED');
    expect(resolves.length).toBeGreaterThan(0);
    for (const t of resolves.filter((t) => t.transitionScreen)) expect(screenFieldIds(model, t.transitionScreen!.parameters!.screenId)).not.toContain('assignee');
  });

  it('HR covers four end users only through the Field Operations organization, which FAC shares', () => {
    const hr = model.project('HR')!;
    const staff = staffUsers();
    const throughOrganization = HR_ORGANIZATION_MEMBER_INDEXES.map((i) => staff[i]!.accountId);
    expect(model.organizationsOf(hr.id)).toEqual([FIELD_OPERATIONS]);
    expect(model.membersOfOrganization(FIELD_OPERATIONS.id)).toEqual([...throughOrganization].sort());
    expect(throughOrganization.some((id) => model.isCustomer(hr.id, id))).toBe(false);
    // Not customers one by one: 8 missing + 4 through the organization.
    expect(activeEndUsers(model).filter((id) => !model.isCustomer(hr.id, id))).toHaveLength(12);
    expect(model.organizationsOf(model.project('FAC')!.id)).toEqual([FIELD_OPERATIONS]);
    expect(model.organizationsOf(model.project('ITSD')!.id)).toEqual([]);
  });

  it('FAC is team-managed: its own project-scoped workflows with global transitions and no screens', () => {
    const fac = model.project('FAC')!;
    for (const workflow of workflowsOf(model, 'FAC')) {
      expect(workflow.scope).toEqual({ type: 'PROJECT', project: { id: fac.id } });
      expect((workflow.transitions ?? []).every((t) => t.transitionScreen === null)).toBe(true);
    }
    expect(fac.workflowSchemeId).toBeUndefined();
  });

  it('authenticates the demo credentials and nothing else', () => {
    for (const { email, token, accountId } of Object.values(DEMO_CREDENTIALS)) expect(model.authenticate(email, token)?.accountId).toBe(accountId);
    expect(model.authenticate(DEMO_CREDENTIALS.admin.email, DEMO_CREDENTIALS.agent.token)).toBeUndefined();
  });
});

describe('buildReadySite', () => {
  const model = buildReadySite();

  it('fixes every gap: zone, team roles, customers, global API-only Resolve with Assignee on every desk', () => {
    expect(model.user(SA)!.timeZone).toBe('America/Danmarkshavn');
    for (const desk of model.serviceDesks()) {
      expect(desk.style).toBe('classic');
      expect(model.hasProjectRole(SA, desk, 'Service Desk Team')).toBe(true);
      expect(endUsersMissing(model, desk.key)).toEqual([]);
      for (const workflow of workflowsOf(model, desk.key)) {
        const [resolve] = globalInto(model, workflow, isResolved);
        expect(resolve?.conditions?.conditions?.[0]?.ruleKey).toBe('system:restrict-from-all-users');
        const fields = screenFieldIds(model, resolve!.transitionScreen?.parameters?.screenId);
        expect(fields).toEqual(expect.arrayContaining(['assignee', 'resolution']));
        for (const validator of resolve!.validators ?? []) {
          for (const field of (validator?.parameters?.fieldsRequired ?? '').split(',').filter(Boolean)) expect(fields).toContain(field);
        }
        expect(globalInto(model, workflow, isInProgress).length).toBeGreaterThan(0);
        expect(globalInto(model, workflow, isReopened).length).toBeGreaterThan(0);
      }
    }
  });
});
