/**
 * Storage format migrations. `meta.formatVersion` records the format the stored
 * entries use; `migrateStorage` brings older formats up to STORAGE_FORMAT_VERSION
 * step by step, and is safe to run again (each step is idempotent).
 *
 * Format 0 was the pre-release layout: unversioned keys, one `settings` entry holding
 * attestations and acknowledgements inline, and the whole report in one `report`
 * entry (which could exceed kvs's 240 KiB on large sites).
 */
import type { Acknowledgement, Attestation } from '../../shared/report-model';
import type { KeyValueStore } from '../deps';
import type { Logger } from '../../shared/logger';
import { KEYS, STORAGE_FORMAT_VERSION } from './keys';
import { putAcknowledgement, putAttestation } from './decisions-repo';
import { writeMissingSummaries } from './overview-index';

export interface StorageMeta {
  formatVersion: number;
  siteUrl?: string;
  /** Every stored desk has its summary (overview-index.ts): set once the migration wrote those missing. */
  summaries?: true;
}

type LegacySettings = Record<string, unknown> & {
  attestations?: Record<string, Attestation>;
  acknowledgements?: Record<string, Acknowledgement>;
};

async function fromFormat0(store: KeyValueStore): Promise<void> {
  const legacy = await store.get<LegacySettings>('settings');
  if (legacy) {
    const { attestations = {}, acknowledgements = {}, ...settings } = legacy;
    if (!(await store.get(KEYS.settings))) await store.set(KEYS.settings, { settings, version: 1, updatedAt: undefined, updatedBy: 'migration' });
    for (const [checkId, a] of Object.entries(attestations)) await putAttestation(store, checkId, a);
    for (const [key, ack] of Object.entries(acknowledgements)) {
      const i = key.indexOf(':');
      if (i > 0) await putAcknowledgement(store, key.slice(0, i), key.slice(i + 1), ack);
    }
    await store.delete('settings');
  }
  // The single-entry report cannot be split without its run; the next re-check rebuilds it.
  await store.delete('report');
}

const STEPS: Record<number, (store: KeyValueStore) => Promise<void>> = { 0: fromFormat0 };

/**
 * Stores whose format this process has already seen current. A Forge container is
 * reused for many jobs, and each job used to read the format mark again; the format
 * only ever moves forward, and this code version writes no older one.
 */
const current = new WeakMap<KeyValueStore, StorageMeta>();

export async function migrateStorage(store: KeyValueStore, log?: Logger): Promise<StorageMeta> {
  const known = current.get(store);
  if (known) return known;
  const meta = (await store.get<StorageMeta>(KEYS.meta)) ?? { formatVersion: 0 };
  if (meta.formatVersion > STORAGE_FORMAT_VERSION) {
    // Written by a newer app version (e.g. during a rollback): never rewrite what we do not understand.
    log?.warn('Storage format is newer than this app version; leaving it as is', { formatVersion: meta.formatVersion });
    return meta;
  }
  let version = meta.formatVersion;
  while (version < STORAGE_FORMAT_VERSION) {
    await STEPS[version](store);
    version += 1;
    log?.info('Storage migrated', { formatVersion: version });
  }
  const next: StorageMeta = { ...meta, formatVersion: version };
  if (!next.summaries) {
    const written = await writeMissingSummaries(store);
    if (written > 0) log?.info('Storage migrated: summaries written for the desks stored before them', { desks: written });
    next.summaries = true;
  }
  if (next.formatVersion !== meta.formatVersion || next.summaries !== meta.summaries || !(await store.get(KEYS.meta))) await store.set(KEYS.meta, next);
  current.set(store, next);
  return next;
}

/** Remembers the site's base URL (the queue consumer has no invocation context to read it from). */
export async function rememberSiteUrl(store: KeyValueStore, siteUrl: string): Promise<void> {
  // No meta yet means "not migrated": say format 0 so the migration still runs afterwards.
  const meta = (await store.get<StorageMeta>(KEYS.meta)) ?? { formatVersion: 0 };
  if (meta.siteUrl !== siteUrl) await store.set(KEYS.meta, { ...meta, siteUrl });
}

export async function storedSiteUrl(store: KeyValueStore): Promise<string | undefined> {
  return (await store.get<StorageMeta>(KEYS.meta))?.siteUrl;
}
