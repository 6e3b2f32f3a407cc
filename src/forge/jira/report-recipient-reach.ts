/**
 * Who the report e-mail would reach with these settings, asked as the app (the
 * identity that sends it): the configured report issue, or the one the app created
 * earlier. Undefined when there is nothing to check yet (no recipients, or no issue
 * until the first send creates one).
 */
import { checkRecipientReach } from '../../email/recipient-reach';
import { unique } from '../../email/recipients';
import { JiraClient } from '../../jira/jira-client';
import type { AppSettings, RecipientReach } from '../../shared/resolver-api';
import type { AppDeps } from '../deps';
import { createdReportIssue } from '../storage/delivery-repo';

export async function reportRecipientReach(deps: AppDeps, settings: AppSettings): Promise<RecipientReach | undefined> {
  const recipients = { users: unique(settings.recipients?.users), groups: unique(settings.recipients?.groups) };
  if (recipients.users.length + recipients.groups.length === 0) return undefined;
  const issueKey = settings.reportIssueKey?.trim() || (await createdReportIssue(deps.storage));
  if (!issueKey) return undefined;
  return checkRecipientReach(new JiraClient(deps.jiraAsApp()), issueKey, recipients);
}
