/**
 * An admin's decisions about checks: attestations of manual checks (site-wide, by
 * check id) and acknowledgements of a non-passing check (per scope: project key or
 * 'site'). Each is its own small kvs entry, keyed the way the engine looks them up.
 */
import type { Acknowledgement, Attestation } from '../../shared/report-model';
import type { KeyValueStore } from '../deps';
import { KEYS } from './keys';

export async function listAttestations(store: KeyValueStore): Promise<Record<string, Attestation>> {
  const entries = await store.list<Attestation>(KEYS.attestationPrefix);
  return Object.fromEntries(entries.map((e) => [e.key.slice(KEYS.attestationPrefix.length), e.value]));
}

export async function putAttestation(store: KeyValueStore, checkId: string, attestation: Attestation): Promise<void> {
  await store.set(KEYS.attestation(checkId), attestation);
}

export async function deleteAttestation(store: KeyValueStore, checkId: string): Promise<void> {
  await store.delete(KEYS.attestation(checkId));
}

/** `${scope}:${checkId}` → acknowledgement, the engine's EngineSettings.acknowledgements shape. */
export async function listAcknowledgements(store: KeyValueStore): Promise<Record<string, Acknowledgement>> {
  const entries = await store.list<Acknowledgement>(KEYS.acknowledgementPrefix);
  return Object.fromEntries(entries.map((e) => [e.key.slice(KEYS.acknowledgementPrefix.length), e.value]));
}

export async function putAcknowledgement(store: KeyValueStore, scope: string, checkId: string, ack: Acknowledgement): Promise<void> {
  await store.set(KEYS.acknowledgement(scope, checkId), ack);
}

export async function deleteAcknowledgement(store: KeyValueStore, scope: string, checkId: string): Promise<void> {
  await store.delete(KEYS.acknowledgement(scope, checkId));
}
