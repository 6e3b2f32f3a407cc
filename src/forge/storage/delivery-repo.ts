/**
 * Records of report e-mails (one per run, plus test sends), newest kept, and the
 * report issue the app created when none was configured, so later e-mails reuse it
 * without touching the versioned settings.
 */
import type { DeliveryRecord } from '../../shared/resolver-api';
import type { KeyValueStore } from '../deps';
import { KEYS } from './keys';

export const DELIVERY_CAP = 50;

/** Keyed by run id (which starts with the run's ISO time), so records sort by time and a run has at most one. */
export async function findDelivery(store: KeyValueStore, runId: string): Promise<DeliveryRecord | undefined> {
  return store.get<DeliveryRecord>(`${KEYS.deliveryPrefix}${runId}`);
}

export async function putDelivery(store: KeyValueStore, record: DeliveryRecord): Promise<void> {
  await store.set(`${KEYS.deliveryPrefix}${record.runId}`, record);
  const all = await store.list<DeliveryRecord>(KEYS.deliveryPrefix);
  const oldestFirst = [...all].sort((a, b) => a.value.at.localeCompare(b.value.at));
  for (const old of oldestFirst.slice(0, Math.max(0, all.length - DELIVERY_CAP))) await store.delete(old.key);
}

export async function listDeliveries(store: KeyValueStore): Promise<DeliveryRecord[]> {
  return (await store.list<DeliveryRecord>(KEYS.deliveryPrefix)).map((e) => e.value).sort((a, b) => b.at.localeCompare(a.at));
}

export async function createdReportIssue(store: KeyValueStore): Promise<string | undefined> {
  return store.get<string>(KEYS.reportIssue);
}

export async function rememberReportIssue(store: KeyValueStore, issueKey: string): Promise<void> {
  await store.set(KEYS.reportIssue, issueKey);
}
