/**
 * When a queue job must be done with Jira. Forge stops a consumer function after
 * its timeoutSeconds (the manifest sets 900, the most Forge allows for async
 * events); what follows the checks (storing the report and history, finishing the
 * run, its e-mail) needs the margin. A rate-limit wait that would end later is
 * given up on at once, so the job stores its checks as `error` with the reason
 * instead of being killed mid-wait with nothing stored.
 */
export const CONSUMER_INVOCATION_LIMIT_MS = 900_000;
export const JOB_FINISH_MARGIN_MS = 120_000;

export function jobJiraDeadlineMs(startedAt: Date): number {
  return startedAt.getTime() + CONSUMER_INVOCATION_LIMIT_MS - JOB_FINISH_MARGIN_MS;
}
