/**
 * Model objects → the JSON Jira sends, typed with the generated OpenAPI types.
 * Privacy lives here: a hidden or unset time zone reads as the site default and a
 * hidden e-mail is omitted, except when users look at themselves (/myself).
 */
import type { components as Platform } from '../../src/jira/generated/jira-platform';
import type { components as ServiceDesk } from '../../src/jira/generated/jira-servicedesk';
import type { SiteModel, SimGroup, SimProject, SimProjectRole, SimUser } from './model';

type P = Platform['schemas'];
type SD = ServiceDesk['schemas'];
/** The generated types mark server-set fields readonly; building a response sets them. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };

export function avatarUrls(seed: string): P['AvatarUrlsBean'] {
  const initials = seed
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase()
    .replace(/[^A-Z]/g, 'X') || 'XX';
  const url = (size: number) => `https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/initials/${initials}-${size}.png`;
  return { '16x16': url(16), '24x24': url(24), '32x32': url(32), '48x48': url(48) };
}

export interface Viewer {
  accountId: string;
}

/** What another user sees of a profile. */
export function visibleTimeZone(model: SiteModel, user: SimUser, viewer: Viewer): string {
  const siteDefault = model.settings.defaultUserTimeZone ?? model.settings.serverTimeZone;
  if (viewer.accountId === user.accountId) return user.timeZone ?? siteDefault;
  return user.timeZoneHidden || !user.timeZone ? siteDefault : user.timeZone;
}

export function visibleEmail(user: SimUser, viewer: Viewer): string | undefined {
  if (!user.email) return undefined;
  if (viewer.accountId === user.accountId) return user.email;
  return user.emailHidden ? undefined : user.email;
}

export function userSelf(baseUrl: string, accountId: string): string {
  return `${baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`;
}

export function groupName(baseUrl: string, group: SimGroup): P['GroupName'] {
  return { name: group.name, groupId: group.groupId, self: `${baseUrl}/rest/api/3/group?groupId=${encodeURIComponent(group.groupId)}` };
}

export function userBean(model: SiteModel, baseUrl: string, user: SimUser, viewer: Viewer, expand: Set<string>): P['User'] {
  const groups = model.groupsOf(user.accountId);
  const roles = model.applicationRolesOf(user.accountId);
  return {
    ...userCommon(model, baseUrl, user, viewer),
    locale: user.locale ?? 'en_US',
    expand: 'groups,applicationRoles',
    groups: expand.has('groups') ? { size: groups.length, items: groups.map((g) => groupName(baseUrl, g)) } : { size: groups.length, items: [] },
    applicationRoles: expand.has('applicationRoles')
      ? { size: roles.length, items: roles.map((r) => applicationRole(model, baseUrl, r.key)) }
      : { size: roles.length, items: [] },
  };
}

export function applicationRole(model: SiteModel, baseUrl: string, key: string): P['ApplicationRole'] {
  const role = model.applicationRoles.find((r) => r.key === key)!;
  const groups = role.groupIds.map((id) => model.group(id)).filter((g): g is SimGroup => g !== undefined);
  return {
    key: role.key,
    name: role.name,
    groups: groups.map((g) => g.name),
    groupDetails: groups.map((g) => groupName(baseUrl, g)),
    defaultGroups: groups.slice(0, 1).map((g) => g.name),
    defaultGroupsDetails: groups.slice(0, 1).map((g) => groupName(baseUrl, g)),
    selectedByDefault: false,
    defined: true,
    hasUnlimitedSeats: false,
    numberOfSeats: 100,
    remainingSeats: 100,
    userCount: 0,
    userCountDescription: 'users',
    platform: false,
  };
}

/** What every platform user shape carries: the e-mail only where the viewer may see it. */
function userCommon(model: SiteModel, baseUrl: string, user: SimUser, viewer: Viewer) {
  const email = visibleEmail(user, viewer);
  return {
    self: userSelf(baseUrl, user.accountId),
    accountId: user.accountId,
    accountType: user.accountType,
    avatarUrls: avatarUrls(user.displayName),
    displayName: user.displayName,
    active: user.active,
    timeZone: visibleTimeZone(model, user, viewer),
    ...(email === undefined ? {} : { emailAddress: email }),
  };
}

/** The smaller shape of group/member pages. */
export function userDetails(model: SiteModel, baseUrl: string, user: SimUser, viewer: Viewer): P['UserDetails'] {
  return userCommon(model, baseUrl, user, viewer);
}

/** JSM's user shape (customers). */
export function userDto(model: SiteModel, baseUrl: string, user: SimUser, viewer: Viewer): SD['UserDTO'] {
  const dto: SD['UserDTO'] = {
    accountId: user.accountId,
    displayName: user.displayName,
    active: user.active,
    timeZone: visibleTimeZone(model, user, viewer),
    _links: {
      jiraRest: userSelf(baseUrl, user.accountId),
      avatarUrls: avatarUrls(user.displayName) as Record<string, string>,
      self: userSelf(baseUrl, user.accountId),
    },
  };
  const email = visibleEmail(user, viewer);
  if (email !== undefined) dto.emailAddress = email;
  return dto;
}

