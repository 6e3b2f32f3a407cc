/**
 * The demo company's statuses, workflows and screens. IT's workflows are what
 * Moveworks asks for; HR's have the classic gaps (directed transitions only, a
 * Resolve screen without Assignee, a required field missing from the screen);
 * Facilities is team-managed (global transitions, no screens). `ready` fixes HR.
 * IT's incident workflow hides the bot's In progress transition the other way Jira
 * offers: Restrict issue transition to a group whose only member is the service account.
 */
import type { JiraWorkflowStatus } from '../../../src/gather/snapshot';
import type { SimScreen } from '../model';
import { SYSTEM_FIELDS } from '../system-fields';
import { buildWorkflow, RULES, workflowStatus, type TransitionSpec, type WorkflowSpec } from '../workflow-builder';
import { groupUuid } from './ids';

export const PROJECT_IDS = { ITSD: '10000', HR: '10001', FAC: '10002', ENG: '10003', ITSDTEST: '10004' } as const;

/** The moveworks-service-accounts group (GROUP_IDS.moveworksAccounts of the demo): the service account is its only member. */
export const SERVICE_ACCOUNTS_GROUP_ID = groupUuid(9);

export const STATUS = {
  open: '1',
  inProgress: '3',
  reopened: '4',
  closed: '6',
  waitingForSupport: '10000',
  waitingForCustomer: '10001',
  pending: '10002',
  resolved: '10003',
  canceled: '10004',
  workInProgress: '10005',
  escalated: '10006',
  toDo: '10020',
  awaitingStartDate: '10021',
  done: '10022',
  facToDo: '10100',
  facInProgress: '10101',
  facWaiting: '10102',
  facDone: '10103',
  facRequested: '10104',
  facConfirmed: '10105',
  facCompleted: '10106',
  /** The IT test desk's name for "Waiting for support": the one rename production never got. */
  waitingForAgent: '10007',
} as const;

export function demoStatuses(teamManagedFacilities: boolean): JiraWorkflowStatus[] {
  const fac = teamManagedFacilities ? PROJECT_IDS.FAC : undefined;
  return [
    workflowStatus(STATUS.open, 'Open', 'TODO'),
    workflowStatus(STATUS.inProgress, 'In Progress', 'IN_PROGRESS'),
    workflowStatus(STATUS.reopened, 'Reopened', 'TODO'),
    workflowStatus(STATUS.closed, 'Closed', 'DONE'),
    workflowStatus(STATUS.waitingForSupport, 'Waiting for support', 'TODO'),
    workflowStatus(STATUS.waitingForCustomer, 'Waiting for customer', 'IN_PROGRESS'),
    workflowStatus(STATUS.pending, 'Pending', 'IN_PROGRESS'),
    workflowStatus(STATUS.resolved, 'Resolved', 'DONE'),
    workflowStatus(STATUS.canceled, 'Canceled', 'DONE'),
    workflowStatus(STATUS.workInProgress, 'Work in progress', 'IN_PROGRESS'),
    workflowStatus(STATUS.escalated, 'Escalated', 'IN_PROGRESS'),
    workflowStatus(STATUS.toDo, 'To Do', 'TODO'),
    workflowStatus(STATUS.awaitingStartDate, 'Awaiting start date', 'IN_PROGRESS'),
    workflowStatus(STATUS.done, 'Done', 'DONE'),
    workflowStatus(STATUS.waitingForAgent, 'Waiting for agent', 'TODO'),
    workflowStatus(STATUS.facToDo, 'To Do', 'TODO', fac),
    workflowStatus(STATUS.facInProgress, 'In Progress', 'IN_PROGRESS', fac),
    workflowStatus(STATUS.facWaiting, 'Waiting for customer', 'IN_PROGRESS', fac),
    workflowStatus(STATUS.facDone, 'Done', 'DONE', fac),
    workflowStatus(STATUS.facRequested, 'Requested', 'TODO', fac),
    workflowStatus(STATUS.facConfirmed, 'Confirmed', 'IN_PROGRESS', fac),
    workflowStatus(STATUS.facCompleted, 'Completed', 'DONE', fac),
  ];
}

/** Every field the demo site knows by name: Jira's own and its custom fields. */
export const FIELD_NAMES: Record<string, string> = {
  ...SYSTEM_FIELDS,
  customfield_10010: 'Request Type',
  customfield_10050: 'HR category',
  customfield_10060: 'Start date',
  customfield_10070: 'Root cause',
};

