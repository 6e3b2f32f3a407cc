/** The e-mailed readiness report: what the run-finishing code and the resolvers import. */
export { composeReportEmail, shouldSend, type ComposedEmail, type EmailOptions } from './compose';
export { deliverReportEmail, notificationBody, NOTIFY_RETRY_POLICY, type DeliveryRequest } from './deliver';
export { sendRunReport, TEST_SUBJECT_PREFIX, type RunReportInput } from './send-run-report';
export { REPORT_ISSUE_SUMMARY } from './report-issue';