export function projectBean(model: SiteModel, baseUrl: string, project: SimProject, expand: Set<string>, viewer: Viewer): P['Project'] {
  const bean: Writable<P['Project']> = {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    self: `${baseUrl}/rest/api/3/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    avatarUrls: avatarUrls(project.name),
    projectTypeKey: project.projectTypeKey,
    simplified: project.style === 'next-gen',
    style: project.style,
    isPrivate: false,
    properties: {},
  };
  if (expand.has('issueTypes')) {
    bean.issueTypes = project.issueTypeIds.map((id) => issueTypeDetails(model, baseUrl, id));
  }
  if (expand.has('lead') && project.leadAccountId) {
    const lead = model.user(project.leadAccountId);
    if (lead) bean.lead = userBean(model, baseUrl, lead, viewer, new Set());
  }
  return bean;
}

export function issueTypeDetails(model: SiteModel, baseUrl: string, id: string): P['IssueTypeDetails'] {
  const type = model.issueType(id);
  const details: Writable<P['IssueTypeDetails']> = {
    self: `${baseUrl}/rest/api/3/issuetype/${id}`,
    id,
    name: type?.name ?? id,
    description: type?.description ?? '',
    iconUrl: `${baseUrl}/rest/api/2/universal_avatar/view/type/issuetype/avatar/10300?size=medium`,
    subtask: false,
    avatarId: 10300,
    hierarchyLevel: 0,
  };
  if (type?.projectId) details.scope = { type: 'PROJECT', project: { id: type.projectId } };
  return details;
}

export function projectRoleBean(model: SiteModel, baseUrl: string, project: SimProject, role: SimProjectRole): P['ProjectRole'] {
  const bean: Writable<P['ProjectRole']> = {
    self: `${baseUrl}/rest/api/3/project/${project.id}/role/${role.id}`,
    name: role.name,
    id: role.id,
    description: role.description,
    actors: role.actors.map((actor) => roleActor(model, actor)).filter((a): a is P['RoleActor'] => a !== undefined),
  };
  if (project.style === 'next-gen') bean.scope = { type: 'PROJECT', project: { id: project.id } };
  return bean;
}

function roleActor(model: SiteModel, actor: SimProjectRole['actors'][number]): P['RoleActor'] | undefined {
  if (actor.type === 'user') {
    const user = model.user(actor.accountId);
    if (!user) return undefined;
    return {
      id: actor.actorId,
      displayName: user.displayName,
      type: 'atlassian-user-role-actor',
      actorUser: { accountId: user.accountId },
      avatarUrl: avatarUrls(user.displayName)['48x48'],
    };
  }
  const group = model.group(actor.groupId);
  if (!group) return undefined;
  return {
    id: actor.actorId,
    displayName: group.name,
    name: group.name,
    type: 'atlassian-group-role-actor',
    actorGroup: { name: group.name, displayName: group.name, groupId: group.groupId },
  };
}

export function serviceDeskDto(baseUrl: string, project: SimProject): SD['ServiceDeskDTO'] {
  return {
    id: project.serviceDeskId!,
    projectId: project.id,
    projectName: project.name,
    projectKey: project.key,
    _links: { self: `${baseUrl}/rest/servicedeskapi/servicedesk/${project.serviceDeskId}` },
  };
}

export function requestTypeDto(baseUrl: string, project: SimProject, requestType: SimProject['requestTypes'][number]): SD['RequestTypeDTO'] {
  return {
    _links: { self: `${baseUrl}/rest/servicedeskapi/servicedesk/${project.serviceDeskId}/requesttype/${requestType.id}` },
    id: requestType.id,
    name: requestType.name,
    description: requestType.description,
    helpText: '',
    issueTypeId: requestType.issueTypeId,
    serviceDeskId: project.serviceDeskId!,
    portalId: project.serviceDeskId!,
    groupIds: ['1'],
    icon: {
      id: '10500',
      _links: { iconUrls: { '48x48': `${baseUrl}/rest/api/2/universal_avatar/view/type/SD_REQTYPE/avatar/10500?size=large` } },
    },
    canCreateRequest: true,
    restrictionStatus: 'OPEN',
    _expands: ['field'],
  } as SD['RequestTypeDTO'];
}

export function organizationDto(baseUrl: string, organization: { id: string; name: string }): SD['OrganizationDTO'] {
  return {
    id: organization.id,
    name: organization.name,
    scimManaged: false,
    _links: { self: `${baseUrl}/rest/servicedeskapi/organization/${organization.id}` },
  };
}
