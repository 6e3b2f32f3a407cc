/**
 * Fix for WF-RESOLVE-SCREEN-ASSIGNEE and WF-RESOLVE-SCREEN-FIELDS: put Assignee, and
 * every field a resolution needs (fieldsToSetOnResolve, the checks' own rule), on the
 * Resolve transition's screen. Two kinds of change:
 * - the transition has a screen: add the missing fields to it (its first tab). A
 *   screen is one object however many transitions and workflows show it, so the
 *   change reaches every project and issue type whose workflows show it;
 * - it has none: create one (named after the workflow and transition; when the site
 *   still has Jira's "Resolve Issue Screen", its fields too) and attach it to the
 *   transition through a workflow update.
 * Screens are Jira administration (Administer Jira). Team-managed workflows take no
 * transition screens, so there the fix can only say so.
 */
import type { components as Platform } from '../jira/generated/jira-platform';
import type { JiraClient } from '../jira/jira-client';
import { collectPages, getArray, startAtPages } from '../jira/paging';
import { SCREEN_TAB_FIELDS, SCREEN_TABS } from '../gather/screens';
import { resolveTransitions } from '../requirements/workflows/analysis/bot-transitions';
import { fieldsToSetOnResolve } from '../requirements/workflows/analysis/resolution-fields';
import { normaliseFieldId } from '../requirements/workflows/analysis/rule-vocabulary';
import { fieldLabel, screenEvidence, screenHasField, screenRef, siteFieldNames, transitionScreen } from '../requirements/workflows/analysis/transition-screen';
import type { ChangeResult, ItemResult } from '../shared/fix-model';
import type { Fix, FixPlan, PlannedChange } from './fix';
import { writeFailure } from './jira-words';
import { screenReach } from './reach';
import { asUpdate, editWorkflow, readWorkflowNow } from './workflow-write';
import { workflowChange, workflowTargets } from './workflow-targets';
import { DOCS } from '../requirements/links';
import { emptyPlan } from './plan-scope';

export const ADD_RESOLVE_SCREEN_FIELDS = 'add-resolve-screen-fields';
export const SCREENS = '/rest/api/3/screens';
/** The screen Jira ships for resolving, whose fields a new Resolve screen copies. */
export const RESOLVE_ISSUE_SCREEN = 'Resolve Issue Screen';
const DEFAULT_TAB = 'Field Tab';

type ScreenableTab = Platform['schemas']['ScreenableTab'];
type ScreenableField = Platform['schemas']['ScreenableField'];
type Screen = Platform['schemas']['Screen'];

/** Jira's ids for the system fields whose id is not all lower case (the checks compare them lower-cased). */
const JIRA_FIELD_IDS: Record<string, string> = { fixversions: 'fixVersions' };
const jiraFieldId = (normalised: string) => JIRA_FIELD_IDS[normalised] ?? normalised;

export interface ScreenFieldsPayload {
  screenId: string;
  fieldIds: string[];
  fieldNames: Record<string, string>;
}

export interface NewScreenPayload {
  workflowId: string;
  workflowName: string;
  transitionId: string;
  transitionName: string;
  screenName: string;
  fieldIds: string[];
  fieldNames: Record<string, string>;
}

