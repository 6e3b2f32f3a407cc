/**
 * The hourly scheduled trigger's work: `runScheduledTrigger(deps)` decides from the
 * settings whether this period's run is due (src/history/report-schedule.ts: daily
 * or weekly, by UTC period) and, if so, enqueues one job per project with a random
 * delay so many sites' runs do not hit Jira at once. Idempotent per period: the
 * served period is recorded, so a trigger that fires every hour of the day starts
 * the run once, and a period is claimed atomically, so a firing delivered twice at
 * once starts it once too. It only enqueues; the work and the
 * e-mail happen after the jobs finish (consumer/finalise-run.ts).
 */
import { isReportDue, reportPeriodKey } from '../../history/report-schedule';
import type { AppDeps } from '../deps';
import { startReadinessRun } from '../run/start-run';
import { KEYS } from '../storage/keys';
import { migrateStorage } from '../storage/migrate';
import { getSettings } from '../storage/settings-repo';

/** Forge queues accept delays up to 900 s; stay below so every job starts within the hour. */
export const MAX_JITTER_SECONDS = 600;

export interface ScheduledPeriod {
  period: string;
  at: string;
}

export type ScheduledOutcome =
  | { enqueued: true; period: string; runId: string; projects: number }
  | { enqueued: false; reason: 'schedule-off' | 'not-due' | 'already-run' | 'not-configured' };

export async function runScheduledTrigger(deps: AppDeps, options: { random?: () => number } = {}): Promise<ScheduledOutcome> {
  await migrateStorage(deps.storage, deps.log);
  const now = deps.now();
  const { settings } = await getSettings(deps.storage);
  const period = reportPeriodKey(settings, now);
  if (period === null) return { enqueued: false, reason: 'schedule-off' };
  if (!settings.serviceAccount) return { enqueued: false, reason: 'not-configured' };

  const last = await deps.storage.get<ScheduledPeriod>(KEYS.scheduledPeriod);
  if (last?.period === period) return { enqueued: false, reason: 'already-run' };
  if (!isReportDue(settings, now, last?.at)) return { enqueued: false, reason: 'not-due' };

  // Forge may deliver one firing twice at the same moment: both read the same last period above, so only
  // the invocation that creates this period's claim (kvs's one compare-and-set) starts the run.
  const claim = KEYS.scheduledClaim(period);
  if (!(await deps.storage.createIfAbsent(claim, { at: now.toISOString() }))) return { enqueued: false, reason: 'already-run' };
  let progress;
  try {
    progress = await startReadinessRun(deps, { reason: 'scheduled', maxDelaySeconds: MAX_JITTER_SECONDS, random: options.random });
  } catch (error) {
    // A run that could not start (Jira unreachable) gives the period back, so the next hour tries again.
    await deps.storage.delete(claim);
    throw error;
  }
  await deps.storage.set<ScheduledPeriod>(KEYS.scheduledPeriod, { period, at: now.toISOString() });
  for (const old of await deps.storage.list(KEYS.scheduledClaimPrefix)) if (old.key !== claim) await deps.storage.delete(old.key);
  deps.log.info('Scheduled readiness run enqueued', { period, runId: progress.runId, projects: progress.projectsTotal });
  return { enqueued: true, period, runId: progress.runId, projects: progress.projectsTotal };
}
