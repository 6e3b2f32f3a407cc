/**
 * Artifacts a run already has: a Forge run reads what its desks share (the server,
 * the service account, the end-user groups, each desk's listing, request types and
 * organizations, the workflows, screens, the groups their conditions name and the
 * site's field names) once, in its first job, and hands it to the other jobs;
 * gatherSnapshot takes what is known instead of reading it, and reads the rest.
 *
 * Only what was read in full is ever known: a failure is never handed on, so every
 * job that needs it reads it and reports its own error, never a pass.
 *
 * `shareableEntries` turns a gathered snapshot into named entries; `knownFromEntries`
 * answers gatherSnapshot's questions from such entries, however they are kept.
 */
import type { Fetched } from '../shared/fetched';
import type { ArtifactKind } from './artifact-kind';
import type { ListedProject } from './project-listing';
import type { DeskOrganization, GroupById, GroupMembers, ProjectRole, ProjectSnapshot, RequestTypeRef, ScreenFields, ServiceAccountInfo, SiteSnapshot } from './snapshot';
import type { WorkflowEntry } from './workflows';

/**
 * What is known of one desk. Its customers are always read by its own job, and so
 * are its roles, unless an earlier job of the same desk read them (a desk too large
 * for one job, read on in a follow-up job): they are never shared between desks.
 */
export interface KnownDesk {
  listed: ListedProject;
  requestTypes?: Fetched<RequestTypeRef[]>;
  organizations?: Fetched<DeskOrganization[]>;
  /** Issue type → key in the snapshot's workflows. */
  workflowByIssueType?: Fetched<Record<string, string>>;
  roles?: Fetched<ProjectRole[]>;
}

/** Each answer is undefined when not known: the gatherer reads it then. */
export interface KnownArtifacts {
  serverInfo(): Promise<SiteSnapshot['serverInfo'] | undefined>;
  serviceAccount(): Promise<Fetched<ServiceAccountInfo | null> | undefined>;
  endUserGroup(name: string): Promise<Fetched<GroupMembers> | undefined>;
  desk(projectKey: string): Promise<KnownDesk | undefined>;
  workflow(key: string): Promise<WorkflowEntry | undefined>;
  screen(id: string): Promise<Fetched<ScreenFields> | undefined>;
  workflowGroup(groupId: string): Promise<Fetched<GroupById> | undefined>;
  /** The site's field names (GET /field), read once per run like the screens they name. */
  fieldNames(): Promise<Fetched<Record<string, string>> | undefined>;
}

export const ENTRY = {
  server: 'server',
  account: 'account',
  group: (name: string) => `group:${name}`,
  desk: (key: string) => `desk:${key.toUpperCase()}`,
  workflow: (key: string) => `workflow:${key}`,
  screen: (id: string) => `screen:${id}`,
  workflowGroup: (id: string) => `workflow-group:${id}`,
  fields: 'fields',
} as const;

/**
 * Pure: the entries of a snapshot others may take: every artifact read in full,
 * each desk that could be listed with whichever of its parts were read in full.
 * Roles and customers are left out: each job reads its own desk's.
 */
export function shareableEntries(snapshot: SiteSnapshot): Map<string, unknown> {
  return shareableOf(snapshotEntries(snapshot, true));
}

/**
 * Pure: of entries with failures, those others may take: the same values (not
 * copies: the reading job keeps both, and an enterprise site's groups are large),
 * each desk with only its whole parts.
 */
export function shareableOf(entries: ReadonlyMap<string, unknown>): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [name, value] of entries) {
    if (name.startsWith(ENTRY.desk(''))) {
      const desk = value as KnownDesk;
      const whole: KnownDesk = { listed: desk.listed };
      if (desk.requestTypes?.ok) whole.requestTypes = desk.requestTypes;
      if (desk.organizations?.ok) whole.organizations = desk.organizations;
      if (desk.workflowByIssueType?.ok) whole.workflowByIssueType = desk.workflowByIssueType;
      out.set(name, whole);
    } else if ((value as Fetched<unknown>).ok) out.set(name, value);
  }
  return out;
}

