/**
 * No lost data: settings saves are versioned (a stale or concurrent save is told
 * CONFLICT and stores nothing); a run that dies half-way, at any write, leaves the
 * previous report and the history intact; attestations and acknowledgements
 * stored in the pre-release (format 0) shape survive the upgrade.
 */
import type { InvocationContext } from '../../src/forge/deps';
import { MemoryStore } from '../../src/forge/storage/memory-store';
import { KEYS } from '../../src/forge/storage/keys';
import type { Report } from '../../src/shared/report-model';
import type { OverviewData, VersionedSettings } from '../../src/shared/resolver-api';
import { IDENTITIES, startSimulatedApp, useSimulatedApp } from '../security/helpers/simulated-app';

const ADMIN: InvocationContext = { accountId: IDENTITIES.siteAdmin.accountId, surface: 'admin' };

async function data<T>(promise: Promise<{ success: boolean; data?: unknown; errors?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.success) throw new Error(`resolver failed: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

/** A store whose writes start failing after `allowed` more of them: the process died there. */
class DyingStore extends MemoryStore {
  private remaining = Infinity;
  dieAfter(writes: number): void {
    this.remaining = writes;
  }
  revive(): void {
    this.remaining = Infinity;
  }
  async set<T>(key: string, value: T): Promise<void> {
    if (this.remaining <= 0) throw new Error('storage died');
    this.remaining -= 1;
    return super.set(key, value);
  }
  async delete(key: string): Promise<void> {
    if (this.remaining <= 0) throw new Error('storage died');
    this.remaining -= 1;
    return super.delete(key);
  }
}

describe('settings are versioned', () => {
  const app = useSimulatedApp();

  it('an admin saving settings read before another admin saved is told CONFLICT, and nothing of theirs is stored', async () => {
    const first = await data<VersionedSettings>(app.call('getSettings', {}, ADMIN));
    // The same admin in a second browser tab stands in for a second site admin.
    const second = await data<VersionedSettings>(app.call('getSettings', {}, ADMIN));
    const saved = await data<VersionedSettings>(app.call('saveSettings', { settings: { ...first.settings, skills: ['group-access'] }, version: first.version }, ADMIN));
    expect(saved.version).toBe(first.version + 1);

    const before = await app.storeSnapshot();
    const late = await app.call('saveSettings', { settings: { ...second.settings, issueTypesInScope: { HR: ['10004'] } }, version: second.version }, ADMIN);
    expect(late.success).toBe(false);
    if (!late.success) expect(late.errors.map((e) => e.errorType)).toEqual(['CONFLICT']);
    expect(await app.storeSnapshot()).toBe(before);
    const now = await data<VersionedSettings>(app.call('getSettings', {}, ADMIN));
    expect(now.settings.skills).toEqual(['group-access']);
    expect(now.version).toBe(saved.version);
  });

  it('two admins saving at the same moment: exactly one wins, the other is told CONFLICT (20 races)', async () => {
    const lost: string[] = [];
    for (let race = 0; race < 20; race++) {
      const current = await data<VersionedSettings>(app.call('getSettings', {}, ADMIN));
      const [a, b] = await Promise.all([
        app.call('saveSettings', { settings: { ...current.settings, endUserGroups: [`group-a-${race}`] }, version: current.version }, ADMIN),
        app.call('saveSettings', { settings: { ...current.settings, endUserGroups: [`group-b-${race}`] }, version: current.version }, ADMIN),
      ]);
      const winners = [a, b].filter((r) => r.success).length;
      const conflicts = [a, b].filter((r) => !r.success && r.errors.some((e) => e.errorType === 'CONFLICT')).length;
      if (winners !== 1 || conflicts !== 1) lost.push(`race ${race}: ${winners} saves succeeded, ${conflicts} were told CONFLICT`);
      const after = await data<VersionedSettings>(app.call('getSettings', {}, ADMIN));
      if (after.version !== current.version + 1) lost.push(`race ${race}: version went from ${current.version} to ${after.version}`);
    }
    expect(lost).toEqual([]);
  });
});

/** Forge kvs answers over the network: every call takes a few milliseconds. */
class SlowStore extends MemoryStore {
  private pause = () => new Promise((resolve) => setTimeout(resolve, 5));
  async get<T>(key: string): Promise<T | undefined> {
    await this.pause();
    return super.get<T>(key);
  }
  async set<T>(key: string, value: T): Promise<void> {
    await this.pause();
    return super.set(key, value);
  }
}

describe('settings saves racing over a store with kvs-like latency', () => {
  it('two saves of the same version at the same moment: exactly one wins', async () => {
    const app = await startSimulatedApp({ seed: false, store: new SlowStore() });
    try {
      const current = await data<VersionedSettings>(app.call('getSettings', {}, ADMIN));
      const [a, b] = await Promise.all([
        app.call('saveSettings', { settings: { ...current.settings, serviceAccount: 'first@acme.example' }, version: current.version }, ADMIN),
        app.call('saveSettings', { settings: { ...current.settings, serviceAccount: 'second@acme.example' }, version: current.version }, ADMIN),
      ]);
      expect([a.success, b.success].filter(Boolean)).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});

describe('a run that dies half-way', () => {
  let template: MemoryStore;
  let previous: { overview: OverviewData; history: unknown; historyEntries: { key: string; value: unknown }[] };
  let writesPerRun = 0;

  beforeAll(async () => {
    // One finished run, then count the writes a second full run makes.
    const app = await startSimulatedApp();
    template = new MemoryStore();
    for (const { key, value } of await app.store.list<unknown>('')) await template.set(key, value);
    previous = {
      overview: await data<OverviewData>(app.call('getOverview', {}, ADMIN)),
      history: await data(app.call('getHistory', {}, ADMIN)),
      historyEntries: await app.store.list(KEYS.historyPrefix),
    };
    const counting = new DyingStore();
    for (const { key, value } of await template.list<unknown>('')) await counting.set(key, value);
    const probe = await startSimulatedApp({ seed: false, store: counting });
    let writes = 0;
    const set = counting.set.bind(counting);
    counting.set = async (key, value) => {
      writes += 1;
      return set(key, value);
    };
    await data(probe.call('startRecheck', {}, ADMIN));
    writesPerRun = writes;
    await probe.close();
    await app.close();
  }, 120_000);

  it('the first run left a report and history to protect', () => {
    expect(previous.overview.report).not.toBeNull();
    expect(previous.historyEntries.length).toBeGreaterThan(0);
    expect(writesPerRun).toBeGreaterThan(3);
  });

  it('whichever write it dies at, the previous report and the history stay intact, and the next run completes', async () => {
    const broken: string[] = [];
    const projectCheckCount = (r: Report) => Object.fromEntries(r.projects.map((p) => [p.key, p.checks.length]));
    for (let dieAt = 0; dieAt < writesPerRun; dieAt++) {
      const store = new DyingStore();
      for (const { key, value } of await template.list<unknown>('')) await store.set(key, value);
      let clock = Date.now();
      const app = await startSimulatedApp({ seed: false, store, now: () => new Date(clock) });
      try {
        store.dieAfter(dieAt);
        await app.call('startRecheck', {}, ADMIN);
        store.revive();

        const overview = await app.call('getOverview', {}, ADMIN);
        if (!overview.success) {
          broken.push(`died after ${dieAt} writes: the overview fails: ${JSON.stringify(overview.errors)}`);
          continue;
        }
        const report = (overview.data as OverviewData).report;
        if (!report) broken.push(`died after ${dieAt} writes: the report is gone`);
        else if (JSON.stringify(projectCheckCount(report)) !== JSON.stringify(projectCheckCount(previous.overview.report!))) {
          broken.push(`died after ${dieAt} writes: the report is incomplete: ${JSON.stringify(projectCheckCount(report))}`);
        }
        // History lists may gain the dead run's finished projects, but every earlier entry stays as it was.
        const history = await store.list<unknown>(KEYS.historyPrefix);
        for (const entry of previous.historyEntries) {
          if (!Array.isArray(entry.value)) continue;
          const now = history.find((h) => h.key === entry.key)?.value;
          const kept = Array.isArray(now) ? now.map((e) => JSON.stringify(e)) : [];
          for (const old of entry.value) if (!kept.includes(JSON.stringify(old))) broken.push(`died after ${dieAt} writes: an entry of ${entry.key} was lost or changed`);
        }

        // A dead run is given up after STALE_AFTER_MS (30 min): then a new run starts and finishes.
        clock += 31 * 60 * 1000;
        const stale = await data<{ state: string } | null>(app.call('getProgress', {}, ADMIN));
        if (stale?.state === 'running') broken.push(`died after ${dieAt} writes: the dead run still shows as running after 31 minutes`);
        const again = await app.call('startRecheck', {}, ADMIN);
        if (!again.success) broken.push(`died after ${dieAt} writes: the next run cannot start: ${JSON.stringify(again.errors)}`);
        const progress = await data<{ state: string; runId: string } | null>(app.call('getProgress', {}, ADMIN));
        if (progress?.state !== 'done') broken.push(`died after ${dieAt} writes: the next run did not finish: ${JSON.stringify(progress)}`);
        const after = await data<OverviewData>(app.call('getOverview', {}, ADMIN));
        if (!after.report || JSON.stringify(projectCheckCount(after.report)) !== JSON.stringify(projectCheckCount(previous.overview.report!))) {
          broken.push(`died after ${dieAt} writes: the next run's report is incomplete`);
        }
      } finally {
        await app.close();
      }
    }
    console.log(`No lost data: a re-check killed at each of its ${writesPerRun} writes; problems: ${broken.length}`);
    expect(broken).toEqual([]);
  }, 300_000);
});

