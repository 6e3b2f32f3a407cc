/**
 * How many readiness jobs Forge may run at once on a site. Each job has its own
 * JiraClient, so its rate gates cannot see the other jobs; Jira's limits are per
 * site and per endpoint, so a re-check that let every desk's job start together
 * would meet those limits (429) all at once. Every job of every run, and a fix's
 * follow-up re-check, share this one @forge/events concurrency key, so at most
 * `limit` jobs talk to Jira at a time; Forge holds the others back and delivers
 * them as running jobs finish. Why 4: at Jira-like latency one job pages its desk
 * at about 25 calls a second, so about 4 jobs fill an endpoint's burst rate; 8
 * meet many times the 429s and, waiting out Retry-After, finish later
 * (bench/PERFORMANCE.md, "Forge jobs share one concurrency key").
 */
import type { JobConcurrency } from '../deps';

export const READINESS_JOB_CONCURRENCY: JobConcurrency = { key: 'readiness-jira', limit: 4 };

/** Forge's async events limits per installation: events in one push, and events pushed in one minute. */
export const FORGE_EVENTS_PER_PUSH = 50;
export const FORGE_EVENTS_PER_MINUTE = 500;

/**
 * Jobs one invocation pushes before it hands the rest on. Below Forge's 500 a
 * minute so the hand-on event itself, a project joining the run and a fix's
 * re-check still fit in the same minute.
 */
export const JOBS_PUSHED_PER_MINUTE = 400;

/**
 * How long a hand-on event waits before its consumer pushes the next share: more
 * than a minute after this invocation's last push, so no 60-second span holds two
 * shares, whether Forge counts its minute as a fixed or a rolling window.
 */
export const HAND_ON_DELAY_SECONDS = 65;
