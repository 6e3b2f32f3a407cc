import { MemoryStore } from '../../src/forge/storage/memory-store';
import { getSettings, saveSettings } from '../../src/forge/storage/settings-repo';
import { validateSettings } from '../../src/forge/storage/settings-validation';
import { KEYS, STORAGE_FORMAT_VERSION } from '../../src/forge/storage/keys';
import { migrateStorage, rememberSiteUrl, storedSiteUrl } from '../../src/forge/storage/migrate';
import { loadProject, storeReport } from '../../src/forge/storage/report-repo';
import { loadDecoratedProject, loadDecoratedReport } from '../../src/forge/storage/load-report';
import { putAcknowledgement, putAttestation } from '../../src/forge/storage/decisions-repo';
import { ResolverFailure } from '../../src/forge/errors';
import { evidenceHash } from '../../src/engine/evidence-hash';
import type { Report } from '../../src/shared/report-model';
import { reportFor } from './helpers/reports';
import { rejection } from '../../src/shared/testing/caught';

const NOW = new Date('2026-11-30T09:00:00.000Z');

const failureOf = (p: Promise<unknown>) => rejection(ResolverFailure, p);

describe('settings repository', () => {
  it('starts from safe defaults at version 0', async () => {
    const { settings, version } = await getSettings(new MemoryStore());
    expect(version).toBe(0);
    expect(settings.skills).toEqual(['software-access', 'group-access', 'ticket-interception']);
    expect(settings.projectKeys).toEqual([]);
    expect(settings.attestations).toEqual({});
  });

  it('saves with an increasing version and refuses a save based on an old version, storing nothing', async () => {
    const store = new MemoryStore();
    const first = await saveSettings(store, { settings: { serviceAccount: 'bot@acme.com' }, version: 0 }, 'admin-1', NOW);
    expect(first.version).toBe(1);
    expect(first.updatedBy).toBe('admin-1');
    const second = await saveSettings(store, { settings: { ...first.settings, endUserGroups: ['staff'] }, version: 1 }, 'admin-2', NOW);
    expect(second.version).toBe(2);

    const before = JSON.stringify(await store.get(KEYS.settings));
    const stale = await failureOf(saveSettings(store, { settings: { serviceAccount: 'other@acme.com' }, version: 1 }, 'admin-1', NOW));
    expect(stale.errors[0].errorType).toBe('CONFLICT');
    expect(JSON.stringify(await store.get(KEYS.settings))).toBe(before);
    expect((await getSettings(store)).settings.serviceAccount).toBe('bot@acme.com');
  });

  it('answers one VALIDATION error per bad field, naming the field, and stores nothing', async () => {
    const store = new MemoryStore();
    const failure = await failureOf(
      saveSettings(
        store,
        {
          settings: {
            serviceAccount: 'not an account',
            projectKeys: ['it'],
            skills: ['mind-reading'],
            statusBucketOverrides: { Done: 'finished' },
            schedule: 'hourly',
            reportIssueKey: 'nope',
          },
          version: 0,
        },
        'admin',
        NOW,
      ),
    );
    const fields = failure.errors.map((e) => e.field).sort();
    expect(fields).toEqual(['projectKeys', 'reportIssueKey', 'schedule', 'serviceAccount', 'skills', 'statusBucketOverrides']);
    expect(failure.errors.every((e) => e.errorType === 'VALIDATION' && e.message.length > 10)).toBe(true);
    expect(failure.errors.find((e) => e.field === 'projectKeys')!.message).toContain('"it"');
    expect(await store.get(KEYS.settings)).toBeUndefined();
  });

  it('accepts accountIds and e-mails for the service account and drops unknown fields', () => {
    const byId = validateSettings({ serviceAccount: '557058:f0a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b', extra: 'x' });
    expect(byId.ok && byId.settings.serviceAccount).toBe('557058:f0a1b2c3-d4e5-4f60-8a7b-9c0d1e2f3a4b');
    expect(byId.ok && 'extra' in byId.settings).toBe(false);
    expect(validateSettings({ serviceAccount: 'moveworks-bot@acme.com' }).ok).toBe(true);
  });
});

function bigReport(): Report {
  const members = Array.from({ length: 20_000 }, (_, i) => `557058:user-${String(i).padStart(6, '0')}-aaaaaaaaaaaaaaaaaaaaaaaa`);
  return reportFor([{ customers: { ok: true, value: [] } }], { endUserGroups: ['all-staff'], members });
}