const fields = (...ids: string[]) => ids.map((id) => ({ id, name: FIELD_NAMES[id] ?? id }));

export const SCREEN = {
  default: 1,
  itsdResolve: 10000,
  itsdResolveIncident: 10001,
  hrResolve: 10002,
  hrOnboardingDone: 10003,
  hrResolveMoveworks: 10004,
  engResolve: 10005,
} as const;

export function demoScreens(ready: boolean): SimScreen[] {
  return [
    {
      id: SCREEN.default,
      name: 'Default Screen',
      tabs: [{ id: 10000, name: 'Field Tab', fields: fields('summary', 'issuetype', 'reporter', 'assignee', 'priority', 'description', 'labels', 'components') }],
    },
    { id: SCREEN.itsdResolve, name: 'ITSD: Resolve Issue Screen', tabs: [{ id: 10100, name: 'Field Tab', fields: fields('assignee', 'resolution') }] },
    {
      id: SCREEN.itsdResolveIncident,
      name: 'ITSD: Resolve Incident Screen',
      tabs: [
        { id: 10101, name: 'Resolution', fields: fields('resolution', 'assignee') },
        { id: 10102, name: 'Root cause', fields: fields('customfield_10070') },
      ],
    },
    { id: SCREEN.hrResolve, name: 'HR: Resolve Screen', tabs: [{ id: 10103, name: 'Field Tab', fields: fields('resolution', 'customfield_10050') }] },
    {
      id: SCREEN.hrOnboardingDone,
      name: 'HR: Onboarding Complete Screen',
      tabs: [{ id: 10104, name: 'Field Tab', fields: ready ? fields('resolution', 'assignee', 'customfield_10060') : fields('resolution', 'assignee') }],
    },
    { id: SCREEN.hrResolveMoveworks, name: 'HR: Resolve Screen (Moveworks)', tabs: [{ id: 10105, name: 'Field Tab', fields: fields('assignee', 'resolution', 'customfield_10050') }] },
    { id: SCREEN.engResolve, name: 'ENG: Resolve Screen', tabs: [{ id: 10106, name: 'Field Tab', fields: fields('resolution') }] },
  ];
}

export const WORKFLOW_NAMES = {
  itsdServiceRequest: 'ITSD: Service Request Workflow',
  itsdIncident: 'ITSD: Incident Workflow',
  hrServiceRequest: 'HR: Service Request Workflow',
  hrOnboarding: 'HR: Onboarding Workflow',
  facFix: 'FAC: Fix workflow',
  facBooking: 'FAC: Booking workflow',
  engineering: 'ENG: Software Workflow',
  itsdTestServiceRequest: 'ITSDTEST: Service Request Workflow',
} as const;

/** The three transitions Moveworks asks for: global, hidden from people, with the right screen and post functions. */
function moveworksTransitions(
  resolveScreen: number,
  resolved: string,
  inProgress: string,
  reopened: string,
  extraResolveValidators: TransitionSpec['validators'] = [],
  inProgressConditions: TransitionSpec['conditions'] = [RULES.apiOnly()],
): TransitionSpec[] {
  return [
    {
      id: '901',
      name: 'Resolve (Moveworks)',
      to: resolved,
      screenId: resolveScreen,
      conditions: [RULES.apiOnly()],
      validators: extraResolveValidators,
      actions: [RULES.setResolution()],
      description: 'Run by the Moveworks bot; hidden from people.',
    },
    { id: '911', name: 'In progress (Moveworks)', to: inProgress, conditions: inProgressConditions },
    { id: '921', name: 'Reopen (Moveworks)', to: reopened, conditions: [RULES.apiOnly()], actions: [RULES.unassign(), RULES.clearResolution()] },
  ];
}