export const addResolveScreenFields: Fix = {
  meta: {
    id: ADD_RESOLVE_SCREEN_FIELDS,
    title: 'Put Assignee and the resolution fields on the Resolve screen',
    description:
      'Adds Assignee, and every field a resolution requires, to the screen of the Resolve transition; where the transition has no screen, creates one (with the fields of Jira’s Resolve Issue Screen when the site has it) and attaches it. A screen shown by several workflows changes for all of them; Jira records the change as made by you.',
    resolves: ['WF-RESOLVE-SCREEN-ASSIGNEE', 'WF-RESOLVE-SCREEN-FIELDS'],
    scope: 'desk',
    permission: 'site-admin',
    scopes: ['manage:jira-project', 'manage:jira-configuration'],
    itemVerb: 'added',
  },
  requires: ['requestTypes', 'workflows', 'screens'],
  // A screen's fields, or a new screen attached to a workflow's transition.
  changes: ['workflows', 'screens'],

  plan(input): FixPlan {
    const plan = emptyPlan(ADD_RESOLVE_SCREEN_FIELDS, input.projects);
    if (!input.caller.isSiteAdmin) {
      plan.blockers.push({ reason: 'Only a Jira administrator can change screens (Administer Jira).', who: 'a Jira administrator' });
      return plan;
    }
    const names = siteFieldNames(input.snapshot);
    const { targets, blockers } = workflowTargets(input, 'attach screens');
    plan.blockers.push(...blockers);
    const screenChanges = new Map<string, { fields: string[]; shownBy: string[]; ref: string; name: string }>();
    const newScreens: PlannedChange[] = [];

    for (const target of targets) {
      const chosen = resolveTransitions(target.view);
      if (chosen.transitions.length === 0) {
        plan.blockers.push({
          reason: `Workflow “${target.name}” has no Resolve transition (none goes into a Resolved / Closed status), so there is no screen to fix: add one first (“Add the “from any status” transitions Moveworks uses” does).`,
        });
        continue;
      }
      for (const t of chosen.transitions) {
        const needed = unique(['assignee', ...fieldsToSetOnResolve(t).all].map(normaliseFieldId));
        const screen = transitionScreen(t, input.snapshot);
        if (screen.kind === 'unread') {
          plan.blockers.push({ reason: `The screen ${screen.screenId} of transition “${t.name}” in workflow “${target.name}” could not be read: ${screen.reason}` });
          continue;
        }
        if (screen.kind === 'read') {
          const missing = needed.filter((f) => !screenHasField(screen.screen, f));
          if (missing.length === 0) continue;
          const entry = screenChanges.get(screen.screenId) ?? { fields: [], shownBy: [], ref: screenRef(screen), name: screenEvidence(screen)!.name };
          entry.fields = unique([...entry.fields, ...missing]);
          entry.shownBy.push(`“${t.name}” in workflow “${target.name}”`);
          screenChanges.set(screen.screenId, entry);
          continue;
        }
        if (target.teamManaged) {
          plan.blockers.push({
            reason: `Transition “${t.name}” of the team-managed workflow “${target.name}” has no screen, and Jira’s API cannot give a team-managed workflow transition screens: set ${needed.map((f) => fieldLabel(f, names)).join(', ')} another way with your Moveworks team, or move the desk to a company-managed project.`,
            link: DOCS.teamManagedWorkflows,
          });
          continue;
        }
        const screenName = `${target.name}: ${t.name} screen (Moveworks)`.slice(0, 255);
        const payload: NewScreenPayload = {
          workflowId: target.id,
          workflowName: target.name,
          transitionId: t.id,
          transitionName: t.name,
          screenName,
          fieldIds: needed.map(jiraFieldId),
          fieldNames: labels(needed, names),
        };
        newScreens.push(workflowChange(input.snapshot, target, {
          id: `workflow:${target.id}:screen:${t.id}`,
          summary: `Create the screen “${screenName}” with ${needed.map((f) => fieldLabel(f, names)).join(', ')} and show it on transition “${t.name}” of workflow “${target.name}”`,
          items: needed.length,
          payload,
        }));
      }
    }

    for (const [screenId, { fields, shownBy, ref, name }] of screenChanges) {
      const payload: ScreenFieldsPayload = { screenId, fieldIds: fields.map(jiraFieldId), fieldNames: labels(fields, names) };
      plan.changes.push({
        id: `screen:${screenId}:fields`,
        summary: `Add ${fields.map((f) => fieldLabel(f, names)).join(', ')} to screen ${ref} (shown by ${shownBy.join(', ')})`,
        target: { kind: 'screen', id: screenId, name },
        reach: screenReach(input.snapshot, screenId),
        items: fields.length,
        payload,
      });
    }
    plan.changes.push(...newScreens);
    if (plan.changes.length > 0) {
      const fields = plan.changes.reduce((n, c) => n + c.items, 0);
      plan.summary = `Put ${fields} field${fields > 1 ? 's' : ''} on ${plan.changes.length} Resolve screen${plan.changes.length > 1 ? 's' : ''}`;
    }
    return plan;
  },

  async apply(change: PlannedChange, client: JiraClient): Promise<ChangeResult> {
    if (change.id.startsWith('screen:')) return addFields(change.id, change.payload as ScreenFieldsPayload, client);
    return createAndAttach(change.id, change.payload as NewScreenPayload, client);
  },
};

