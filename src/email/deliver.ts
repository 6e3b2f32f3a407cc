/**
 * Sends a composed report e-mail through Jira's own
 * `POST /rest/api/3/issue/{issueIdOrKey}/notify` (no egress: Jira's mail server
 * sends it), creating the report issue first when none is configured.
 *
 * It never throws: every outcome is a DeliveryRecord, so the caller, which has
 * already stored the run's report, only appends the record. A record may carry an
 * `issueKey` even when it failed (the issue was created, the notify was refused):
 * save it as `reportIssueKey` so the next send does not create another issue.
 *
 * Retries: notify is not idempotent, so a 5xx or timeout is not retried (Jira may
 * have queued the mail); a 429 is, because a rate-limited request was not processed.
 *
 * Reach: Jira e-mails only recipients who can see the report issue and answers 204
 * regardless, so the record says who it reaches and who it leaves out (and why),
 * and a send that would reach nobody is failed, not sent.
 */
import type { AppSettings, DeliveryRecord, RecipientReach } from '../shared/resolver-api';
import { isJiraError } from '../jira/jira-error';
import { JiraClient } from '../jira/jira-client';
import type { RetryPolicy } from '../jira/backoff';
import type { JiraTransport } from '../jira/transport';
import type { components } from '../jira/generated/jira-platform';
import type { ComposedEmail } from './compose';
import { checkRecipientReach, reachesNobody, SENDER_REASON } from './recipient-reach';
import { GROUP_ID, unique } from './recipients';
import { createReportIssue, ReportIssueError } from './report-issue';

type Notification = components['schemas']['Notification'];

export const NOTIFY_RETRY_POLICY: Partial<RetryPolicy> = { maxTransientRetries: 0, maxServerErrorRetries: 0, maxNetworkRetries: 0, maxRateLimitRetries: 3 };

export interface DeliveryRequest {
  runId: string;
  /** The report issue; empty: create one in `projectKey`. */
  issueKey?: string;
  projectKey?: string;
  /** Issue type for a created report issue; default: the project's first standard type. */
  issueTypeId?: string;
  /** accountIds and group names (or groupIds, recognised by their UUID form). */
  recipients: AppSettings['recipients'];
  email: ComposedEmail;
  now?: () => Date;
}

/** The notify request body: only the listed users and groups, never reporter / assignee / watchers / voters. */
export function notificationBody(email: ComposedEmail, recipients: AppSettings['recipients']): Notification {
  const groups = unique(recipients.groups);
  return {
    subject: email.subject,
    textBody: email.textBody,
    htmlBody: email.htmlBody,
    to: {
      reporter: false,
      assignee: false,
      watchers: false,
      voters: false,
      users: unique(recipients.users).map((accountId) => ({ accountId })),
      groups: groups.filter((g) => !GROUP_ID.test(g)).map((name) => ({ name })),
      groupIds: groups.filter((g) => GROUP_ID.test(g)),
    },
  };
}

/** What went wrong with the notify call, in words an admin can act on, with Jira's own text. */
export function notifyFailureMessage(error: unknown, issueKey: string): string {
  if (!isJiraError(error)) return `Could not send the report e-mail: ${error instanceof Error ? error.message : String(error)}`;
  const jira = error.message;
  switch (error.status) {
    case 400:
      return `Jira refused the report e-mail: a recipient is the caller, does not exist, or none was given. ${jira}`;
    case 401:
      return `Jira refused the app's credentials when sending the report e-mail. ${jira}`;
    case 403:
      return `Jira refused to send the report e-mail: outgoing e-mail may be disabled or no mail server configured, or the app cannot see ${issueKey}. ${jira}`;
    case 404:
      return `The report issue ${issueKey} was not found (deleted or moved?). Choose another issue, or clear it to let the app create one. ${jira}`;
    default:
      return `Could not send the report e-mail. ${jira}`;
  }
}

function createFailureMessage(error: unknown, projectKey: string): string {
  if (error instanceof ReportIssueError) return `Could not create the report issue: ${error.message}`;
  const detail = error instanceof Error ? error.message : String(error);
  return `Could not create the report issue in ${projectKey}. Choose an existing issue for the report instead. ${detail}`;
}

export async function deliverReportEmail(jira: JiraClient | JiraTransport, request: DeliveryRequest): Promise<DeliveryRecord> {
  const client = jira instanceof JiraClient ? jira : new JiraClient(jira, { policy: NOTIFY_RETRY_POLICY });
  const now = request.now ?? (() => new Date());
  const recipients = { users: unique(request.recipients?.users), groups: unique(request.recipients?.groups) };
  const record = (outcome: DeliveryRecord['outcome'], fields: Partial<DeliveryRecord> = {}): DeliveryRecord => ({
    runId: request.runId,
    at: now().toISOString(),
    outcome,
    recipients,
    subject: request.email.subject,
    ...fields,
  });

  if (recipients.users.length + recipients.groups.length === 0) {
    return record('skipped', { message: 'No recipients are configured: add users or groups in the report settings.', issueKey: request.issueKey || undefined });
  }

  let issueKey = request.issueKey?.trim();
  if (!issueKey) {
    const projectKey = request.projectKey?.trim();
    if (!projectKey) return record('failed', { message: 'No report issue is configured: choose an issue, or a project for the app to create one in.' });
    try {
      issueKey = await createReportIssue(client, projectKey, request.issueTypeId);
    } catch (error) {
      return record('failed', { message: createFailureMessage(error, projectKey) });
    }
  }

  // notify answers 204 even when Jira leaves everyone out, so who it reaches is found out first.
  const reach = await checkRecipientReach(client, issueKey, recipients);
  // Only the sender left out is Jira's own 400 ("the recipient is the same as the calling user"): let Jira say it.
  const onlySender = reach.dropped.length > 0 && reach.dropped.every((d) => d.reason === SENDER_REASON);
  if (reachesNobody(reach) && !onlySender) {
    return record('failed', { issueKey, reach, message: nobodyReachedMessage(reach) });
  }
  try {
    await client.post<void>('/rest/api/3/issue/{issueIdOrKey}/notify', notificationBody(request.email, recipients), { path: { issueIdOrKey: issueKey } });
    return record('sent', { issueKey, reach });
  } catch (error) {
    return record('failed', { issueKey, reach, message: notifyFailureMessage(error, issueKey) });
  }
}

/** Why nothing was sent although recipients are configured. */
export function nobodyReachedMessage(reach: RecipientReach): string {
  if (reach.dropped.length === 0) return `The configured groups have no active members, so Jira would e-mail nobody about ${reach.issueKey}.`;
  const where = reach.projectKey ? ` (project ${reach.projectKey}${reach.serviceDesk ? ', a service desk: only its agents see it' : ''})` : '';
  return (
    `Not sent: none of the recipients can see the report issue ${reach.issueKey}${where}, and Jira e-mails only people who can. ` +
    'Choose a report issue in a project the recipients can browse, or give them access to it.'
  );
}