function itsdServiceRequest(): WorkflowSpec {
  const s = STATUS;
  return {
    id: 'b9ff2384-d3b6-4d4e-9509-3ee19f607168',
    name: WORKFLOW_NAMES.itsdServiceRequest,
    description: 'Service requests and IT help for the IT Service Desk.',
    statuses: [s.waitingForSupport, s.inProgress, s.waitingForCustomer, s.pending, s.resolved, s.closed, s.reopened, s.canceled],
    transitions: [
      { id: '1', name: 'Create', to: s.waitingForSupport, initial: true },
      { id: '11', name: 'Respond to customer', to: s.waitingForCustomer, from: [s.waitingForSupport, s.inProgress] },
      { id: '21', name: 'Respond to support', to: s.waitingForSupport, from: [s.waitingForCustomer] },
      { id: '31', name: 'Start progress', to: s.inProgress, from: [s.waitingForSupport, s.reopened], actions: [RULES.assignToCurrentUser()] },
      { id: '41', name: 'Pending', to: s.pending, from: [s.inProgress] },
      { id: '51', name: 'Resolve this issue', to: s.resolved, from: [s.inProgress, s.waitingForCustomer, s.pending], screenId: SCREEN.itsdResolve, actions: [RULES.setResolution()] },
      { id: '61', name: 'Close', to: s.closed, from: [s.resolved] },
      { id: '71', name: 'Cancel request', to: s.canceled, from: [s.waitingForSupport], actions: [RULES.setResolution('10001')] },
      { id: '81', name: 'Reopen issue', to: s.reopened, from: [s.resolved, s.closed], actions: [RULES.clearResolution()] },
      ...moveworksTransitions(SCREEN.itsdResolve, s.resolved, s.inProgress, s.reopened),
    ],
  };
}

/**
 * The IT test desk's copy of the service request workflow, where Moveworks was tuned:
 * the same transitions and ids, but "Waiting for support" was renamed "Waiting for
 * agent" there and never in production, so PARITY-CONFIG finds one difference.
 */
function itsdTestServiceRequest(): WorkflowSpec {
  const production = itsdServiceRequest();
  const rename = (ref: string) => (ref === STATUS.waitingForSupport ? STATUS.waitingForAgent : ref);
  return {
    ...production,
    id: '3c1d7e42-9a5b-4f60-8e21-6b0f4a2d9c57',
    name: WORKFLOW_NAMES.itsdTestServiceRequest,
    description: 'The IT Service Desk workflow on the test desk, where the Moveworks bot is tuned.',
    statuses: production.statuses.map(rename),
    transitions: production.transitions.map((t) => ({ ...t, to: rename(t.to), ...(t.from ? { from: t.from.map(rename) } : {}) })),
  };
}

function itsdIncident(): WorkflowSpec {
  const s = STATUS;
  return {
    id: '5e0c4b5d-1b6f-4a0e-8a43-0f1f6b2e9c11',
    name: WORKFLOW_NAMES.itsdIncident,
    description: 'Incident management for the IT Service Desk.',
    statuses: [s.open, s.workInProgress, s.escalated, s.waitingForCustomer, s.resolved, s.closed, s.reopened],
    transitions: [
      { id: '1', name: 'Create', to: s.open, initial: true },
      { id: '11', name: 'Investigate', to: s.workInProgress, from: [s.open, s.reopened] },
      { id: '21', name: 'Escalate', to: s.escalated, from: [s.workInProgress] },
      { id: '31', name: 'Ask reporter', to: s.waitingForCustomer, from: [s.workInProgress, s.escalated] },
      { id: '41', name: 'Resume', to: s.workInProgress, from: [s.waitingForCustomer] },
      {
        id: '51',
        name: 'Resolve',
        to: s.resolved,
        from: [s.workInProgress, s.escalated],
        screenId: SCREEN.itsdResolveIncident,
        validators: [RULES.fieldRequired('customfield_10070')],
        actions: [RULES.setResolution()],
      },
      { id: '61', name: 'Close', to: s.closed, from: [s.resolved] },
      { id: '71', name: 'Reopen', to: s.reopened, from: [s.resolved, s.closed] },
      ...moveworksTransitions(SCREEN.itsdResolveIncident, s.resolved, s.workInProgress, s.reopened, [RULES.fieldRequired('customfield_10070')], [
        RULES.inGroup(SERVICE_ACCOUNTS_GROUP_ID),
      ]),
    ],
  };
}

function hrServiceRequest(ready: boolean): WorkflowSpec {
  const s = STATUS;
  return {
    id: '0d5a8c9e-7f3b-4c2a-b1e6-4a9d2f7c8e31',
    name: WORKFLOW_NAMES.hrServiceRequest,
    description: 'HR questions and personal data changes.',
    statuses: [s.open, s.inProgress, s.waitingForCustomer, s.resolved, s.closed],
    transitions: [
      { id: '1', name: 'Create', to: s.open, initial: true },
      { id: '11', name: 'Start progress', to: s.inProgress, from: [s.open] },
      { id: '21', name: 'Respond to customer', to: s.waitingForCustomer, from: [s.inProgress] },
      { id: '31', name: 'Back to in progress', to: s.inProgress, from: [s.waitingForCustomer] },
      // Directed only, and the screen has no Assignee: the two gaps the demo shows.
      { id: '41', name: 'Resolve', to: s.resolved, from: [s.inProgress, s.waitingForCustomer], screenId: SCREEN.hrResolve },
      { id: '51', name: 'Close', to: s.closed, from: [s.resolved] },
      { id: '61', name: 'Reopen', to: s.open, from: [s.resolved] },
      ...(ready ? moveworksTransitions(SCREEN.hrResolveMoveworks, s.resolved, s.inProgress, s.open) : []),
    ],
  };
}

