/**
 * Sends the readiness report e-mail for a run (scheduled runs, and an admin's test
 * send) through the e-mail module (src/email), as the app, and records the outcome.
 * Never throws: sendRunReport turns every failure into a DeliveryRecord.
 */
import { sendRunReport } from '../../email';
import type { Report } from '../../shared/report-model';
import type { DeliveryRecord } from '../../shared/resolver-api';
import type { AppDeps } from '../deps';
import { createdReportIssue, putDelivery, rememberReportIssue } from '../storage/delivery-repo';
import { lastDiff } from '../storage/history-repo';
import { getSettings } from '../storage/settings-repo';

export async function sendReport(deps: AppDeps, runId: string, report: Report, options: { isTest?: boolean } = {}): Promise<DeliveryRecord> {
  const { settings } = await getSettings(deps.storage);
  const reportIssueKey = settings.reportIssueKey ?? (await createdReportIssue(deps.storage));
  let siteName: string | undefined;
  try {
    siteName = new URL(report.site.baseUrl).host;
  } catch {
    siteName = undefined;
  }
  const record = await sendRunReport(deps.jiraAsApp(), {
    runId,
    report,
    diff: await lastDiff(deps.storage),
    settings: { ...settings, ...(reportIssueKey ? { reportIssueKey } : {}) },
    isTest: options.isTest === true,
    now: deps.now,
    ...(siteName ? { siteName } : {}),
  });
  if (record.issueKey && !settings.reportIssueKey) await rememberReportIssue(deps.storage, record.issueKey);
  await putDelivery(deps.storage, record);
  deps.log.info('Report e-mail', { runId, outcome: record.outcome, isTest: options.isTest === true });
  return record;
}