/**
 * Pure: the same entries, failures included when `failures` is set: what the job
 * that read them uses itself (its own failures stay its errors, not read twice).
 */
export function snapshotEntries(snapshot: SiteSnapshot, failures: boolean): Map<string, unknown> {
  const whole = <T>(value: Fetched<T> | undefined): Fetched<T> | undefined => (value && (value.ok || failures) ? value : undefined);
  const entries = new Map<string, unknown>();
  const add = (name: string, value: unknown): void => {
    if (value !== undefined) entries.set(name, value);
  };
  add(ENTRY.server, whole(snapshot.serverInfo));
  add(ENTRY.account, whole(snapshot.serviceAccount));
  for (const [name, group] of Object.entries(snapshot.endUserGroups)) add(ENTRY.group(name), compactGroup(whole(group)));
  for (const project of snapshot.projects) add(ENTRY.desk(project.key), knownDeskOf(project, failures));
  for (const [key, workflow] of Object.entries(snapshot.workflows)) add(ENTRY.workflow(key), whole(workflow));
  for (const [id, screen] of Object.entries(snapshot.screens ?? {})) add(ENTRY.screen(id), whole(screen));
  for (const [id, group] of Object.entries(snapshot.workflowGroups ?? {})) add(ENTRY.workflowGroup(id), whole(group));
  add(ENTRY.fields, whole(snapshot.fieldNames));
  return entries;
}

/**
 * Pure: what a snapshot knows of one desk (its listing and whichever parts were
 * read, in full unless `failures` is set), without its roles or customers;
 * undefined when the desk could not be listed.
 */
export function knownDeskOf(project: ProjectSnapshot, failures: boolean): KnownDesk | undefined {
  if (project.unavailable || !project.id) return undefined;
  const whole = <T>(value: Fetched<T> | undefined): Fetched<T> | undefined => (value && (value.ok || failures) ? value : undefined);
  const issueTypeNames: Record<string, string> = {};
  for (const t of project.issueTypes) if (t.name) issueTypeNames[t.id] = t.name;
  const listed: ListedProject = { id: project.id, key: project.key, name: project.name, style: project.style, issueTypeNames, ...(project.serviceDeskId ? { serviceDeskId: project.serviceDeskId } : {}) };
  const desk: KnownDesk = { listed };
  const requestTypes = whole(project.requestTypes);
  const organizations = whole(project.organizations);
  const workflowByIssueType = whole(project.workflowByIssueType);
  if (requestTypes) desk.requestTypes = requestTypes;
  if (organizations) desk.organizations = organizations;
  if (workflowByIssueType) desk.workflowByIssueType = workflowByIssueType;
  return desk;
}

/** Nothing known: every answer is read. */
const NOTHING_KNOWN: KnownArtifacts = {
  serverInfo: async () => undefined,
  serviceAccount: async () => undefined,
  endUserGroup: async () => undefined,
  desk: async () => undefined,
  workflow: async () => undefined,
  screen: async () => undefined,
  workflowGroup: async () => undefined,
  fieldNames: async () => undefined,
};

/**
 * `known` with one desk answered from `desk` (what an earlier job of that desk read
 * of it, roles included) and everything else as `known` answers it.
 */
export function knownWithDesk(known: KnownArtifacts | undefined, desk: KnownDesk): KnownArtifacts {
  const base = known ?? NOTHING_KNOWN;
  const key = desk.listed.key.toUpperCase();
  return { ...base, desk: async (asked) => (asked.toUpperCase() === key ? desk : base.desk(asked)) };
}

/**
 * What a snapshot read moments ago tells a re-check, except what `changed` names:
 * after a fix, only what the fix could have changed is read again. Roles and
 * customers are never taken (a re-check reads its desks' own).
 */