/** Adds the fields a screen lacks to its first tab; fields already on any tab are left as they are. */
async function addFields(changeId: string, p: ScreenFieldsPayload, client: JiraClient): Promise<ChangeResult> {
  let items: ItemResult[];
  try {
    items = await ensureFields(client, p.screenId, p.fieldIds, p.fieldNames);
  } catch (error) {
    const failure = writeFailure(error);
    return { changeId, outcome: failure.outcome, message: failure.message, itemsDone: 0, itemsFailed: p.fieldIds.length };
  }
  return summarise(changeId, items, `screen ${p.screenId}`);
}

async function ensureFields(client: JiraClient, screenId: string, fieldIds: string[], names: Record<string, string>): Promise<ItemResult[]> {
  const tabs = await getArray<ScreenableTab>(client, SCREEN_TABS, { path: { screenId } });
  const present = new Set<string>();
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    for (const f of await getArray<ScreenableField>(client, SCREEN_TAB_FIELDS, { path: { screenId, tabId: tab.id } })) if (f.id) present.add(normaliseFieldId(f.id));
  }
  let tab = tabs.find((t) => t.id !== undefined);
  if (!tab) tab = await client.post<ScreenableTab>(SCREEN_TABS, { name: DEFAULT_TAB }, { path: { screenId } });
  const items: ItemResult[] = [];
  for (const fieldId of fieldIds) {
    const name = names[fieldId] ?? fieldId;
    if (present.has(normaliseFieldId(fieldId))) {
      items.push({ id: fieldId, name, outcome: 'unchanged' });
      continue;
    }
    try {
      await client.post(SCREEN_TAB_FIELDS, { fieldId }, { path: { screenId, tabId: tab!.id! } });
      items.push({ id: fieldId, name, outcome: 'done' });
    } catch (error) {
      const failure = writeFailure(error);
      // Jira answers 400 to a field already on the screen: someone added it since the read.
      if (failure.status === 400 && /already/i.test(failure.message)) items.push({ id: fieldId, name, outcome: 'unchanged', message: failure.message });
      else items.push({ id: fieldId, name, outcome: 'failed', message: failure.message });
    }
  }
  return items;
}

async function createAndAttach(changeId: string, p: NewScreenPayload, client: JiraClient): Promise<ChangeResult> {
  try {
    const now = await readWorkflowNow(client, p.workflowId);
    const current = now?.workflow.transitions?.find((t) => t.id === p.transitionId);
    const shown = current?.transitionScreen?.parameters?.screenId;
    if (now && current && shown) {
      return { changeId, outcome: 'unchanged', message: `Transition “${p.transitionName}” already shows screen ${shown}; check again to put the fields on it.` };
    }
    // A screen of this name is one an earlier attempt created: reuse it rather than make a second.
    const existing = await findScreen(client, p.screenName);
    const { screen, fieldIds, fieldNames } = existing ? { screen: existing, fieldIds: p.fieldIds, fieldNames: p.fieldNames } : await createScreen(client, p);
    const items = await ensureFields(client, String(screen.id), fieldIds, fieldNames);
    const failed = items.filter((i) => i.outcome === 'failed');
    if (failed.length > 0) return { ...summarise(changeId, items, `screen ${screen.id}`), outcome: 'refused' };
    const attached = await editWorkflow(client, changeId, p.workflowId, ({ workflow }) => {
      const transitions = workflow.transitions ?? [];
      const t = transitions.find((x) => x.id === p.transitionId);
      if (!t) return { refused: `Workflow “${p.workflowName}” no longer has transition “${p.transitionName}”; check the fix again.` };
      if (t.transitionScreen?.parameters?.screenId) return { unchanged: `Transition “${p.transitionName}” already shows screen ${t.transitionScreen.parameters.screenId}.` };
      return {
        transitions: transitions.map((x) => (x.id === p.transitionId ? { ...asUpdate(x), transitionScreen: { ruleKey: 'system:transition-screen', parameters: { screenId: String(screen.id) } } } : asUpdate(x))),
        done: `Showed screen “${screen.name ?? p.screenName}” (${screen.id}), with ${fieldIds.map((f) => fieldNames[f] ?? f).join(', ')}, on transition “${p.transitionName}” of workflow “${p.workflowName}”.`,
      };
    });
    return { ...attached, items, itemsDone: items.filter((i) => i.outcome === 'done').length, itemsFailed: 0 };
  } catch (error) {
    const failure = writeFailure(error);
    return { changeId, outcome: failure.outcome, message: failure.message, itemsDone: 0, itemsFailed: p.fieldIds.length };
  }
}