describe('report storage', () => {
  it('keeps every stored value well under 240 KiB on a large project, with true counts', async () => {
    const report = bigReport();
    const cust = report.projects[0].checks.find((c) => c.id === 'CUST-COVERAGE')!;
    // Inflate the evidence the way a very large desk would: every missing user listed.
    const evidence = { ...(cust.evidence as Record<string, unknown>), missingUsers: Array.from({ length: 20_000 }, (_, i) => ({ accountId: `557058:user-${i}-${'x'.repeat(30)}`, displayName: `User number ${i}` })) };
    cust.evidence = evidence;
    expect(Buffer.byteLength(JSON.stringify(report.projects[0]))).toBeGreaterThan(240 * 1024);

    const store = new MemoryStore();
    await storeReport(store, report, 'run-1');
    for (const key of store.keys()) expect(store.sizeOf(key)).toBeLessThan(240 * 1024);
    const stored = (await loadProject(store, 'IT'))!.checks.find((c) => c.id === 'CUST-COVERAGE')!;
    const storedEvidence = stored.evidence as Record<string, unknown>;
    expect((storedEvidence.missingUsers as unknown[]).length).toBeLessThanOrEqual(200);
    expect(storedEvidence.missingUsersTotal).toBe(20_000);
    expect(storedEvidence.missing).toBe(20_000);
    // The fingerprint is of the full evidence, as the engine computes it, not of the capped copy.
    expect(stored.evidenceHash).toBe(evidenceHash(evidence));
  });

  it('stores raw results and overlays attestations and acknowledgements on read', async () => {
    const report = reportFor([{}], { endUserGroups: ['staff'], members: ['557058:missing-one'] });
    const store = new MemoryStore();
    await storeReport(store, report, 'run-1');
    const before = (await loadDecoratedReport(store, NOW))!;
    expect(before.checks.find((c) => c.id === 'MW-CONNECTOR')!.status).toBe('manual');
    expect(before.ready).toBe(false);

    await putAttestation(store, 'MW-CONNECTOR', { by: 'admin-1', byName: 'Ada Admin', at: NOW.toISOString(), note: 'checked in Moveworks Setup' });
    const cust = (await loadProject(store, 'IT'))!.checks.find((c) => c.id === 'CUST-COVERAGE')!;
    expect(cust.status).toBe('fail');
    await putAcknowledgement(store, 'IT', 'CUST-COVERAGE', { by: 'admin-1', at: NOW.toISOString(), reason: 'contractor', evidenceHash: cust.evidenceHash });

    const after = (await loadDecoratedReport(store, NOW))!;
    const connector = after.checks.find((c) => c.id === 'MW-CONNECTOR')!;
    expect(connector.status).toBe('pass');
    expect(connector.summary).toContain('Ada Admin');
    expect(after.score.requiredPassed).toBe(before.score.requiredPassed + 1);
    expect(after.projects[0].checks.find((c) => c.id === 'CUST-COVERAGE')!.acknowledgement?.reason).toBe('contractor');
  });

  it('lapses an acknowledgement when the evidence changes or it expires', async () => {
    const store = new MemoryStore();
    await storeReport(store, reportFor([{}], { endUserGroups: ['staff'], members: ['557058:a'] }), 'run-1');
    const hash = (await loadProject(store, 'IT'))!.checks.find((c) => c.id === 'CUST-COVERAGE')!.evidenceHash;
    await putAcknowledgement(store, 'IT', 'CUST-COVERAGE', { by: 'x', at: NOW.toISOString(), reason: 'r', expiresAt: '2026-12-01T00:00:00.000Z', evidenceHash: hash });
    const ackOf = async (now: Date) => (await loadDecoratedProject(store, 'IT', now)).project!.checks.find((c) => c.id === 'CUST-COVERAGE')!.acknowledgement;
    expect(await ackOf(NOW)).toBeDefined();
    expect(await ackOf(new Date('2026-12-02T00:00:00.000Z'))).toBeUndefined();
    // A new run finds another missing user: different evidence, the acknowledgement no longer applies.
    await storeReport(store, reportFor([{}], { endUserGroups: ['staff'], members: ['557058:a', '557058:b'] }), 'run-2');
    expect(await ackOf(NOW)).toBeUndefined();
  });
});

describe('storage migration', () => {
  it('moves the pre-release layout (format 0) to the current format and is idempotent', async () => {
    const store = new MemoryStore();
    await store.set('settings', {
      serviceAccount: 'bot@acme.com',
      endUserGroups: ['staff'],
      attestations: { 'MW-CONNECTOR': { by: 'a', at: '2026-01-01T00:00:00.000Z' } },
      acknowledgements: { 'IT:CUST-COVERAGE': { by: 'a', at: '2026-01-01T00:00:00.000Z', reason: 'r', evidenceHash: 'h' } },
    });
    await store.set('report', { huge: true });

    const meta = await migrateStorage(store);
    expect(meta.formatVersion).toBe(STORAGE_FORMAT_VERSION);
    const { settings, version } = await getSettings(store);
    expect(version).toBe(1);
    expect(settings.serviceAccount).toBe('bot@acme.com');
    expect(settings.endUserGroups).toEqual(['staff']);
    expect(settings.attestations['MW-CONNECTOR'].by).toBe('a');
    expect(settings.acknowledgements['IT:CUST-COVERAGE'].reason).toBe('r');
    expect(await store.get('settings')).toBeUndefined();
    expect(await store.get('report')).toBeUndefined();

    const snapshot = JSON.stringify(await store.list(''));
    await migrateStorage(store);
    expect(JSON.stringify(await store.list(''))).toBe(snapshot);
  });

  it('still migrates when the site URL was remembered before the first migration, and keeps the URL', async () => {
    const store = new MemoryStore();
    await store.set('settings', { serviceAccount: 'bot@acme.com' });
    await rememberSiteUrl(store, 'https://acme.atlassian.net');
    await migrateStorage(store);
    expect((await getSettings(store)).settings.serviceAccount).toBe('bot@acme.com');
    expect(await storedSiteUrl(store)).toBe('https://acme.atlassian.net');
  });

  it('leaves storage written by a newer app version alone', async () => {
    const store = new MemoryStore();
    await store.set(KEYS.meta, { formatVersion: STORAGE_FORMAT_VERSION + 1 });
    await store.set('settings', { keep: true });
    await migrateStorage(store);
    expect(await store.get('settings')).toEqual({ keep: true });
  });
});