function hrOnboarding(ready: boolean): WorkflowSpec {
  const s = STATUS;
  return {
    id: '9a1e6f20-3c4d-4e8b-a7f9-2b6c1d0e5f48',
    name: WORKFLOW_NAMES.hrOnboarding,
    description: 'New hire onboarding.',
    statuses: ready ? [s.toDo, s.inProgress, s.awaitingStartDate, s.waitingForCustomer, s.done] : [s.toDo, s.inProgress, s.awaitingStartDate, s.done],
    transitions: [
      { id: '1', name: 'Create', to: s.toDo, initial: true },
      { id: '11', name: 'Start', to: s.inProgress, from: [s.toDo] },
      { id: '21', name: 'Wait for start date', to: s.awaitingStartDate, from: [s.inProgress] },
      {
        id: '31',
        name: 'Complete onboarding',
        to: s.done,
        from: [s.inProgress, s.awaitingStartDate],
        screenId: SCREEN.hrOnboardingDone,
        validators: [RULES.fieldRequired('customfield_10060')],
        actions: [RULES.setResolution()],
      },
      ...(ready
        ? [
            { id: '41', name: 'Ask new hire', to: s.waitingForCustomer, from: [s.inProgress] },
            ...moveworksTransitions(SCREEN.hrOnboardingDone, s.done, s.inProgress, s.toDo, [RULES.fieldRequired('customfield_10060')]),
          ]
        : []),
    ],
  };
}

/** Team-managed: every status can be reached from any status, there are no transition screens. */
function facilitiesFix(projectId: string | undefined): WorkflowSpec {
  const s = STATUS;
  return {
    id: 'f4c2e8a1-6b3d-4f7e-9c0a-8d5b1e2f3a70',
    name: WORKFLOW_NAMES.facFix,
    projectId,
    statuses: [s.facToDo, s.facInProgress, s.facWaiting, s.facDone],
    transitions: [
      { id: '1', name: 'Create', to: s.facToDo, initial: true },
      { id: '11', name: 'To Do', to: s.facToDo },
      { id: '21', name: 'In Progress', to: s.facInProgress },
      { id: '31', name: 'Waiting for customer', to: s.facWaiting },
      { id: '41', name: 'Done', to: s.facDone },
    ],
  };
}

function facilitiesBooking(projectId: string | undefined): WorkflowSpec {
  const s = STATUS;
  return {
    id: '2b7d9e3f-8a1c-4d6b-b5e2-7f0a3c9d1e64',
    name: WORKFLOW_NAMES.facBooking,
    projectId,
    statuses: [s.facRequested, s.facConfirmed, s.facCompleted],
    transitions: [
      { id: '1', name: 'Create', to: s.facRequested, initial: true },
      { id: '11', name: 'Requested', to: s.facRequested },
      { id: '21', name: 'Confirmed', to: s.facConfirmed },
      { id: '31', name: 'Completed', to: s.facCompleted },
    ],
  };
}

function engineering(): WorkflowSpec {
  const s = STATUS;
  return {
    id: '7c3a1f5e-2d4b-4a6c-8e9f-1b0d2c3e4f56',
    name: WORKFLOW_NAMES.engineering,
    statuses: [s.toDo, s.inProgress, s.done],
    transitions: [
      { id: '1', name: 'Create', to: s.toDo, initial: true },
      { id: '11', name: 'To Do', to: s.toDo },
      { id: '21', name: 'In Progress', to: s.inProgress },
      { id: '31', name: 'Done', to: s.done, screenId: SCREEN.engResolve },
    ],
  };
}

export function demoWorkflows(ready: boolean) {
  const facProject = ready ? undefined : PROJECT_IDS.FAC;
  return [
    itsdServiceRequest(),
    itsdIncident(),
    hrServiceRequest(ready),
    hrOnboarding(ready),
    facilitiesFix(facProject),
    facilitiesBooking(facProject),
    engineering(),
    itsdTestServiceRequest(),
  ].map(buildWorkflow);
}
