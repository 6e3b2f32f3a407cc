/**
 * How many readiness jobs Forge may run at once on a site. Each job has its own
 * JiraClient, so its rate gates cannot see the other jobs; Jira's limits are per
 * site and per endpoint, so a re-check that let every desk's job start together
 * would meet those limits (429) all at once. Every job of every run, and a fix's
 * follow-up re-check, share this one @forge/events concurrency key, so at most
 * `limit` jobs talk to Jira at a time; Forge holds the others back and delivers
 * them as running jobs finish.
 */
import type { JobConcurrency } from '../deps';

export const READINESS_JOB_CONCURRENCY: JobConcurrency = { key: 'readiness-jira', limit: 4 };