/** The screen with exactly this name (GET /screens matches any part of the name, case-insensitively). */
async function findScreen(client: JiraClient, name: string): Promise<Screen | undefined> {
  const found = await collectPages(startAtPages<Screen>(client, SCREENS, { query: { queryString: name }, pageSize: 100 }));
  return found.find((s) => s.name === name);
}

async function createScreen(client: JiraClient, p: NewScreenPayload): Promise<{ screen: Screen; fieldIds: string[]; fieldNames: Record<string, string> }> {
  const fieldNames = { ...p.fieldNames };
  const copied: string[] = [];
  // Jira's own Resolve Issue Screen, where the site still has it, says what a resolution shows.
  const template = await findScreen(client, RESOLVE_ISSUE_SCREEN);
  if (template?.id !== undefined) {
    for (const tab of await getArray<ScreenableTab>(client, SCREEN_TABS, { path: { screenId: template.id } })) {
      if (tab.id === undefined) continue;
      for (const f of await getArray<ScreenableField>(client, SCREEN_TAB_FIELDS, { path: { screenId: template.id, tabId: tab.id } })) {
        if (f.id && !copied.includes(f.id)) copied.push(f.id);
        if (f.id && f.name) fieldNames[f.id] ??= f.name;
      }
    }
  }
  const screen = await client.post<Screen>(SCREENS, {
    name: p.screenName,
    description: `Resolve screen of “${p.transitionName}” in workflow “${p.workflowName}”, for Moveworks.`.slice(0, 255),
  });
  const copiedIds = new Set(copied.map(normaliseFieldId));
  return { screen, fieldIds: [...copied, ...p.fieldIds.filter((f) => !copiedIds.has(normaliseFieldId(f)))], fieldNames };
}

function summarise(changeId: string, items: ItemResult[], where: string): ChangeResult {
  const done = items.filter((i) => i.outcome === 'done');
  const failed = items.filter((i) => i.outcome === 'failed');
  const label = (list: ItemResult[]) => list.map((i) => i.name ?? i.id).join(', ');
  const outcome = failed.length > 0 ? (done.length > 0 ? 'applied' : 'refused') : done.length > 0 ? 'applied' : 'unchanged';
  const message =
    failed.length > 0
      ? `${done.length > 0 ? `Added ${label(done)} to ${where}; ` : ''}Jira refused ${label(failed)}: ${failed[0]!.message}`
      : done.length > 0
        ? `Added ${label(done)} to ${where}.`
        : `${label(items)} ${items.length > 1 ? 'are' : 'is'} already on ${where}.`;
  return { changeId, outcome, message, itemsDone: done.length, itemsFailed: failed.length, items };
}

/** Field names the run saw on any screen, so custom fields are named as admins know them. */
function labels(fields: string[], names: Record<string, string>): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [jiraFieldId(f), fieldLabel(f, names)]));
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
