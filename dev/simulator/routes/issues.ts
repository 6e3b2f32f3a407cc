/**
 * Issues and e-mail: create an issue (the report issue), read it, and
 * POST /issue/{key}/notify, which records the message for the preview's Outbox
 * instead of sending it. Recipient rules follow Jira: the caller never mails
 * themselves (400 when they are the only recipient); outgoing mail off is 403;
 * recipients who cannot see the issue are dropped silently (still 204) and
 * recorded as `dropped`.
 */
import type { components as Platform } from '../../../src/jira/generated/jira-platform';
import type { SimIssue, SimUser } from '../model';
import { issueTypeDetails, projectBean, userBean } from '../representations';
import { jiraError, jiraFieldErrors, noContent, ok } from '../responses';
import { canBrowseIssue, hasProject } from './permissions';
import { isRecord, type Route, type RouteContext } from './route';

type P = Platform['schemas'];

function ref(value: unknown): { id?: string; key?: string; name?: string; accountId?: string; groupId?: string } | undefined {
  if (!isRecord(value)) return undefined;
  const pick = (k: string) => (typeof value[k] === 'string' ? (value[k] as string) : undefined);
  return { id: pick('id'), key: pick('key'), name: pick('name'), accountId: pick('accountId'), groupId: pick('groupId') };
}

function createIssue(ctx: RouteContext) {
  if (!isRecord(ctx.body) || !isRecord(ctx.body.fields)) return jiraError(400, 'The request body is not valid: fields is required.');
  const fields = ctx.body.fields;
  const errors: Record<string, string> = {};
  const projectRef = ref(fields.project);
  const project = projectRef ? ctx.model.project(projectRef.id ?? projectRef.key ?? '') : undefined;
  if (!project) errors.project = 'Specify a valid project ID or key';
  const typeRef = ref(fields.issuetype);
  let issueTypeId: string | undefined;
  if (project && typeRef) {
    issueTypeId = project.issueTypeIds.find((id) => id === typeRef.id || ctx.model.issueType(id)?.name === typeRef.name);
  }
  if (!issueTypeId) errors.issuetype = 'Specify an issue type';
  if (typeof fields.summary !== 'string' || fields.summary.trim() === '') errors.summary = 'You must specify a summary of the issue.';
  else if (fields.summary.length > 255) errors.summary = 'Summary must be less than 255 characters.';
  let assignee: string | undefined;
  const assigneeRef = ref(fields.assignee);
  if (assigneeRef?.accountId ?? assigneeRef?.id) {
    assignee = assigneeRef.accountId ?? assigneeRef.id;
    if (!ctx.model.user(assignee!)) errors.assignee = `User '${assignee}' does not exist.`;
  }
  if (Object.keys(errors).length > 0) return jiraFieldErrors(400, errors);
  if (!hasProject(ctx.model, ctx.caller, 'CREATE_ISSUES', project!)) return jiraError(403, 'You do not have permission to create issues in this project.');
  const issue = ctx.model.createIssue({
    projectId: project!.id,
    issueTypeId: issueTypeId!,
    summary: fields.summary as string,
    description: fields.description,
    reporterAccountId: ref(fields.reporter)?.accountId ?? ctx.caller.accountId,
    assigneeAccountId: assignee,
    fields: { ...fields },
  });
  const body: P['CreatedIssue'] = { id: issue.id, key: issue.key, self: `${ctx.baseUrl}/rest/api/3/issue/${issue.id}` };
  return ok(body, 201);
}

function getIssue(ctx: RouteContext) {
  const issue = ctx.model.issue(ctx.params.issueIdOrKey!);
  const project = issue ? ctx.model.project(issue.projectId) : undefined;
  if (!issue || !project || !canBrowseIssue(ctx.model, ctx.caller, issue)) {
    return jiraError(404, 'Issue does not exist or you do not have permission to see it.');
  }
  const person = (accountId: string | undefined) => {
    const user = accountId ? ctx.model.user(accountId) : undefined;
    return user ? userBean(ctx.model, ctx.baseUrl, user, ctx.caller, new Set()) : null;
  };
  const body: P['IssueBean'] = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    key: issue.key,
    self: `${ctx.baseUrl}/rest/api/3/issue/${issue.id}`,
    fields: {
      summary: issue.summary,
      description: issue.description ?? null,
      issuetype: issueTypeDetails(ctx.model, ctx.baseUrl, issue.issueTypeId),
      project: projectBean(ctx.model, ctx.baseUrl, project, new Set(), ctx.caller),
      reporter: person(issue.reporterAccountId),
      assignee: person(issue.assigneeAccountId),
      created: issue.created.replace('Z', '+0000'),
    },
  };
  return ok(body);
}

