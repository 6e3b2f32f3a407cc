/**
 * An admin's decisions laid over a check's raw result, one way for the engine's
 * judge and for the app's stored reports (which keep raw results and overlay the
 * current decisions on every read): an attested manual check passes; an
 * acknowledgement attaches to a non-passing check while it has not expired and
 * the evidence it was given for is unchanged.
 */
import { findCheck } from '../requirements/catalogue';
import { evidenceHash } from './evidence-hash';
import type { Acknowledgement, Attestation, CheckResult } from '../shared/report-model';

export interface Decisions {
  /** Check id → attestation of a manual check. */
  attestations: Record<string, Attestation>;
  /** `${projectKey or 'site'}:${checkId}` → acknowledgement. */
  acknowledgements: Record<string, Acknowledgement>;
}

export function acknowledgementActive(ack: Acknowledgement, now: Date): boolean {
  return !ack.expiresAt || Date.parse(ack.expiresAt) > now.getTime();
}

/**
 * `raw` carries no decisions; `fingerprint` is the hash of its full evidence (the
 * stored report keeps it because it caps the evidence it stores).
 */
export function applyDecisions(raw: CheckResult, scopeKey: string, decisions: Decisions, now: Date, fingerprint = evidenceHash(raw.evidence)): CheckResult {
  const out: CheckResult = { ...raw };
  const attestation = decisions.attestations[raw.id];
  if (out.status === 'manual' && attestation) {
    out.status = 'pass';
    out.summary = `Attested by ${attestation.byName ?? attestation.by} on ${attestation.at.slice(0, 10)}${attestation.note ? `: ${attestation.note}` : ''}`;
    out.title = findCheck(raw.id)?.meta.title ?? out.title;
    out.attestation = attestation;
  }
  const ack = decisions.acknowledgements[`${scopeKey}:${raw.id}`];
  if (ack && out.status !== 'pass' && acknowledgementActive(ack, now) && ack.evidenceHash === fingerprint) {
    out.acknowledgement = ack;
  }
  return out;
}
