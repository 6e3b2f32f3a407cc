/**
 * A generated enterprise-scale site for the benchmark (`npm run bench`): many
 * service desks sharing a few workflows through a few schemes, some team-managed
 * desks with their own workflows, transition screens, large end-user groups, and
 * customers per desk spread from a few dozen to tens of thousands.
 *
 * Deterministic: the same options give the same site (ids, names, sizes), so two
 * benchmark runs are comparable. Customer counts are spread log-uniformly between
 * the minimum and maximum and then shuffled across desks, because on a real site a
 * desk's size has nothing to do with its key.
 */
import { SiteModel, type SimProject, type SimProjectRole, type SimRoleActor, type SimScreen } from '../model';
import { seededRandom } from '../scenario';
import { buildWorkflow, RULES, workflowStatus, type TransitionSpec, type WorkflowSpec } from '../workflow-builder';
import { atlassianAccountId, groupUuid } from './ids';

export interface GeneratedSiteOptions {
  /** Service desks in all (company-managed + team-managed). */
  desks: number;
  /** Share of desks that are team-managed (default 0.1: 20 of 200). */
  teamManagedShare?: number;
  /** Workflows shared by the company-managed desks (default 20). */
  sharedWorkflows?: number;
  /** Workflow schemes they are shared through (default 12). */
  schemes?: number;
  /** Transition screens in the shared workflows (default 60, three per workflow). */
  screens?: number;
  /** End users over every end-user group (default 20,000). */
  endUsers?: number;
  /** Fewest and most customers of one desk (defaults 50 and 20,000). */
  minCustomers?: number;
  maxCustomers?: number;
  seed?: number;
}

export interface GeneratedDesk {
  key: string;
  projectId: string;
  serviceDeskId: string;
  style: 'company-managed' | 'team-managed';
  customers: number;
}

export interface GeneratedSite {
  model: SiteModel;
  /** Obviously fake credentials of a site admin; they only open the simulator. */
  admin: { email: string; token: string; accountId: string };
  serviceAccountEmail: string;
  endUserGroups: string[];
  desks: GeneratedDesk[];
  options: Required<GeneratedSiteOptions>;
}

export const GENERATED_DOMAIN = 'bench.example';

const DEFAULTS: Required<Omit<GeneratedSiteOptions, 'desks'>> = {
  teamManagedShare: 0.1,
  sharedWorkflows: 20,
  schemes: 12,
  screens: 60,
  endUsers: 20_000,
  minCustomers: 50,
  maxCustomers: 20_000,
  seed: 7,
};

/** End-user groups and their share of the end users. */
const END_USER_GROUPS: [string, number][] = [
  ['employees-emea', 0.45],
  ['employees-amer', 0.4],
  ['contractors', 0.15],
];

const STATUS = { open: '1', inProgress: '3', reopened: '4', closed: '6', waitingForCustomer: '10001', resolved: '10003', canceled: '10004' } as const;

/** Company-managed issue types every desk's request types point at. */
const COMPANY_ISSUE_TYPES = [
  ['10001', 'IT Help'],
  ['10002', 'Service Request'],
  ['10003', 'Incident'],
] as const;

const ROLE = { administrators: 10002, serviceDeskTeam: 10100, serviceDeskCustomers: 10101 } as const;

/** Pure: customers of each desk, log-uniform from min to max, shuffled. */
export function customerCounts(desks: number, min: number, max: number, seed: number): number[] {
  if (desks <= 0) return [];
  const counts = Array.from({ length: desks }, (_, i) => (desks === 1 ? max : Math.round(min * (max / min) ** (i / (desks - 1)))));
  const next = seededRandom(seed);
  for (let i = counts.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [counts[i], counts[j]] = [counts[j]!, counts[i]!];
  }
  return counts;
}

export function deskKey(index: number): string {
  return `SD${String(index + 1).padStart(3, '0')}`;
}

function sharedWorkflowName(index: number): string {
  return `Service Management Workflow ${String(index + 1).padStart(2, '0')}`;
}

function screenFor(id: number, name: string, tabs: number, withAssignee: boolean): SimScreen {
  const fieldSets = [
    withAssignee ? ['assignee', 'resolution'] : ['resolution'],
    ['customfield_10070', 'labels'],
    ['components', 'priority'],
  ];
  const names: Record<string, string> = {
    assignee: 'Assignee',
    resolution: 'Resolution',
    customfield_10070: 'Root cause',
    labels: 'Labels',
    components: 'Components',
    priority: 'Priority',
  };
  return {
    id,
    name,
    tabs: Array.from({ length: tabs }, (_, t) => ({
      id: id * 10 + t,
      name: t === 0 ? 'Field Tab' : `Tab ${t + 1}`,
      fields: fieldSets[t % fieldSets.length]!.map((f) => ({ id: f, name: names[f] ?? f })),
    })),
  };
}

