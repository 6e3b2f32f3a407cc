/**
 * The simulated Jira Cloud site: users, groups, projects, service desks and their
 * organizations, workflows, screens. Every lookup a request needs is a Map, so a
 * site of 200 desks and 20,000 users answers as cheaply as the demo site. Route
 * handlers read it; the write endpoints (customers, role actors, issues) change it
 * through the methods here.
 */
import type { JiraWorkflow, JiraWorkflowStatus } from '../../src/gather/snapshot';

export type AccountType = 'atlassian' | 'app' | 'customer';

export interface SimUser {
  accountId: string;
  accountType: AccountType;
  active: boolean;
  displayName: string;
  email?: string;
  /** Profile visibility: Jira then omits emailAddress for everyone but the user. */
  emailHidden?: boolean;
  /** Unset means the user never chose one: Jira answers the site default. */
  timeZone?: string;
  /** Profile visibility: Jira then answers the site default for everyone but the user. */
  timeZoneHidden?: boolean;
  locale?: string;
}

export interface SimGroup {
  groupId: string;
  name: string;
}

export interface ApplicationRoleDef {
  key: string;
  name: string;
  /** Membership of any of these groups grants the role (Jira's product access). */
  groupIds: string[];
  /** The groups Jira names as the role's default groups; all of `groupIds` when unset. */
  defaultGroupIds?: string[];
}

export type SimRoleActor = { type: 'user'; accountId: string; actorId: number } | { type: 'group'; groupId: string; actorId: number };

export interface SimProjectRole {
  id: number;
  name: string;
  description: string;
  actors: SimRoleActor[];
}

export interface SimIssueType {
  id: string;
  name: string;
  description?: string;
  /** Team-managed issue types belong to one project. */
  projectId?: string;
}

export interface SimRequestType {
  id: string;
  name: string;
  description: string;
  issueTypeId: string;
}

export type ProjectStyleKey = 'classic' | 'next-gen';

export interface SimProject {
  id: string;
  key: string;
  name: string;
  style: ProjectStyleKey;
  projectTypeKey: 'service_desk' | 'software' | 'business';
  serviceDeskId?: string;
  leadAccountId?: string;
  roles: SimProjectRole[];
  requestTypes: SimRequestType[];
  /** Issue types available in the project (request types point at some of them). */
  issueTypeIds: string[];
  /** Company-managed: the scheme that maps issue types to workflows. */
  workflowSchemeId?: number;
  /** Team-managed: issue type id → workflow id, kept by the project itself. */
  teamManagedWorkflows?: Record<string, string>;
}

/** A JSM organization: a named set of customers that can be associated with desks. */
export interface SimOrganization {
  id: string;
  name: string;
}

export interface SimWorkflowScheme {
  id: number;
  name: string;
  description: string;
  defaultWorkflow: string;
  /** issue type id → workflow name */
  issueTypeMappings: Record<string, string>;
}

export interface SimScreenField {
  id: string;
  name: string;
}

/** A resolution value of the site (Jira's own, site-wide); one of them is the default. */
export interface SimResolution {
  id: string;
  name: string;
  description: string;
  isDefault?: boolean;
}

