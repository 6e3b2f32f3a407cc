/**
 * The readiness report e-mail: subject, HTML body and plain-text body, composed
 * from a stored report and its diff against the previous run. Pure; sending is
 * `deliverReportEmail` in deliver.ts.
 */
import type { Report, ReportDiff } from '../engine/types';
import { buildEmailContent, type EmailOptions } from './email-content';
import { renderEmailHtml } from './email-html';
import { renderEmailText } from './email-text';
import { composeSubject } from './subject';

export { shouldSend } from './should-send';
export type { EmailOptions } from './email-content';

export interface ComposedEmail {
  subject: string;
  htmlBody: string;
  textBody: string;
}

/** `diff` null: no previous run to compare with (the e-mail says so). */
export function composeReportEmail(report: Report, diff: ReportDiff | null, options: EmailOptions = {}): ComposedEmail {
  const content = buildEmailContent(report, diff, options);
  return {
    subject: composeSubject(report.ready, report.score, diff, options.siteName),
    htmlBody: renderEmailHtml(content),
    textBody: renderEmailText(content),
  };
}
