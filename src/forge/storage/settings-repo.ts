/**
 * Settings, versioned. A save names the version it was based on; a save based on an
 * older version is refused with CONFLICT and nothing is stored, so two admins cannot
 * silently overwrite each other. Two saves racing from the same version both pass the
 * version check, so each must also claim the next version with createIfAbsent (kvs's
 * FAIL_IF_EXISTS): only one can, the other gets CONFLICT.
 *
 * Attestations and acknowledgements live under their own keys (decisions-repo.ts)
 * and are merged in on read, so attesting never bumps the settings version.
 */
import type { KeyValueStore } from '../deps';
import type { AppSettings, VersionedSettings } from '../../shared/resolver-api';
import { ResolverFailure } from '../errors';
import { defaultAppSettings } from './default-settings';
import { KEYS } from './keys';
import { validateSettings } from './settings-validation';
import { listAcknowledgements, listAttestations } from './decisions-repo';

type StoredSettings = Omit<VersionedSettings, 'settings'> & { settings: Omit<AppSettings, 'attestations' | 'acknowledgements'> };

async function readStored(store: KeyValueStore): Promise<StoredSettings> {
  const stored = await store.get<StoredSettings>(KEYS.settings);
  if (stored) return stored;
  const { attestations: _a, acknowledgements: _k, ...defaults } = defaultAppSettings();
  return { settings: defaults, version: 0 };
}

/** Settings with the current attestations and acknowledgements, as the engine reads them. */
export async function getSettings(store: KeyValueStore): Promise<VersionedSettings> {
  const [stored, attestations, acknowledgements] = await Promise.all([readStored(store), listAttestations(store), listAcknowledgements(store)]);
  return { ...stored, settings: { ...defaultAppSettings(), ...stored.settings, attestations, acknowledgements } };
}

/** True once someone saved settings naming a service account (the overview uses it). */
export async function settingsConfigured(store: KeyValueStore): Promise<boolean> {
  const stored = await store.get<StoredSettings>(KEYS.settings);
  return Boolean(stored?.settings.serviceAccount);
}

export async function saveSettings(
  store: KeyValueStore,
  input: { settings: unknown; version: unknown },
  by: string,
  now: Date,
  byName?: string,
): Promise<VersionedSettings> {
  if (typeof input.version !== 'number' || !Number.isInteger(input.version) || input.version < 0) {
    throw ResolverFailure.of('VALIDATION', 'The settings version is missing; reload the page and try again.', 'version');
  }
  const current = await readStored(store);
  if (input.version !== current.version) {
    throw ResolverFailure.of(
      'CONFLICT',
      `Someone else saved the settings since you opened them (version ${current.version}, yours ${input.version}). Reload to see their changes, then save again.`,
    );
  }
  const result = validateSettings(input.settings);
  if (!result.ok) throw new ResolverFailure(result.errors);
  const next: StoredSettings = {
    settings: result.settings,
    version: current.version + 1,
    updatedAt: now.toISOString(),
    updatedBy: by,
    ...(byName ? { updatedByName: byName } : {}),
  };
  if (!(await store.createIfAbsent(KEYS.settingsClaim(next.version), { by, at: next.updatedAt }))) {
    throw ResolverFailure.of('CONFLICT', 'Someone else saved the settings at the same moment. Reload to see their changes, then save again.');
  }
  await store.set(KEYS.settings, next);
  return getSettings(store);
}
