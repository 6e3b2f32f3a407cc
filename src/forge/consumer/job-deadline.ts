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

/**
 * When a job stops paging its desk's customers and hands the rest to a follow-up
 * job (desk-continuation.ts): 600 s after it started. JSM pages customers 50 at a
 * time with no total, one page after another, so a desk of a million customers is
 * 20,000 pages, about 800 s at Jira's pace: more than the 780 s a job has for Jira.
 * The 180 s left before the Jira deadline are for what the job does after it
 * stopped: the desk's other reads still in flight, storing the ids read (about
 * 750,000 at Jira's pace, some 35 MB in kvs chunks) and pushing the follow-up.
 */
export const JOB_CUSTOMER_PAGING_MS = 600_000;

export function jobCustomerStopMs(startedAt: Date): number {
  return startedAt.getTime() + JOB_CUSTOMER_PAGING_MS;
}
