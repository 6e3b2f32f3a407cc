/**
 * Every readiness job goes on the queue under the one shared concurrency key, so
 * Forge runs at most a few of them against Jira at a time: a re-check of every
 * desk, a scheduled run (with its jitter), a project joining a running run, and a
 * fix's follow-up re-check.
 */
import { recheckAfterFix } from '../../src/forge/fixes/recheck-after-fix';
import { READINESS_JOB_CONCURRENCY } from '../../src/forge/run/job-pacing';
import { startReadinessRun } from '../../src/forge/run/start-run';
import { seededSite } from './helpers/seeded-site';

describe('job pacing', () => {
  it('queues a re-check, a scheduled run, a joining project and a fix’s re-check under the one concurrency key', async () => {
    const { deps } = await seededSite();
    await startReadinessRun(deps, { reason: 'recheck' });
    await startReadinessRun(deps, { reason: 'recheck', projectKeys: ['NEW'] });
    const { deps: scheduled } = await seededSite();
    await startReadinessRun(scheduled, { reason: 'scheduled', maxDelaySeconds: 600, random: () => 0.5 });
    const { deps: fixed } = await seededSite();
    // The re-check cannot finish in the request, so a job takes over.
    fixed.jiraAsApp = () => {
      throw new Error('Jira is unreachable');
    };
    await recheckAfterFix(fixed, 'IT', ['SA-PROJECT-ROLE'], 0);

    const pushes = [...deps.queue.pushed, ...scheduled.queue.pushed, ...fixed.queue.pushed];
    expect(pushes.flatMap((p) => p.jobs.map((j) => `${j.reason}:${j.projectKey}`)).sort()).toEqual(['fix:IT', 'recheck:HR', 'recheck:IT', 'recheck:NEW', 'scheduled:HR', 'scheduled:IT']);
    expect(pushes.every((p) => p.concurrency === READINESS_JOB_CONCURRENCY)).toBe(true);
    expect(scheduled.queue.pushed.map((p) => p.delaysSeconds)).toEqual([[300, 300]]);
  });
});
