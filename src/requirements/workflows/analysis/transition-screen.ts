/**
 * The screen a transition shows, as the snapshot holds it: none configured, not
 * readable (with the reason), or its fields over every tab.
 */
import type { RemediationStep } from '../../../shared/report-model';
import type { ProjectSnapshot, ScreenFields, SiteSnapshot } from '../../../gather/snapshot';
import { DOCS } from '../../links';
import { fetchReason } from '../../fetch-reason';
import { transitionScreenId } from '../../../gather/workflow-references';
import { normaliseFieldId } from './rule-vocabulary';
import type { TransitionView } from './workflow-view';

export type TransitionScreen =
  | { kind: 'none' }
  | { kind: 'unread'; screenId: string; reason: string }
  | { kind: 'read'; screenId: string; screen: ScreenFields };

/** The screen's id, read as the gatherer reads it (so a screen named here is one it fetched). */
export function screenIdOf(t: TransitionView): string | null {
  return transitionScreenId(t.raw);
}

export function transitionScreen(t: TransitionView, snapshot: SiteSnapshot): TransitionScreen {
  const screenId = screenIdOf(t);
  if (screenId === null) return { kind: 'none' };
  const screens = snapshot.screens ?? {};
  const fetched = Object.prototype.hasOwnProperty.call(screens, screenId) ? screens[screenId] : undefined;
  if (!fetched) return { kind: 'unread', screenId, reason: 'it was not read in this run' };
  if (!fetched.ok) return { kind: 'unread', screenId, reason: fetchReason(fetched.error) };
  return { kind: 'read', screenId, screen: fetched.value };
}

/**
 * Team-managed workflows may offer no transition screens at all, so "add a screen"
 * may be impossible there: say so rather than send the admin looking for a menu.
 */
export function teamManagedScreenNote(project: ProjectSnapshot): RemediationStep[] {
  if (project.style !== 'team-managed') return [];
  return [
    {
      text: 'This is a team-managed project: if its workflow editor offers no transition screens, discuss with your Moveworks team how to set these fields, or move the desk to a company-managed project.',
      url: DOCS.teamManagedWorkflows,
    },
  ];
}

/** How a sentence names the screen: its name in quotes, or its id where the name could not be read. */
export function screenRef(screen: Exclude<TransitionScreen, { kind: 'none' }>): string {
  const name = screen.kind === 'read' ? screen.screen.name : undefined;
  return name ? `“${name}”` : screen.screenId;
}

/** The screen in evidence: by name (its id kept beside it), "Screen 10002" where the name was not read; null for none. */
export function screenEvidence(screen: TransitionScreen): { id: string; name: string } | null {
  if (screen.kind === 'none') return null;
  return { id: screen.screenId, name: (screen.kind === 'read' ? screen.screen.name : undefined) ?? `Screen ${screen.screenId}` };
}

/**
 * Field names by field id from every screen read in the run: a field a Resolve screen
 * lacks is still named when another screen shows it.
 */
export function siteFieldNames(snapshot: SiteSnapshot): Record<string, string> {
  const names: Record<string, string> = {};
  for (const entry of Object.values(snapshot.screens ?? {})) if (entry.ok) for (const [id, name] of Object.entries(entry.value.fieldNames)) names[normaliseFieldId(id)] ??= name;
  // The site's field list names the fields no screen shows yet (a required field missing from every screen).
  if (snapshot.fieldNames?.ok) for (const [id, name] of Object.entries(snapshot.fieldNames.value)) names[normaliseFieldId(id)] ??= name;
  return names;
}

/** Fields as evidence shows them: each by name, its id beside it. */
export function fieldRefs(fieldIds: readonly string[], names: Record<string, string> = {}): { id: string; name: string }[] {
  return fieldIds.map((id) => ({ id, name: fieldLabel(id, names) }));
}

export function screenHasField(screen: ScreenFields, fieldId: string): boolean {
  const wanted = normaliseFieldId(fieldId);
  return screen.fieldIds.some((f) => normaliseFieldId(f) === wanted);
}

const SYSTEM_FIELD_NAMES: Record<string, string> = {
  assignee: 'Assignee',
  resolution: 'Resolution',
  comment: 'Comment',
  fixversions: 'Fix versions',
  duedate: 'Due date',
  timetracking: 'Time tracking',
  worklog: 'Log work',
};

/** "Resolution", or a custom field's name where some screen told us, else its id. */
export function fieldLabel(fieldId: string, names: Record<string, string> = {}): string {
  const id = normaliseFieldId(fieldId);
  const known = Object.entries(names).find(([k]) => normaliseFieldId(k) === id)?.[1];
  return known ?? SYSTEM_FIELD_NAMES[id] ?? fieldId;
}
