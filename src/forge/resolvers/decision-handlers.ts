/**
 * Attestations of manual checks (site-wide, Jira administrators) and
 * acknowledgements of a non-passing check (site: administrators; project: that
 * project's administrators). An acknowledgement records the fingerprint of the
 * evidence it was given for; it lapses when the evidence changes or it expires.
 * Each decision rewrites the newest History entries from the report as it now
 * reads, so History and the e-mail agree with the overview at once.
 */
import type { Acknowledgement, Attestation } from '../../shared/report-model';
import { findCheck } from '../../requirements/catalogue';
import { ResolverFailure } from '../errors';
import { displayNameOf } from '../jira/display-name';
import type { AppDeps } from '../deps';
import type { Caller } from '../authz/authorise';
import { deleteAcknowledgement, deleteAttestation, putAcknowledgement, putAttestation } from '../storage/decisions-repo';
import { refreshHistoryAfterChange } from '../storage/refresh-history';
import { loadProject, loadSite, type StoredCheck } from '../storage/report-repo';
import { scopeProject, type Handler } from './handler';
import { asObject, checkIdOf, optionalProjectKey, text } from './payload';

export const attest: Handler<'attest'> = async (deps, caller, payload) => {
  const p = asObject(payload);
  const checkId = checkIdOf(p.checkId);
  const note = text(p.note, 'note', 'The note');
  const check = findCheck(checkId);
  if (!check || check.meta.scope !== 'site') throw ResolverFailure.of('NOT_FOUND', `${checkId} is not a site check of this app.`);
  const stored = (await loadSite(deps.storage))?.checks.find((c) => c.id === checkId);
  if (!check.meta.manual && stored?.status !== 'manual') {
    throw ResolverFailure.of('VALIDATION', `${checkId} is decided from Jira's data; only manual checks can be attested.`, 'checkId');
  }
  const byName = await displayNameOf(deps, caller.accountId);
  const attestation: Attestation = { by: caller.accountId, ...(byName ? { byName } : {}), at: deps.now().toISOString(), ...(note ? { note } : {}) };
  await putAttestation(deps.storage, checkId, attestation);
  await refreshHistoryAfterChange(deps.storage, deps.now());
  deps.log.info('Check attested', { checkId, by: caller.accountId });
  return attestation;
};

export const revokeAttestation: Handler<'revokeAttestation'> = async (deps, caller, payload) => {
  const checkId = checkIdOf(asObject(payload).checkId);
  await deleteAttestation(deps.storage, checkId);
  await refreshHistoryAfterChange(deps.storage, deps.now());
  deps.log.info('Attestation revoked', { checkId, by: caller.accountId });
  return { checkId };
};

/** Site-scope decisions belong to Jira administrators on the admin page. */
function decisionScope(caller: Caller, payload: Record<string, unknown>): string {
  const projectKey = scopeProject(caller, optionalProjectKey(payload.projectKey));
  if (projectKey) return projectKey;
  if (caller.surface !== 'admin') throw ResolverFailure.of('UNAUTHORISED', 'Only Jira administrators can acknowledge site checks.');
  return 'site';
}

async function storedCheck(deps: AppDeps, scope: string, checkId: string): Promise<StoredCheck | undefined> {
  if (scope === 'site') return (await loadSite(deps.storage))?.checks.find((c) => c.id === checkId);
  return (await loadProject(deps.storage, scope))?.checks.find((c) => c.id === checkId);
}

export const acknowledge: Handler<'acknowledge'> = async (deps, caller, payload) => {
  const p = asObject(payload);
  const scope = decisionScope(caller, p);
  const checkId = checkIdOf(p.checkId);
  const reason = text(p.reason, 'reason', 'The reason', { required: true })!;
  let expiresAt: string | undefined;
  if (p.expiresAt !== undefined && p.expiresAt !== null && p.expiresAt !== '') {
    const t = typeof p.expiresAt === 'string' ? Date.parse(p.expiresAt) : NaN;
    if (Number.isNaN(t)) throw ResolverFailure.of('VALIDATION', 'The expiry must be a date.', 'expiresAt');
    if (t <= deps.now().getTime()) throw ResolverFailure.of('VALIDATION', 'The expiry must be in the future.', 'expiresAt');
    expiresAt = new Date(t).toISOString();
  }
  const check = await storedCheck(deps, scope, checkId);
  if (!check) throw ResolverFailure.of('NOT_FOUND', `There is no result of ${checkId}${scope === 'site' ? '' : ` for ${scope}`} yet; run a check first.`);
  if (check.status === 'pass' || check.status === 'not_applicable') {
    throw ResolverFailure.of('VALIDATION', `${checkId} does not need acknowledging: it is ${check.status === 'pass' ? 'passing' : 'not applicable'}.`, 'checkId');
  }
  // An error is the app failing to judge (its settings, or its access to Jira), not a gap an admin can accept:
  // acknowledging it would hide the one thing that still needs fixing.
  if (check.status === 'error') {
    throw ResolverFailure.of(
      'VALIDATION',
      `${checkId} could not be checked, so there is nothing to accept yet: fix what it names (the settings or the app's access to Jira), then run the checks again.`,
      'checkId',
    );
  }
  const byName = await displayNameOf(deps, caller.accountId);
  const ack: Acknowledgement = {
    by: caller.accountId,
    ...(byName ? { byName } : {}),
    at: deps.now().toISOString(),
    reason,
    ...(expiresAt ? { expiresAt } : {}),
    evidenceHash: check.evidenceHash,
  };
  await putAcknowledgement(deps.storage, scope, checkId, ack);
  await refreshHistoryAfterChange(deps.storage, deps.now(), scope === 'site' ? [] : [scope]);
  deps.log.info('Check acknowledged', { scope, checkId, by: caller.accountId });
  return ack;
};

export const removeAcknowledgement: Handler<'removeAcknowledgement'> = async (deps, caller, payload) => {
  const p = asObject(payload);
  const scope = decisionScope(caller, p);
  const checkId = checkIdOf(p.checkId);
  await deleteAcknowledgement(deps.storage, scope, checkId);
  await refreshHistoryAfterChange(deps.storage, deps.now(), scope === 'site' ? [] : [scope]);
  deps.log.info('Acknowledgement removed', { scope, checkId, by: caller.accountId });
  return { checkId };
};