export function knownExcept(snapshot: SiteSnapshot, changed: readonly ArtifactKind[]): KnownArtifacts {
  const entries = shareableEntries(snapshot);
  const has = (kind: ArtifactKind): boolean => changed.includes(kind);
  const drop = (prefix: string): void => {
    for (const name of [...entries.keys()]) if (name.startsWith(prefix)) entries.delete(name);
  };
  if (has('serverInfo')) entries.delete(ENTRY.server);
  if (has('serviceAccount') || has('serviceAccountSelf')) entries.delete(ENTRY.account);
  if (has('endUserGroups')) drop(ENTRY.group(''));
  if (has('workflows')) drop(ENTRY.workflow(''));
  if (has('screens')) drop(ENTRY.screen(''));
  if (has('workflowGroups') || has('workflows')) drop(ENTRY.workflowGroup(''));
  if (has('fields')) entries.delete(ENTRY.fields);
  for (const [name, value] of entries) {
    if (!name.startsWith(ENTRY.desk(''))) continue;
    const desk = { ...(value as KnownDesk) };
    if (has('requestTypes')) delete desk.requestTypes;
    if (has('organizations')) delete desk.organizations;
    // New request types or workflows mean a new mapping of issue types to workflows.
    if (has('requestTypes') || has('workflows')) delete desk.workflowByIssueType;
    entries.set(name, desk);
  }
  return knownFromEntries(async <T>(name: string) => entries.get(name) as T | undefined);
}

/**
 * A group as kept for other jobs: ids and names side by side, not an object per
 * member. Every job reads the whole group (100,000 members at enterprise size), and
 * kvs meters reads by the 10 KB: the member objects' keys alone were a third of it.
 */
interface CompactGroup {
  name: string;
  groupId?: string;
  accountIds: string[];
  /** '' where Jira gave no display name. */
  displayNames: string[];
}

function compactGroup(group: Fetched<GroupMembers> | undefined): Fetched<CompactGroup> | undefined {
  if (!group?.ok) return group;
  const { name, groupId, members } = group.value;
  return { ok: true, value: { name, ...(groupId ? { groupId } : {}), accountIds: members.map((m) => m.accountId), displayNames: members.map((m) => m.displayName ?? '') } };
}

function expandGroup(group: Fetched<CompactGroup> | undefined): Fetched<GroupMembers> | undefined {
  if (!group?.ok) return group;
  const { name, groupId, accountIds, displayNames } = group.value;
  if (!Array.isArray(accountIds) || !Array.isArray(displayNames) || accountIds.length !== displayNames.length) return undefined;
  const members = accountIds.map((accountId, i) => (displayNames[i] ? { accountId, displayName: displayNames[i]! } : { accountId }));
  return { ok: true, value: { name, ...(groupId ? { groupId } : {}), members } };
}

/**
 * gatherSnapshot's questions answered from named entries; anything not whole is
 * read again, unless `failures` is set (the entries are the asking job's own read).
 */
export function knownFromEntries(entry: <T>(name: string) => Promise<T | undefined>, failures = false): KnownArtifacts {
  const usable = (value: Fetched<unknown> | undefined): boolean => value?.ok === true || (failures && value?.ok === false);
  const okOnly = async <T>(name: string): Promise<Fetched<T> | undefined> => {
    const value = await entry<Fetched<T>>(name);
    return value && usable(value) ? value : undefined;
  };
  return {
    serverInfo: () => okOnly(ENTRY.server),
    serviceAccount: () => okOnly(ENTRY.account),
    endUserGroup: async (name) => expandGroup(await okOnly<CompactGroup>(ENTRY.group(name))),
    desk: async (key) => {
      const desk = await entry<KnownDesk>(ENTRY.desk(key));
      if (!desk?.listed?.id) return undefined;
      // Only whole parts: a part stored any other way is read again.
      const known: KnownDesk = { listed: desk.listed };
      if (usable(desk.requestTypes)) known.requestTypes = desk.requestTypes!;
      if (usable(desk.organizations)) known.organizations = desk.organizations!;
      if (usable(desk.workflowByIssueType)) known.workflowByIssueType = desk.workflowByIssueType!;
      return known;
    },
    workflow: (key) => okOnly(ENTRY.workflow(key)),
    screen: (id) => okOnly(ENTRY.screen(id)),
    workflowGroup: (id) => okOnly(ENTRY.workflowGroup(id)),
    fieldNames: () => okOnly(ENTRY.fields),
  };
}