/**
 * Shared workflow `index`: three transitions with screens (Resolve and Cancel lead
 * to Done statuses, so their screens are read; Escalate's is not). Every other
 * workflow resolves from any status, the rest only from named statuses.
 */
function sharedWorkflow(index: number, screenIds: [number, number, number]): WorkflowSpec {
  const s = STATUS;
  const globalResolve = index % 2 === 0;
  const transitions: TransitionSpec[] = [
    { id: '1', name: 'Create', to: s.open, initial: true },
    { id: '11', name: 'Start progress', to: s.inProgress, from: [s.open, s.reopened] },
    { id: '21', name: 'Respond to customer', to: s.waitingForCustomer, from: [s.inProgress] },
    { id: '31', name: 'Escalate', to: s.inProgress, from: [s.waitingForCustomer], screenId: screenIds[2] },
    {
      id: '41',
      name: 'Resolve',
      to: s.resolved,
      ...(globalResolve ? {} : { from: [s.inProgress, s.waitingForCustomer] }),
      screenId: screenIds[0],
      conditions: globalResolve ? [RULES.apiOnly()] : [],
      actions: [RULES.setResolution()],
    },
    { id: '51', name: 'Cancel', to: s.canceled, from: [s.open], screenId: screenIds[1], actions: [RULES.setResolution('10001')] },
    { id: '61', name: 'Close', to: s.closed, from: [s.resolved] },
    { id: '71', name: 'Reopen', to: s.reopened, ...(index % 3 === 0 ? {} : { from: [s.resolved, s.closed] }), actions: [RULES.unassign(), RULES.clearResolution()] },
  ];
  if (index % 4 === 0) transitions.push({ id: '81', name: 'In progress (Moveworks)', to: s.inProgress, conditions: [RULES.apiOnly()] });
  return {
    id: `0000${String(index + 1).padStart(4, '0')}-wf00-4000-8000-${String(index + 1).padStart(12, '0')}`,
    name: sharedWorkflowName(index),
    statuses: [s.open, s.inProgress, s.waitingForCustomer, s.resolved, s.canceled, s.closed, s.reopened],
    transitions,
  };
}

/** A team-managed desk's workflow for one of its issue types: global transitions, no screens. */
function teamManagedWorkflow(projectId: string, deskIndex: number, typeIndex: number): WorkflowSpec {
  const s = STATUS;
  const n = deskIndex * 10 + typeIndex;
  return {
    id: `0000${String(n).padStart(4, '0')}-tm00-4000-8000-${String(n).padStart(12, '0')}`,
    name: typeIndex === 0 ? 'Request workflow' : 'Booking workflow',
    projectId,
    statuses: [s.open, s.inProgress, s.waitingForCustomer, s.resolved],
    transitions: [
      { id: '1', name: 'Create', to: s.open, initial: true },
      { id: '11', name: 'In Progress', to: s.inProgress },
      { id: '21', name: 'Waiting for customer', to: s.waitingForCustomer },
      { id: '31', name: 'Done', to: s.resolved },
      { id: '41', name: 'Open', to: s.open },
    ],
  };
}

function roles(model: SiteModel, admins: { type: 'group'; groupId: string }[], team: { type: 'group'; groupId: string }[], base?: number): SimProjectRole[] {
  const id = (classic: number, offset: number) => (base === undefined ? classic : base + offset);
  const actors = (list: { type: 'group'; groupId: string }[]) => list.map((a) => ({ ...a, actorId: model.newActorId() }) as SimRoleActor);
  return [
    { id: id(ROLE.administrators, 0), name: 'Administrators', description: 'A project role that represents administrators in a project', actors: actors(admins) },
    { id: id(ROLE.serviceDeskTeam, 1), name: 'Service Desk Team', description: 'Members of the service desk team who work on requests', actors: actors(team) },
    { id: id(ROLE.serviceDeskCustomers, 2), name: 'Service Desk Customers', description: 'Customers of the service desk', actors: [] },
  ];
}

