/** The hourly trigger only enqueues, once per period, with a random delay per job. */
import { runScheduledTrigger, MAX_JITTER_SECONDS } from '../../src/forge/scheduled/scheduled-run';
import { KEYS } from '../../src/forge/storage/keys';
import { saveSettings } from '../../src/forge/storage/settings-repo';
import { seededSite } from './helpers/seeded-site';

// 2026-11-30 is a Monday.
const MONDAY_9 = new Date('2026-11-30T09:00:00.000Z');

async function site(settings: Record<string, unknown>) {
  const { deps } = await seededSite();
  await saveSettings(deps.storage, { settings: { serviceAccount: 'moveworks-bot@acme.com', endUserGroups: ['all-staff'], ...settings }, version: 1 }, 'x', deps.now());
  deps.clock.now = MONDAY_9;
  return deps;
}

it('enqueues every desk once per weekly period, each job with its own delay within the jitter window', async () => {
  const deps = await site({ schedule: 'weekly', weekday: 'MON' });
  const randoms = [0, 0.5, 0.999];
  const outcome = await runScheduledTrigger(deps, { random: () => randoms.shift() ?? 0 });
  expect(outcome).toMatchObject({ enqueued: true, period: '2026-W49', projects: 2 });
  // One push (Forge counts push requests too), each job with its own delay.
  expect(deps.queue.pushed.map((p) => p.delaysSeconds)).toEqual([[0, 300]]);
  expect(deps.queue.jobs().map((j) => j.reason)).toEqual(['scheduled', 'scheduled']);
  expect(deps.queue.pushed.every((p) => (p.delaysSeconds ?? []).every((d) => d <= MAX_JITTER_SECONDS))).toBe(true);

  // The next hourly firings in the same week start nothing.
  for (const hours of [1, 2, 30, 100]) {
    deps.clock.now = new Date(MONDAY_9.getTime() + hours * 3600_000);
    expect(await runScheduledTrigger(deps)).toEqual({ enqueued: false, reason: 'already-run' });
  }
  expect(deps.queue.jobs()).toHaveLength(2);

  // The next Monday is a new period.
  deps.clock.now = new Date(MONDAY_9.getTime() + 7 * 24 * 3600_000);
  expect(await runScheduledTrigger(deps)).toMatchObject({ enqueued: true, period: '2026-W50' });
});

it('waits for the chosen weekday before the first weekly run', async () => {
  const deps = await site({ schedule: 'weekly', weekday: 'WED' });
  expect(await runScheduledTrigger(deps)).toEqual({ enqueued: false, reason: 'not-due' });
  deps.clock.now = new Date('2026-12-02T01:00:00.000Z');
  expect(await runScheduledTrigger(deps)).toMatchObject({ enqueued: true });
});

it('runs daily once per UTC day', async () => {
  const deps = await site({ schedule: 'daily' });
  expect(await runScheduledTrigger(deps)).toMatchObject({ enqueued: true, period: '2026-11-30' });
  deps.clock.now = new Date('2026-11-30T23:00:00.000Z');
  expect(await runScheduledTrigger(deps)).toEqual({ enqueued: false, reason: 'already-run' });
  deps.clock.now = new Date('2026-12-01T00:05:00.000Z');
  expect(await runScheduledTrigger(deps)).toMatchObject({ enqueued: true, period: '2026-12-01' });
});

it('does nothing when the schedule is off or no service account is configured', async () => {
  const off = await site({ schedule: 'off' });
  expect(await runScheduledTrigger(off)).toEqual({ enqueued: false, reason: 'schedule-off' });
  // A save without a service account is refused, so only stored settings from before that rule can lack one.
  const unconfigured = await site({ schedule: 'daily' });
  const stored = (await unconfigured.storage.get<{ settings: Record<string, unknown> }>(KEYS.settings))!;
  await unconfigured.storage.set(KEYS.settings, { ...stored, settings: { ...stored.settings, serviceAccount: undefined } });
  expect(await runScheduledTrigger(unconfigured)).toEqual({ enqueued: false, reason: 'not-configured' });
  expect(off.queue.pushed).toHaveLength(0);
  expect(unconfigured.queue.pushed).toHaveLength(0);
});
