/** A production desk and its non-production twin, identical until a test changes one of them. */
import type { ParityDesk, ParityWorkflow } from '../../../shared/parity-model';

export function workflow(overrides: Partial<ParityWorkflow> = {}): ParityWorkflow {
  return {
    name: 'IT: Service Request Workflow',
    issueTypes: [{ id: '10003', name: 'IT Help' }],
    statuses: [
      { id: '10000', name: 'Waiting for support', bucket: 'new' },
      { id: '3', name: 'In Progress', bucket: 'in_progress' },
      { id: '10001', name: 'Waiting for customer', bucket: 'waiting' },
      { id: '10003', name: 'Resolved', bucket: 'resolved' },
      { id: '4', name: 'Reopened', bucket: 'new' },
    ],
    bot: {
      resolve: { present: true, global: true, transitions: [{ id: '901', name: 'Resolve (Moveworks)', to: 'Resolved' }] },
      inProgress: { present: true, global: true, transitions: [{ id: '911', name: 'In progress (Moveworks)', to: 'In Progress' }] },
      reopen: { present: true, global: true, transitions: [{ id: '921', name: 'Reopen (Moveworks)', to: 'Reopened' }] },
    },
    resolveFields: { assignee: 'Assignee', resolution: 'Resolution' },
    ...overrides,
  };
}

export function desk(key: string, overrides: Partial<ParityDesk> = {}): ParityDesk {
  return {
    baseUrl: 'https://acme.atlassian.net',
    generatedAt: '2026-11-28T09:00:00.000Z',
    key,
    name: key === 'ITSD' ? 'IT Service Desk' : 'IT Service Desk (Test)',
    checks: {
      'SA-EXISTS': { status: 'pass', summary: 'found' },
      'SA-PROJECT-ROLE': { status: 'pass', summary: 'in the role' },
      'WF-STATUS-BUCKETS': { status: 'pass', summary: 'every bucket has a status' },
    },
    workflows: [workflow()],
    unreadable: [],
    ...overrides,
  };
}
