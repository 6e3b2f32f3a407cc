/**
 * Screens of transitions that could be the Resolve transition, read once each:
 * every tab's fields, so WF-RESOLVE-SCREEN-* can look for Assignee and the fields
 * a resolution needs.
 */
import type { StatusBucket } from '../shared/report-model';
import type { components } from '../jira/generated/jira-platform';
import type { JiraClient } from '../jira/jira-client';
import { getArray } from '../jira/paging';
import { settle } from './fetched';
import type { JiraWorkflow, JiraWorkflowStatus, ScreenFields } from './snapshot';
import type { Fetched } from '../shared/fetched';
import { transitionScreenId } from './workflow-references';

type ScreenableTab = components['schemas']['ScreenableTab'];
type ScreenableField = components['schemas']['ScreenableField'];

export const SCREEN_TABS = '/rest/api/3/screens/{screenId}/tabs';
export const SCREEN_TAB_FIELDS = '/rest/api/3/screens/{screenId}/tabs/{tabId}/fields';

/**
 * Pure: screen ids of transitions into a status that may be "resolved": category
 * DONE, or a status the admin put in the resolved bucket (by id or exact name).
 */
export function resolveCandidateScreenIds(
  workflow: JiraWorkflow,
  statuses: readonly JiraWorkflowStatus[],
  overrides: Record<string, StatusBucket>,
): string[] {
  const byRef = new Map<string, JiraWorkflowStatus>();
  for (const s of statuses) {
    if (s.statusReference) byRef.set(s.statusReference, s);
    if (s.id && !byRef.has(s.id)) byRef.set(s.id, s);
  }
  const ids = new Set<string>();
  for (const transition of workflow.transitions ?? []) {
    const screenId = transitionScreenId(transition);
    if (screenId === null || !transition.toStatusReference) continue;
    const target = byRef.get(transition.toStatusReference);
    if (!target) continue;
    const overridden = (target.id && overrides[target.id] === 'resolved') || (target.name && overrides[target.name] === 'resolved');
    if (target.statusCategory === 'DONE' || overridden) ids.add(screenId);
  }
  return [...ids];
}

export function gatherScreen(client: JiraClient, screenId: string): Promise<Fetched<ScreenFields>> {
  return settle(`GET ${SCREEN_TABS}`, async () => {
    const tabs = await getArray<ScreenableTab>(client, SCREEN_TABS, { path: { screenId } });
    const perTab = await Promise.all(
      tabs.map((tab) =>
        tab.id === undefined ? Promise.resolve([]) : getArray<ScreenableField>(client, SCREEN_TAB_FIELDS, { path: { screenId, tabId: tab.id } }),
      ),
    );
    const fieldIds: string[] = [];
    const fieldNames: Record<string, string> = {};
    for (const field of perTab.flat()) {
      if (!field.id) continue;
      if (!(field.id in fieldNames)) fieldIds.push(field.id);
      fieldNames[field.id] = field.name ?? field.id;
    }
    return { id: screenId, fieldIds, fieldNames };
  });
}