function resolveRecipients(ctx: RouteContext, issue: SimIssue, to: Record<string, unknown>): SimUser[] | { error: string } {
  const found = new Map<string, SimUser>();
  const add = (user: SimUser | undefined) => {
    if (user && user.active) found.set(user.accountId, user);
  };
  if (to.reporter === true) add(ctx.model.user(issue.reporterAccountId));
  if (to.assignee === true) {
    if (!issue.assigneeAccountId) return { error: 'The issue has no assignee to notify.' };
    add(ctx.model.user(issue.assigneeAccountId));
  }
  // The reporter watches their own issue; the simulator keeps no other watchers.
  if (to.watchers === true) add(ctx.model.user(issue.reporterAccountId));
  for (const entry of Array.isArray(to.users) ? to.users : []) {
    const accountId = ref(entry)?.accountId;
    const user = accountId ? ctx.model.user(accountId) : undefined;
    if (!user) return { error: `The user with account ID '${accountId ?? ''}' does not exist.` };
    add(user);
  }
  const groups = [
    ...(Array.isArray(to.groups) ? to.groups : []).map((g) => {
      const r = ref(g);
      return r?.groupId ? ctx.model.group(r.groupId) : r?.name ? ctx.model.groupByName(r.name) : undefined;
    }),
    ...(Array.isArray(to.groupIds) ? to.groupIds : []).map((id) => (typeof id === 'string' ? ctx.model.group(id) : undefined)),
  ];
  for (const group of groups) {
    if (!group) return { error: 'A group to notify does not exist.' };
    for (const accountId of ctx.model.groupMembers(group.groupId)) add(ctx.model.user(accountId));
  }
  return [...found.values()];
}

function notify(ctx: RouteContext) {
  const issue = ctx.model.issue(ctx.params.issueIdOrKey!);
  // The caller needs Browse Projects on the issue (and its security level); an issue they cannot see does not exist for them.
  if (!issue || !canBrowseIssue(ctx.model, ctx.caller, issue)) return jiraError(404, 'Issue does not exist or you do not have permission to see it.');
  if (ctx.scenario.outgoingMailDisabled) return jiraError(403, 'Outgoing email is disabled.');
  if (!isRecord(ctx.body)) return jiraError(400, 'The request body is not valid.');
  const { subject, textBody, htmlBody, to, restrict } = ctx.body;
  if ((subject !== undefined && typeof subject !== 'string') || (textBody !== undefined && typeof textBody !== 'string') || (htmlBody !== undefined && typeof htmlBody !== 'string')) {
    return jiraError(400, 'subject, textBody and htmlBody must be strings.');
  }
  if (!isRecord(to)) return jiraError(400, 'No recipients were specified.');
  const resolved = resolveRecipients(ctx, issue, to);
  if ('error' in resolved) return jiraError(400, resolved.error);
  let recipients = resolved;
  if (isRecord(restrict)) {
    const allowed = [
      ...(Array.isArray(restrict.groups) ? restrict.groups : []).map((g) => (ref(g)?.name ? ctx.model.groupByName(ref(g)!.name!) : undefined)),
      ...(Array.isArray(restrict.groupIds) ? restrict.groupIds : []).map((id) => (typeof id === 'string' ? ctx.model.group(id) : undefined)),
    ].filter((g) => g !== undefined);
    if (allowed.length > 0) recipients = recipients.filter((u) => allowed.some((g) => ctx.model.isMember(u.accountId, g!.groupId)));
  }
  const others = recipients.filter((u) => u.accountId !== ctx.caller.accountId);
  if (others.length === 0 && recipients.length > 0) return jiraError(400, 'The recipient is the same as the calling user.');
  // Jira mails only people who can see the issue and says nothing about the rest: the answer is
  // still 204. The docs are silent on this, so the simulator takes the strict reading.
  const reached = others.filter((u) => canBrowseIssue(ctx.model, u, issue));
  const dropped = others.filter((u) => !reached.includes(u)).map((u) => ({ accountId: u.accountId, displayName: u.displayName, reason: `cannot browse ${issue.key}` }));
  ctx.notifications.push({
    at: ctx.now().toISOString(),
    issueKey: issue.key,
    from: ctx.caller.accountId,
    subject: typeof subject === 'string' ? subject : `[JIRA] (${issue.key}) ${issue.summary}`,
    textBody: textBody as string | undefined,
    htmlBody: htmlBody as string | undefined,
    recipients: reached.map((u) => ({ accountId: u.accountId, displayName: u.displayName, ...(u.email ? { emailAddress: u.email } : {}) })),
    dropped,
  });
  return noContent();
}

export const issueRoutes: Route[] = [
  { method: 'POST', template: '/rest/api/3/issue', api: 'platform', handle: createIssue },
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}', api: 'platform', handle: getIssue },
  { method: 'POST', template: '/rest/api/3/issue/{issueIdOrKey}/notify', api: 'platform', handle: notify },
];
