/**
 * Builders for table tests of checks: a minimal, valid snapshot that each case
 * changes in one place. Shared by every check's test so cases stay short.
 */
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings } from '../../shared/report-model';
import type { JiraWorkflow, JiraWorkflowStatus, ProjectSnapshot, ServiceAccountInfo, SiteSnapshot } from '../../gather/snapshot';
import type { Fetched, FetchError } from '../../shared/fetched';

export const BASE_URL = 'https://acme.atlassian.net';
export const SA_ID = '557058:sa-moveworks';

export function ok<T>(value: T): Fetched<T> {
  return { ok: true, value };
}

export function failed(kind: FetchError['kind'], endpoint: string, status?: number, message?: string): Fetched<never> {
  return { ok: false, error: { kind, endpoint, status, message: message ?? `Jira answered ${status ?? kind} for ${endpoint}` } };
}

export function serviceAccount(overrides: Partial<ServiceAccountInfo> = {}): ServiceAccountInfo {
  return {
    accountId: SA_ID,
    accountType: 'atlassian',
    active: true,
    displayName: 'Moveworks Bot',
    emailAddress: 'moveworks-bot@acme.com',
    timeZone: 'America/Danmarkshavn',
    groups: [{ name: 'jira-servicedesk-users', groupId: 'g-jsd-users' }],
    applicationRoles: [{ key: 'jira-servicedesk', name: 'Jira Service Management' }],
    ...overrides,
  };
}

export function project(overrides: Partial<ProjectSnapshot> = {}): ProjectSnapshot {
  return {
    id: '10000',
    key: 'IT',
    name: 'IT Service Desk',
    style: 'company-managed',
    serviceDeskId: '1',
    roles: ok([
      { id: '10101', name: 'Service Desk Team', actors: [{ type: 'user', accountId: SA_ID, displayName: 'Moveworks Bot' }] },
      { id: '10102', name: 'Service Desk Customers', actors: [] },
    ]),
    customers: ok([]),
    organizations: ok([]),
    requestTypes: ok([{ id: '1', name: 'Get IT help', issueTypeId: '10001' }]),
    issueTypes: [{ id: '10001', name: 'IT Help' }],
    workflowByIssueType: ok({ '10001': 'IT Support Workflow' }),
    ...overrides,
  };
}

export function site(overrides: Partial<SiteSnapshot> = {}): SiteSnapshot {
  return {
    baseUrl: BASE_URL,
    gatheredAt: '2026-11-28T09:00:00.000Z',
    serverInfo: ok({ baseUrl: BASE_URL, serverTimeZone: 'Europe/London', deploymentType: 'Cloud' }),
    serviceAccount: ok(serviceAccount()),
    endUserGroups: {},
    projectListing: ok(true),
    projects: [project()],
    workflows: {},
    screens: {},
    workflowGroups: {},
    ...overrides,
  };
}

export function settings(overrides: Partial<EngineSettings> = {}): EngineSettings {
  return { ...DEFAULT_ENGINE_SETTINGS, serviceAccount: 'moveworks-bot@acme.com', ...overrides };
}

/** A status as POST /rest/api/3/workflows lists it in `statuses`. */
export function status(id: string, name: string, statusCategory: 'TODO' | 'IN_PROGRESS' | 'DONE'): JiraWorkflowStatus {
  return { id, name, statusCategory, statusReference: id, scope: { type: 'GLOBAL' } };
}

export function workflowEntry(workflow: JiraWorkflow, statuses: JiraWorkflowStatus[]): Fetched<{ workflow: JiraWorkflow; statuses: JiraWorkflowStatus[] }> {
  return ok({ workflow, statuses });
}