export function generateSite(input: GeneratedSiteOptions): GeneratedSite {
  const options: Required<GeneratedSiteOptions> = { ...DEFAULTS, ...input };
  if (!Number.isInteger(options.desks) || options.desks < 1 || options.desks > 2000) throw new RangeError('desks must be an integer from 1 to 2000');
  const model = new SiteModel({ title: 'Benchmark Corp Jira', serverTimeZone: 'Europe/London' });

  // ---- people and groups ----
  const endUserIds: string[] = [];
  for (let i = 0; i < options.endUsers; i++) {
    const accountId = atlassianAccountId(100_000 + i);
    endUserIds.push(accountId);
    model.addUser({ accountId, accountType: 'atlassian', active: true, displayName: `Employee ${i + 1}`, email: `employee${i + 1}@${GENERATED_DOMAIN}`, timeZone: 'Europe/London' });
  }
  const admin = { email: `admin@${GENERATED_DOMAIN}`, token: 'SIMULATED-bench-admin-token-not-a-secret', accountId: atlassianAccountId(1) };
  model.addUser({ accountId: admin.accountId, accountType: 'atlassian', active: true, displayName: 'Site Admin', email: admin.email, timeZone: 'Europe/London' });
  const serviceAccountEmail = `moveworks-bot@${GENERATED_DOMAIN}`;
  const sa = atlassianAccountId(2);
  model.addUser({ accountId: sa, accountType: 'atlassian', active: true, displayName: 'Moveworks Bot', email: serviceAccountEmail, timeZone: 'America/Danmarkshavn' });
  model.setApiToken(admin.accountId, admin.token);

  const group = (n: number, name: string) => model.addGroup({ groupId: groupUuid(n), name }).groupId;
  const jiraAdmins = group(1, 'jira-admins-bench');
  const deskUsers = group(2, 'jira-servicedesk-users');
  const agents = group(3, 'service-desk-agents');
  const bots = group(4, 'moveworks-service-accounts');
  model.adminGroupIds.add(jiraAdmins);
  model.addApplicationRole({ key: 'jira-servicedesk', name: 'Jira Service Management', groupIds: [deskUsers] });
  model.addToGroup(jiraAdmins, [admin.accountId]);
  model.addToGroup(deskUsers, [admin.accountId, sa]);
  model.addToGroup(bots, [sa]);

  const endUserGroups: string[] = [];
  let from = 0;
  END_USER_GROUPS.forEach(([name, share], i) => {
    const to = i === END_USER_GROUPS.length - 1 ? endUserIds.length : Math.min(endUserIds.length, from + Math.round(endUserIds.length * share));
    model.addToGroup(group(10 + i, name), endUserIds.slice(from, to));
    endUserGroups.push(name);
    from = to;
  });

  // ---- statuses, issue types, screens, shared workflows, schemes ----
  for (const [id, name, category] of [
    [STATUS.open, 'Open', 'TODO'],
    [STATUS.inProgress, 'In Progress', 'IN_PROGRESS'],
    [STATUS.reopened, 'Reopened', 'TODO'],
    [STATUS.closed, 'Closed', 'DONE'],
    [STATUS.waitingForCustomer, 'Waiting for customer', 'IN_PROGRESS'],
    [STATUS.resolved, 'Resolved', 'DONE'],
    [STATUS.canceled, 'Canceled', 'DONE'],
  ] as const) {
    model.addStatus(workflowStatus(id, name, category));
  }
  for (const [id, name] of COMPANY_ISSUE_TYPES) model.addIssueType({ id, name });

  const workflowCount = Math.max(1, options.sharedWorkflows);
  const perWorkflow = Math.max(1, Math.round(options.screens / workflowCount));
  for (let w = 0; w < workflowCount; w++) {
    const ids: [number, number, number] = [11000 + w * 3, 11000 + w * 3 + 1, 11000 + w * 3 + 2];
    // Screens beyond the workflow's share stay unused; fewer share one id.
    const used = ids.map((id, k) => (k < perWorkflow ? id : ids[0]!)) as [number, number, number];
    for (const [k, id] of used.entries()) {
      if (used.indexOf(id) !== k) continue;
      model.addScreen(screenFor(id, `${sharedWorkflowName(w)}: ${['Resolve', 'Cancel', 'Escalate'][k]} Screen`, 1 + ((w + k) % 3), (w + k) % 5 !== 4));
    }
    model.addWorkflow(buildWorkflow(sharedWorkflow(w, used)));
  }
  const schemeCount = Math.max(1, options.schemes);
  for (let j = 0; j < schemeCount; j++) {
    // Three issue types per scheme at different offsets, so the schemes together use every workflow.
    const pick = (offset: number) => sharedWorkflowName((j + offset) % workflowCount);
    model.addWorkflowScheme({
      id: 12000 + j,
      name: `Service Management Workflow Scheme ${j + 1}`,
      description: '',
      defaultWorkflow: pick(0),
      issueTypeMappings: { '10001': pick(0), '10002': pick(schemeCount), '10003': pick(7) },
    });
  }

  // ---- desks ----
  const teamManaged = Math.round(options.desks * options.teamManagedShare);
  const counts = customerCounts(options.desks, options.minCustomers, Math.min(options.maxCustomers, Math.max(options.minCustomers, endUserIds.length)), options.seed);
  const desks: GeneratedDesk[] = [];
  for (let d = 0; d < options.desks; d++) {
    const key = deskKey(d);
    const projectId = String(20000 + d);
    const serviceDeskId = String(d + 1);
    // Team-managed desks are spread over the key range, not bunched at the end.
    const isTeam = teamManaged > 0 && d % Math.max(1, Math.floor(options.desks / teamManaged)) === 0 && desks.filter((x) => x.style === 'team-managed').length < teamManaged;
    let project: SimProject;
    if (isTeam) {
      const typeIds = [`${30000 + d * 2}`, `${30000 + d * 2 + 1}`];
      typeIds.forEach((id, t) => model.addIssueType({ id, name: t === 0 ? 'Request' : 'Booking', projectId }));
      const mapping: Record<string, string> = {};
      typeIds.forEach((id, t) => {
        const spec = teamManagedWorkflow(projectId, d, t);
        model.addWorkflow(buildWorkflow(spec));
        mapping[id] = spec.id;
      });
      project = {
        id: projectId,
        key,
        name: `Team desk ${d + 1}`,
        style: 'next-gen',
        projectTypeKey: 'service_desk',
        serviceDeskId,
        roles: roles(model, [{ type: 'group', groupId: jiraAdmins }], [{ type: 'group', groupId: agents }, { type: 'group', groupId: bots }], 40000 + d * 10),
        issueTypeIds: typeIds,
        teamManagedWorkflows: mapping,
        requestTypes: [
          { id: `${d * 10 + 1}`, name: 'Report a problem', description: '', issueTypeId: typeIds[0]! },
          { id: `${d * 10 + 2}`, name: 'Ask a question', description: '', issueTypeId: typeIds[0]! },
          { id: `${d * 10 + 3}`, name: 'Book a room', description: '', issueTypeId: typeIds[1]! },
        ],
      };
    } else {
      const types = COMPANY_ISSUE_TYPES.map(([id]) => id);
      project = {
        id: projectId,
        key,
        name: `Service desk ${d + 1}`,
        style: 'classic',
        projectTypeKey: 'service_desk',
        serviceDeskId,
        roles: roles(model, [{ type: 'group', groupId: jiraAdmins }], [{ type: 'group', groupId: agents }, { type: 'group', groupId: bots }]),
        issueTypeIds: types,
        workflowSchemeId: 12000 + (d % schemeCount),
        requestTypes: [
          { id: `${d * 10 + 1}`, name: 'Get IT help', description: '', issueTypeId: '10001' },
          { id: `${d * 10 + 2}`, name: 'Request software', description: '', issueTypeId: '10002' },
          { id: `${d * 10 + 3}`, name: 'Request access', description: '', issueTypeId: '10002' },
          { id: `${d * 10 + 4}`, name: 'Report an outage', description: '', issueTypeId: '10003' },
          { id: `${d * 10 + 5}`, name: 'Report a problem', description: '', issueTypeId: '10003' },
        ],
      };
    }
    model.addProject(project);
    const count = counts[d]!;
    // A window of the end users starting at a per-desk offset, so desks overlap differently.
    const offset = (d * 7919) % endUserIds.length;
    const customers = count >= endUserIds.length ? endUserIds : Array.from({ length: count }, (_, i) => endUserIds[(offset + i) % endUserIds.length]!);
    model.addCustomers(projectId, customers);
    desks.push({ key, projectId, serviceDeskId, style: isTeam ? 'team-managed' : 'company-managed', customers: count });
  }

  // A software project, so project search's type filter matters.
  model.addProject({
    id: '19999',
    key: 'ENG',
    name: 'Engineering',
    style: 'classic',
    projectTypeKey: 'software',
    roles: roles(model, [{ type: 'group', groupId: jiraAdmins }], []),
    issueTypeIds: ['10001'],
    workflowSchemeId: 12000,
    requestTypes: [],
  });

  return { model, admin, serviceAccountEmail, endUserGroups, desks, options };
}
