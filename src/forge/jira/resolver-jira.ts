/**
 * A JiraClient for the few calls a resolver makes itself (permission checks, pickers,
 * display names): retried and rate-gated like every other call, but bounded so the
 * resolver still answers inside Forge's 25 s.
 */
import { JiraClient } from '../../jira/jira-client';
import type { JiraTransport } from '../../jira/transport';
import type { Logger } from '../../shared/logger';

/** Time a resolver's own call may take, retries and waits included. */
export const RESOLVER_CALL_MS = 12_000;

export function resolverJira(transport: JiraTransport, logger?: Logger): JiraClient {
  return new JiraClient(transport, {
    ...(logger ? { logger } : {}),
    timeoutMs: 10_000,
    deadlineMs: Date.now() + RESOLVER_CALL_MS,
    policy: { retryBudgetMs: RESOLVER_CALL_MS },
  });
}
