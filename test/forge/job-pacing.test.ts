/**
 * Every readiness job goes on the queue under the one shared concurrency key, so
 * Forge runs at most a few of them against Jira at a time: a re-check of every
 * desk, a scheduled run (with its jitter) and a project joining a running run. (A
 * fix re-checks what it changed in its own run: src/forge/fix-runs.)
 */
import { READINESS_JOB_CONCURRENCY } from '../../src/forge/run/job-pacing';
import { startReadinessRun } from '../../src/forge/run/start-run';
import { seededSite } from './helpers/seeded-site';

describe('job pacing', () => {
  it('queues a re-check, a scheduled run and a joining project under the one concurrency key', async () => {
    const { deps } = await seededSite();
    await startReadinessRun(deps, { reason: 'recheck' });
    await startReadinessRun(deps, { reason: 'recheck', projectKeys: ['NEW'] });
    const { deps: scheduled } = await seededSite();
    await startReadinessRun(scheduled, { reason: 'scheduled', maxDelaySeconds: 600, random: () => 0.5 });

    const pushes = [...deps.queue.pushed, ...scheduled.queue.pushed];
    expect(pushes.flatMap((p) => p.jobs.map((j) => `${j.reason}:${j.projectKey}`)).sort()).toEqual(['recheck:HR', 'recheck:IT', 'recheck:NEW', 'scheduled:HR', 'scheduled:IT']);
    expect(pushes.every((p) => p.concurrency === READINESS_JOB_CONCURRENCY)).toBe(true);
    expect(scheduled.queue.pushed.map((p) => p.delaysSeconds)).toEqual([[300, 300]]);
  });
});
