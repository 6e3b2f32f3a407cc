/**
 * The readiness report e-mail: subject, HTML body and plain-text body, composed
 * from a stored report and its diff against the previous run. Pure; sending is
 * `deliverReportEmail` in deliver.ts. The bodies come from the report renderers
 * the CLI and the exports use (src/report/html.ts, plain-text.ts) in 'email' mode.
 */
import type { Report, ReportDiff } from '../shared/report-model';
import { renderReportHtml } from '../report/html';
import { renderReportPlainText } from '../report/plain-text';
import type { EmailOptions } from '../report/email-content';
import { composeSubject } from './subject';

export { shouldSend } from './should-send';
export type { EmailOptions } from '../report/email-content';

export interface ComposedEmail {
  subject: string;
  htmlBody: string;
  textBody: string;
}

/** `diff` null: no previous run to compare with (the e-mail says so). */
export function composeReportEmail(report: Report, diff: ReportDiff | null, options: EmailOptions = {}): ComposedEmail {
  const rendering = { diff, siteName: options.siteName, appUrl: options.appUrl };
  return {
    subject: composeSubject(report.ready, report.score, diff, options.siteName),
    htmlBody: renderReportHtml(report, { mode: 'email', ...rendering }),
    textBody: renderReportPlainText(report, { mode: 'email', ...rendering }),
  };
}
