/**
 * Progress of a gather run, for the CLI's stderr line and the app's stored progress.
 * `done` / `total` count within the stage (projects, workflows, screens…).
 */
import type { RateLimitWait } from '../jira/rate-gate';

export type GatherStage = 'server' | 'service-account' | 'end-user-groups' | 'projects' | 'project-details' | 'workflows' | 'screens' | 'rate-limit-wait' | 'done';

export interface GatherProgress {
  stage: GatherStage;
  projectKey?: string;
  done: number;
  total: number;
  message: string;
  /** Stage 'rate-limit-wait' only: Jira closed an endpoint and the run waits for it to reopen. */
  wait?: { endpoint: string; seconds: number; reason?: string };
}

/** The progress event for a wait Jira asked for, so a long pause never looks like a hang. */
export function rateLimitWaitProgress(wait: RateLimitWait): GatherProgress {
  const seconds = Math.ceil(wait.waitMs / 1000);
  return {
    stage: 'rate-limit-wait',
    done: 0,
    total: 0,
    message: `Waiting ${seconds} s for Jira's rate limit on ${wait.endpoint}`,
    wait: { endpoint: wait.endpoint, seconds, ...(wait.reason ? { reason: wait.reason } : {}) },
  };
}
