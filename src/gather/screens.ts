/**
 * Screens of transitions that could be the Resolve transition, read once each:
 * every tab's fields, so WF-RESOLVE-SCREEN-* can look for Assignee and the fields
 * a resolution needs, and the screens' names (for the admin, who knows a screen by
 * its name, not its id) in one listing for all of them.
 */
import type { StatusBucket } from '../shared/report-model';
import type { components } from '../jira/generated/jira-platform';
import type { JiraClient } from '../jira/jira-client';
import { getArray, startAtPages } from '../jira/paging';
import { settle } from './fetched';
import type { JiraWorkflow, JiraWorkflowStatus, ScreenFields } from './snapshot';
import type { Fetched } from '../shared/fetched';
import { transitionScreenId } from './workflow-references';

type ScreenableTab = components['schemas']['ScreenableTab'];
type ScreenableField = components['schemas']['ScreenableField'];
type Screen = components['schemas']['Screen'];

export const SCREENS = '/rest/api/3/screens';
/** Ids per GET /screens call: its page holds 100 screens by default. */
export const SCREEN_NAME_BATCH = 100;

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

/**
 * The names of the given screens, from GET /screens with the ids (a batch per call,
 * each paged). A name only makes a sentence readable; the checks judge the fields,
 * so a batch Jira refuses (the listing needs Administer Jira) leaves its screens
 * unnamed rather than failing anything.
 */
export async function readScreenNames(client: JiraClient, screenIds: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  // The parameter is an int64 list: an id that is not a number would spoil its whole batch.
  const ids = [...new Set(screenIds)].filter((id) => /^\d+$/.test(id));
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += SCREEN_NAME_BATCH) batches.push(ids.slice(i, i + SCREEN_NAME_BATCH));
  await Promise.all(
    batches.map(async (batch) => {
      try {
        for await (const page of startAtPages<Screen>(client, SCREENS, { query: { id: batch }, pageSize: SCREEN_NAME_BATCH })) {
          for (const screen of page) if (screen.id !== undefined && screen.name) names.set(String(screen.id), screen.name);
        }
      } catch {
        // Unnamed screens are shown by id.
      }
    }),
  );
  return names;
}

/** A screen's fields over every tab; its name, when `names` (read alongside) has it. */
export function gatherScreen(client: JiraClient, screenId: string, names?: Promise<Map<string, string>>): Promise<Fetched<ScreenFields>> {
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
    const name = (await names)?.get(screenId);
    return { id: screenId, ...(name ? { name } : {}), fieldIds, fieldNames };
  });
}
