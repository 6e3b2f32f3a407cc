/**
 * One call for the code that finishes a run (or answers "send a test report"):
 * decide whether the report goes out, compose it, deliver it, and return the
 * DeliveryRecord to store. Never throws; store the run's report before calling.
 */
import type { Report, ReportDiff } from '../shared/report-model';
import type { JiraClient } from '../jira/jira-client';
import type { JiraTransport } from '../jira/transport';
import type { AppSettings, DeliveryRecord } from '../shared/resolver-api';
import { composeReportEmail, type EmailOptions } from './compose';
import { deliverReportEmail } from './deliver';
import { shouldSend } from './should-send';

export const TEST_SUBJECT_PREFIX = '[Test] ';

export interface RunReportInput extends EmailOptions {
  runId: string;
  report: Report;
  /** Against the previous run; null when there was none. */
  diff: ReportDiff | null;
  settings: Pick<AppSettings, 'sendWhen' | 'recipients' | 'reportIssueKey' | 'reportProjectKey'> & { reportIssueTypeId?: string };
  /** An admin's "send a test report": always sent, subject marked. */
  isTest?: boolean;
  now?: () => Date;
}

export async function sendRunReport(jira: JiraClient | JiraTransport, input: RunReportInput): Promise<DeliveryRecord> {
  const now = input.now ?? (() => new Date());
  const isTest = input.isTest === true;
  try {
    const email = composeReportEmail(input.report, input.diff, { siteName: input.siteName, appUrl: input.appUrl });
    if (isTest) email.subject = `${TEST_SUBJECT_PREFIX}${email.subject}`;
    if (!shouldSend(input.settings.sendWhen, input.diff, isTest)) {
      return {
        runId: input.runId,
        at: now().toISOString(),
        outcome: 'skipped',
        message: 'Nothing changed since the last run, and the report is set to go out only when something changes.',
        subject: email.subject,
      };
    }
    return await deliverReportEmail(jira, {
      runId: input.runId,
      issueKey: input.settings.reportIssueKey,
      projectKey: input.settings.reportProjectKey,
      issueTypeId: input.settings.reportIssueTypeId,
      recipients: input.settings.recipients ?? { users: [], groups: [] },
      email,
      now,
    });
  } catch (error) {
    // Composition is pure and delivery catches its own failures; this guards the promise that a send never loses a run.
    return { runId: input.runId, at: now().toISOString(), outcome: 'failed', message: `Could not prepare the report e-mail: ${error instanceof Error ? error.message : String(error)}` };
  }
}