/** The resolutions a new Jira Cloud site has, Done the default. */
export const JIRA_DEFAULT_RESOLUTIONS: readonly SimResolution[] = [
  { id: '10000', name: 'Done', description: 'Work has been completed on this issue.', isDefault: true },
  { id: '10001', name: "Won't Do", description: 'This issue won\'t be actioned.' },
  { id: '10002', name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
  { id: '10003', name: 'Cannot Reproduce', description: 'All attempts at reproducing this issue failed, or not enough information was available to reproduce the issue.' },
];

export interface SimScreenTab {
  id: number;
  name: string;
  fields: SimScreenField[];
}

export interface SimScreen {
  id: number;
  name: string;
  description?: string;
  tabs: SimScreenTab[];
}

export interface SimIssue {
  id: string;
  key: string;
  projectId: string;
  issueTypeId: string;
  summary: string;
  description?: unknown;
  reporterAccountId: string;
  assigneeAccountId?: string;
  created: string;
  fields: Record<string, unknown>;
}

export interface SiteSettings {
  title: string;
  /** serverInfo.serverTimeZone, and what /user answers when a zone is hidden or unset unless defaultUserTimeZone says otherwise. */
  serverTimeZone: string;
  /**
   * The site's default user time zone, which /user answers in place of a hidden or
   * unset zone. Jira does not document that it equals serverTimeZone, so a site can
   * set it apart to prove the app never compares the two.
   */
  defaultUserTimeZone?: string;
}

export class SiteModel {
  readonly settings: SiteSettings;

  private readonly users = new Map<string, SimUser>();
  private readonly usersByEmail = new Map<string, SimUser>();
  private readonly groups = new Map<string, SimGroup>();
  private readonly groupsByName = new Map<string, SimGroup>();
  /** groupId → members in insertion order (Jira pages them in a stable order). */
  private readonly members = new Map<string, string[]>();
  private readonly memberSets = new Map<string, Set<string>>();
  private readonly userGroupIds = new Map<string, Set<string>>();
  readonly applicationRoles: ApplicationRoleDef[] = [];
  /** Groups holding the ADMINISTER global permission (jira-admins, site-admins). */
  readonly adminGroupIds = new Set<string>();

  private readonly projects = new Map<string, SimProject>();
  private readonly projectsByKey = new Map<string, SimProject>();
  private readonly projectsByDesk = new Map<string, SimProject>();
  private readonly projectOrder: SimProject[] = [];
  /** projectId → customer accountIds in the order they were added. */
  private readonly customers = new Map<string, string[]>();
  private readonly customerSets = new Map<string, Set<string>>();
  /** How many desks share a customer list (copy-on-write, see shareCustomers). */
  private readonly customerListUsers = new WeakMap<string[], number>();

  private readonly organizations = new Map<string, SimOrganization>();
  /** organizationId → member accountIds. */
  private readonly organizationMembers = new Map<string, Set<string>>();
  /** projectId → ids of the organizations associated with its desk, in the order they were associated. */
  private readonly deskOrganizations = new Map<string, string[]>();

  private readonly issueTypes = new Map<string, SimIssueType>();
  private readonly statuses = new Map<string, JiraWorkflowStatus>();
  private readonly workflows = new Map<string, JiraWorkflow>();
  private readonly workflowsByName = new Map<string, JiraWorkflow>();
  private readonly workflowSchemes = new Map<number, SimWorkflowScheme>();
  private readonly screens = new Map<number, SimScreen>();
  /** The site's fields by id: those on any screen, those workflow rules name, and any added. */
  private readonly fields = new Map<string, SimScreenField>();
  private resolutions: SimResolution[] = JIRA_DEFAULT_RESOLUTIONS.map((r) => ({ ...r }));
  private readonly issues = new Map<string, SimIssue>();
  private readonly issuesById = new Map<string, SimIssue>();
  private readonly issueCounters = new Map<string, number>();
  private nextIssueId = 20000;
  private nextActorId = 30000;

  /** API token → accountId. Tokens are fake and only ever compared, never logged. */
  private readonly apiTokens = new Map<string, string>();

  constructor(settings: SiteSettings) {
    this.settings = { ...settings };
  }

  // ---- users and groups ----------------------------------------------------

  addUser(user: SimUser): SimUser {
    if (this.users.has(user.accountId)) throw new Error(`Duplicate accountId ${user.accountId}`);
    const stored = { ...user };
    this.users.set(stored.accountId, stored);
    if (stored.email) this.usersByEmail.set(stored.email.toLowerCase(), stored);
    return stored;
  }

  user(accountId: string): SimUser | undefined {
    return this.users.get(accountId);
  }

  userByEmail(email: string): SimUser | undefined {
    return this.usersByEmail.get(email.toLowerCase());
  }

  allUsers(): IterableIterator<SimUser> {
    return this.users.values();
  }

  get userCount(): number {
    return this.users.size;
  }

  addGroup(group: SimGroup): SimGroup {
    const stored = { ...group };
    this.groups.set(stored.groupId, stored);
    this.groupsByName.set(stored.name.toLowerCase(), stored);
    this.members.set(stored.groupId, []);
    this.memberSets.set(stored.groupId, new Set());
    return stored;
  }

  group(groupId: string): SimGroup | undefined {
    return this.groups.get(groupId);
  }

  /** Jira group names are case-insensitive. */
  groupByName(name: string): SimGroup | undefined {
    return this.groupsByName.get(name.toLowerCase());
  }

  allGroups(): IterableIterator<SimGroup> {
    return this.groups.values();
  }

  addToGroup(groupId: string, accountIds: Iterable<string>): void {
    const list = this.members.get(groupId);
    const set = this.memberSets.get(groupId);
    if (!list || !set) throw new Error(`Unknown group ${groupId}`);
    for (const accountId of accountIds) {
      if (!this.users.has(accountId)) throw new Error(`Unknown user ${accountId}`);
      if (set.has(accountId)) continue;
      set.add(accountId);
      list.push(accountId);
      let mine = this.userGroupIds.get(accountId);
      if (!mine) this.userGroupIds.set(accountId, (mine = new Set()));
      mine.add(groupId);
    }
  }

  /** Takes accounts out of a group (a site whose service account lost product access). */
  removeFromGroup(groupId: string, accountIds: Iterable<string>): void {
    const list = this.members.get(groupId);
    const set = this.memberSets.get(groupId);
    if (!list || !set) throw new Error(`Unknown group ${groupId}`);
    for (const accountId of accountIds) {
      if (!set.delete(accountId)) continue;
      list.splice(list.indexOf(accountId), 1);
      this.userGroupIds.get(accountId)?.delete(groupId);
    }
  }

  groupMembers(groupId: string): readonly string[] {
    return this.members.get(groupId) ?? [];
  }

  isMember(accountId: string, groupId: string): boolean {
    return this.memberSets.get(groupId)?.has(accountId) ?? false;
  }

  groupsOf(accountId: string): SimGroup[] {
    const ids = this.userGroupIds.get(accountId);
    if (!ids) return [];
    return [...ids].map((id) => this.groups.get(id)!).sort((a, b) => a.name.localeCompare(b.name));
  }

  applicationRolesOf(accountId: string): ApplicationRoleDef[] {
    const mine = this.userGroupIds.get(accountId);
    if (!mine) return [];
    return this.applicationRoles.filter((role) => role.groupIds.some((id) => mine.has(id)));
  }

  addApplicationRole(role: ApplicationRoleDef): void {
    this.applicationRoles.push({ ...role, groupIds: [...role.groupIds], ...(role.defaultGroupIds ? { defaultGroupIds: [...role.defaultGroupIds] } : {}) });
  }

  applicationRole(key: string): ApplicationRoleDef | undefined {
    return this.applicationRoles.find((role) => role.key === key);
  }

  // ---- credentials and permissions ------------------------------------------

  setApiToken(accountId: string, token: string): void {
    if (!this.users.has(accountId)) throw new Error(`Unknown user ${accountId}`);
    this.apiTokens.set(token, accountId);
  }

  /** Basic auth as Jira Cloud does it: the e-mail of a site user plus one of their API tokens. */
  authenticate(email: string, token: string): SimUser | undefined {
    const accountId = this.apiTokens.get(token);
    if (!accountId) return undefined;
    const user = this.users.get(accountId);
    if (!user || !user.active || user.email?.toLowerCase() !== email.toLowerCase()) return undefined;
    return user;
  }

  isSiteAdmin(accountId: string): boolean {
    const mine = this.userGroupIds.get(accountId);
    if (!mine) return false;
    for (const id of this.adminGroupIds) if (mine.has(id)) return true;
    return false;
  }

  /**
   * The "Browse users and groups" global permission (USER_PICKER). The simulated
   * sites grant it to the admins and to the groups that give product access; other
   * staff, portal customers and apps lack it, so their user searches come back empty.
   */
  canBrowseUsers(accountId: string): boolean {
    if (this.isSiteAdmin(accountId)) return true;
    const mine = this.userGroupIds.get(accountId);
    if (!mine) return false;
    return this.applicationRoles.some((role) => role.groupIds.some((id) => mine.has(id)));
  }

  /** Holds the role in the project directly or through one of its groups. */
  hasProjectRole(accountId: string, project: SimProject, roleName: string): boolean {
    const role = project.roles.find((r) => r.name === roleName);
    if (!role) return false;
    return role.actors.some((actor) => (actor.type === 'user' ? actor.accountId === accountId : this.isMember(accountId, actor.groupId)));
  }

  isProjectAdmin(accountId: string, project: SimProject): boolean {
    return this.isSiteAdmin(accountId) || this.hasProjectRole(accountId, project, 'Administrators');
  }

  isAgent(accountId: string, project: SimProject): boolean {
    return this.isProjectAdmin(accountId, project) || this.hasProjectRole(accountId, project, 'Service Desk Team');
  }

  // ---- projects, desks, customers -------------------------------------------

  addProject(project: SimProject): SimProject {
    assertDistinctDeskIds(project, this.projects, this.projectsByDesk);
    const stored: SimProject = { ...project, roles: project.roles.map((r) => ({ ...r, actors: [...r.actors] })) };
    this.projects.set(stored.id, stored);
    this.projectsByKey.set(stored.key.toUpperCase(), stored);
    if (stored.serviceDeskId) this.projectsByDesk.set(stored.serviceDeskId, stored);
    this.projectOrder.push(stored);
    this.customers.set(stored.id, []);
    this.customerSets.set(stored.id, new Set());
    return stored;
  }

  /** By id or key, as every `{projectIdOrKey}` path parameter is read. */
  project(idOrKey: string): SimProject | undefined {
    return this.projects.get(idOrKey) ?? this.projectsByKey.get(idOrKey.toUpperCase());
  }

  projectByDesk(serviceDeskId: string): SimProject | undefined {
    return this.projectsByDesk.get(serviceDeskId);
  }

  /**
   * The desk a JSM `{serviceDeskId}` path parameter names. JSM documents exactly these
   * forms: the desk id, `serviceDeskId:<desk id>`, `projectId:<project id>`,
   * `projectKey:<key>` and the bare key. A bare number is a desk id and nothing else,
   * so a project id sent bare names no desk; prefixes and keys are read as spelled.
   */
  deskByIdentifier(identifier: string): SimProject | undefined {
    const labelled = /^(serviceDeskId|projectId|projectKey):(.+)$/.exec(identifier);
    const [form, value] = labelled ? [labelled[1], labelled[2]!] : [/^\d+$/.test(identifier) ? 'serviceDeskId' : 'projectKey', identifier];
    let project: SimProject | undefined;
    if (form === 'serviceDeskId') project = /^\d+$/.test(value) ? this.projectsByDesk.get(value) : undefined;
    else if (form === 'projectId') project = /^\d+$/.test(value) ? this.projects.get(value) : undefined;
    else project = this.projectsByKey.get(value.toUpperCase());
    if (form === 'projectKey' && project?.key !== value) return undefined;
    return project?.serviceDeskId === undefined ? undefined : project;
  }

  allProjects(): readonly SimProject[] {
    return this.projectOrder;
  }

  serviceDesks(): SimProject[] {
    return this.projectOrder.filter((p) => p.serviceDeskId !== undefined);
  }

  /** Adds accounts as customers; already-present ones are skipped, as JSM does. Returns how many were new. */
  addCustomers(projectId: string, accountIds: Iterable<string>): number {
    const { list, set } = this.ownCustomers(projectId);
    let added = 0;
    for (const accountId of accountIds) {
      if (set.has(accountId)) continue;
      if (!this.users.has(accountId)) throw new Error(`Unknown user ${accountId}`);
      set.add(accountId);
      list.push(accountId);
      added++;
    }
    return added;
  }

  /**
   * Gives a desk the same customers as another without copying them (a large
   * generated site would otherwise hold millions of entries). The first write to
   * either desk gives it its own copy.
   */
  shareCustomers(projectId: string, fromProjectId: string): void {
    const list = this.customers.get(fromProjectId);
    const set = this.customerSets.get(fromProjectId);
    if (!list || !set || !this.customers.has(projectId)) throw new Error(`Unknown project ${projectId} or ${fromProjectId}`);
    this.customers.set(projectId, list);
    this.customerSets.set(projectId, set);
    this.customerListUsers.set(list, (this.customerListUsers.get(list) ?? 1) + 1);
  }

  private ownCustomers(projectId: string): { list: string[]; set: Set<string> } {
    const list = this.customers.get(projectId);
    const set = this.customerSets.get(projectId);
    if (!list || !set) throw new Error(`Unknown project ${projectId}`);
    const users = this.customerListUsers.get(list) ?? 1;
    if (users <= 1) return { list, set };
    this.customerListUsers.set(list, users - 1);
    const own = { list: [...list], set: new Set(set) };
    this.customers.set(projectId, own.list);
    this.customerSets.set(projectId, own.set);
    return own;
  }

  customersOf(projectId: string): readonly string[] {
    return this.customers.get(projectId) ?? [];
  }

  isCustomer(projectId: string, accountId: string): boolean {
    return this.customerSets.get(projectId)?.has(accountId) ?? false;
  }

  // ---- organizations -------------------------------------------------------------

  addOrganization(organization: SimOrganization): SimOrganization {
    if (this.organizations.has(organization.id)) throw new Error(`Duplicate organization ${organization.id}`);
    const stored = { ...organization };
    this.organizations.set(stored.id, stored);
    this.organizationMembers.set(stored.id, new Set());
    return stored;
  }

  organization(id: string): SimOrganization | undefined {
    return this.organizations.get(id);
  }

  addToOrganization(organizationId: string, accountIds: Iterable<string>): void {
    const members = this.organizationMembers.get(organizationId);
    if (!members) throw new Error(`Unknown organization ${organizationId}`);
    for (const accountId of accountIds) {
      if (!this.users.has(accountId)) throw new Error(`Unknown user ${accountId}`);
      members.add(accountId);
    }
  }

  /** Members ordered by accountId, the order JSM documents for the organization's user list. */
  membersOfOrganization(organizationId: string): string[] {
    return [...(this.organizationMembers.get(organizationId) ?? [])].sort();
  }

  isOrganizationMember(organizationId: string, accountId: string): boolean {
    return this.organizationMembers.get(organizationId)?.has(accountId) ?? false;
  }

  associateOrganization(projectId: string, organizationId: string): void {
    if (!this.organizations.has(organizationId)) throw new Error(`Unknown organization ${organizationId}`);
    if (!this.customers.has(projectId)) throw new Error(`Unknown project ${projectId}`);
    const list = this.deskOrganizations.get(projectId) ?? [];
    if (!list.includes(organizationId)) list.push(organizationId);
    this.deskOrganizations.set(projectId, list);
  }

  organizationsOf(projectId: string): SimOrganization[] {
    return (this.deskOrganizations.get(projectId) ?? []).map((id) => this.organizations.get(id)!);
  }

  /** Desks (projects) an organization is associated with. */
  desksOfOrganization(organizationId: string): SimProject[] {
    return this.projectOrder.filter((p) => this.deskOrganizations.get(p.id)?.includes(organizationId));
  }

  /** Adds a role actor unless it is already there; returns false for a duplicate. */
  addRoleActor(project: SimProject, roleId: number, actor: { type: 'user'; accountId: string } | { type: 'group'; groupId: string }): boolean {
    const role = project.roles.find((r) => r.id === roleId);
    if (!role) throw new Error(`Project ${project.key} has no role ${roleId}`);
    const duplicate = role.actors.some((a) =>
      a.type === 'user' && actor.type === 'user' ? a.accountId === actor.accountId : a.type === 'group' && actor.type === 'group' && a.groupId === actor.groupId,
    );
    if (duplicate) return false;
    role.actors.push({ ...actor, actorId: this.nextActorId++ } as SimRoleActor);
    return true;
  }

  newActorId(): number {
    return this.nextActorId++;
  }

  // ---- issue types, workflows, screens ---------------------------------------

  addIssueType(issueType: SimIssueType): SimIssueType {
    this.issueTypes.set(issueType.id, { ...issueType });
    return issueType;
  }

  issueType(id: string): SimIssueType | undefined {
    return this.issueTypes.get(id);
  }

  addStatus(status: JiraWorkflowStatus): void {
    if (!status.id) throw new Error('A status needs an id');
    this.statuses.set(status.id, status);
  }

  status(id: string): JiraWorkflowStatus | undefined {
    return this.statuses.get(id);
  }

  addWorkflow(workflow: JiraWorkflow): void {
    if (!workflow.id || !workflow.name) throw new Error('A workflow needs an id and a name');
    for (const ref of workflow.statuses ?? []) {
      if (!ref.statusReference || !this.statuses.has(ref.statusReference)) {
        throw new Error(`Workflow ${workflow.name} uses unknown status ${ref.statusReference}`);
      }
    }
    this.workflows.set(workflow.id, workflow);
    this.workflowsByName.set(workflow.name, workflow);
    // A field a rule names exists on the site, whether or not a screen shows it yet.
    for (const id of fieldsNamedBy(workflow)) if (!this.fields.has(id)) this.fields.set(id, { id, name: id });
  }

  workflow(id: string): JiraWorkflow | undefined {
    return this.workflows.get(id);
  }

  /** Stores a new version of an existing workflow (POST /workflows/update); its name and id stay. */
  replaceWorkflow(workflow: JiraWorkflow): void {
    const current = workflow.id ? this.workflows.get(workflow.id) : undefined;
    if (!current || current.name !== workflow.name) throw new Error(`Unknown workflow ${workflow.id}`);
    this.workflows.set(workflow.id!, workflow);
    this.workflowsByName.set(workflow.name!, workflow);
  }

  workflowByName(name: string): JiraWorkflow | undefined {
    return this.workflowsByName.get(name);
  }

  allWorkflows(): JiraWorkflow[] {
    return [...this.workflows.values()];
  }

  /** The statuses a workflow references, in the shape of the response's `statuses`. */
  statusesOf(workflows: JiraWorkflow[]): JiraWorkflowStatus[] {
    const seen = new Map<string, JiraWorkflowStatus>();
    for (const workflow of workflows) {
      for (const ref of workflow.statuses ?? []) {
        const status = ref.statusReference ? this.statuses.get(ref.statusReference) : undefined;
        if (status?.id && !seen.has(status.id)) seen.set(status.id, status);
      }
    }
    return [...seen.values()];
  }

  addWorkflowScheme(scheme: SimWorkflowScheme): void {
    this.workflowSchemes.set(scheme.id, { ...scheme, issueTypeMappings: { ...scheme.issueTypeMappings } });
  }

  workflowScheme(id: number): SimWorkflowScheme | undefined {
    return this.workflowSchemes.get(id);
  }

  /** The workflow an issue type of a project runs, whichever way the project keeps it. */
  workflowFor(project: SimProject, issueTypeId: string): JiraWorkflow | undefined {
    if (project.style === 'next-gen') {
      const id = project.teamManagedWorkflows?.[issueTypeId];
      return id ? this.workflows.get(id) : undefined;
    }
    const scheme = project.workflowSchemeId !== undefined ? this.workflowSchemes.get(project.workflowSchemeId) : undefined;
    if (!scheme) return undefined;
    return this.workflowsByName.get(scheme.issueTypeMappings[issueTypeId] ?? scheme.defaultWorkflow);
  }

  addScreen(screen: SimScreen): void {
    this.screens.set(screen.id, screen);
    for (const tab of screen.tabs) for (const field of tab.fields) this.addField(field);
  }

  /** Registers a field (a later, named registration replaces a bare id). */
  addField(field: SimScreenField): void {
    const known = this.fields.get(field.id);
    if (!known || known.name === known.id) this.fields.set(field.id, { ...field });
  }

  field(id: string): SimScreenField | undefined {
    return this.fields.get(id);
  }

  /** The site's custom and named fields, in the order they became known. */
  allFields(): SimScreenField[] {
    return [...this.fields.values()];
  }

  allResolutions(): readonly SimResolution[] {
    return this.resolutions;
  }

  /** Replaces the site's resolutions (a site whose admin renamed or removed Jira's). */
  setResolutions(resolutions: readonly SimResolution[]): void {
    this.resolutions = resolutions.map((r) => ({ ...r }));
  }

  screen(id: number): SimScreen | undefined {
    return this.screens.get(id);
  }

  allScreens(): SimScreen[] {
    return [...this.screens.values()].sort((a, b) => a.id - b.id);
  }

  /** The next free screen id and tab id, as Jira numbers new ones (above every existing one). */
  nextScreenId(): number {
    return Math.max(10000, ...this.screens.keys()) + 1;
  }

  nextTabId(): number {
    return Math.max(10000, ...[...this.screens.values()].flatMap((s) => s.tabs.map((t) => t.id))) + 1;
  }

  // ---- issues ------------------------------------------------------------------

  createIssue(input: Omit<SimIssue, 'id' | 'key' | 'created'> & { created?: string }): SimIssue {
    const project = this.projects.get(input.projectId);
    if (!project) throw new Error(`Unknown project ${input.projectId}`);
    const number = (this.issueCounters.get(project.id) ?? 0) + 1;
    this.issueCounters.set(project.id, number);
    const issue: SimIssue = { ...input, id: String(this.nextIssueId++), key: `${project.key}-${number}`, created: input.created ?? new Date().toISOString() };
    this.issues.set(issue.key, issue);
    this.issuesById.set(issue.id, issue);
    return issue;
  }

  issue(idOrKey: string): SimIssue | undefined {
    return this.issuesById.get(idOrKey) ?? this.issues.get(idOrKey.toUpperCase());
  }
}

/**
 * Every simulated site keeps desk ids and project ids apart (desks 1..N, projects
 * 10000+), as real sites do in practice: if a desk id could equal some project id, a
 * request that sends a project id where JSM wants a desk id would quietly answer
 * another desk instead of 404ing, and the mix-up would go unnoticed.
 */
function assertDistinctDeskIds(project: SimProject, projects: ReadonlyMap<string, SimProject>, desks: ReadonlyMap<string, SimProject>): void {
  const desk = project.serviceDeskId;
  if (desks.has(project.id)) throw new Error(`Project id ${project.id} is already the id of a service desk`);
  if (desk === undefined) return;
  if (desks.has(desk)) throw new Error(`Duplicate service desk id ${desk}`);
  if (desk === project.id || projects.has(desk)) throw new Error(`Service desk id ${desk} is already the id of a project`);
}

/** Field ids a workflow's validators and post functions name (Field required, Update field). */
function fieldsNamedBy(workflow: JiraWorkflow): string[] {
  const ids = new Set<string>();
  for (const t of workflow.transitions ?? []) {
    for (const rule of [...(t.validators ?? []), ...(t.actions ?? [])]) {
      const params = rule?.parameters ?? {};
      for (const key of ['fieldsRequired', 'fieldId', 'fieldKey', 'field']) {
        for (const id of (params[key] ?? '').split(',')) if (/^customfield_\d+$/.test(id.trim())) ids.add(id.trim());
      }
    }
  }
  return [...ids];
}