describe('decisions survive the upgrade of the stored format', () => {
  it('attestations and acknowledgements stored in format 0 (inline in the settings) are kept and shown after migration', async () => {
    const store = new MemoryStore();
    const attestedAt = '2026-10-01T09:00:00.000Z';
    await store.set('settings', {
      serviceAccount: 'moveworks-bot@acme.example',
      endUserGroups: ['all-employees'],
      attestations: { 'MW-CONNECTOR': { by: IDENTITIES.siteAdmin.accountId, at: attestedAt, note: 'connector checked with Moveworks' } },
      acknowledgements: {
        'HR:WF-ANY-TO-RESOLVED': { by: IDENTITIES.siteAdmin.accountId, at: attestedAt, reason: 'resolved through the Resolve screen', evidenceHash: 'legacy' },
      },
    });
    await store.set('report', { schemaVersion: 1, legacy: true });
    const app = await startSimulatedApp({ seed: false, store });
    try {
      const settings = await data<VersionedSettings>(app.call('getSettings', {}, ADMIN));
      expect(settings.settings.serviceAccount).toBe('moveworks-bot@acme.example');
      expect(settings.settings.endUserGroups).toEqual(['all-employees']);
      expect(settings.settings.attestations['MW-CONNECTOR']).toEqual(expect.objectContaining({ at: attestedAt, note: 'connector checked with Moveworks' }));
      expect(settings.settings.acknowledgements).toEqual(expect.objectContaining({ 'HR:WF-ANY-TO-RESOLVED': expect.objectContaining({ reason: 'resolved through the Resolve screen' }) }));
      expect(await store.get('settings')).toBeUndefined();

      // A run after the upgrade shows the attestation on the check.
      await data(app.call('startRecheck', {}, ADMIN));
      const overview = await data<OverviewData>(app.call('getOverview', {}, ADMIN));
      const connector = overview.report!.checks.find((c) => c.id === 'MW-CONNECTOR')!;
      expect(connector.status).toBe('pass');
      expect(connector.attestation).toEqual(expect.objectContaining({ at: attestedAt }));

      // Migrating again (a second instance starting) changes nothing.
      const before = await app.storeSnapshot();
      const again = await startSimulatedApp({ seed: false, store });
      await data(again.call('getSettings', {}, ADMIN));
      await again.close();
      expect(await app.storeSnapshot()).toBe(before);
    } finally {
      await app.close();
    }
  });
});
