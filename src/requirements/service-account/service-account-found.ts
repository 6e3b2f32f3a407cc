/**
 * The service account as SA-EXISTS found it, for the checks that read its details.
 * When it is missing or unreadable those checks cannot decide: they are `undecided`
 * and name SA-EXISTS (docs/requirements.md: "error and names the check it depends on").
 */
import type { EngineSettings } from '../../shared/report-model';
import type { ServiceAccountInfo, SiteSnapshot } from '../../gather/snapshot';
import type { CheckOutcome } from '../check';
import { fetchReason } from '../fetch-reason';

export const SA_EXISTS_ID = 'SA-EXISTS';

export type ServiceAccountLookup =
  | { found: true; account: ServiceAccountInfo }
  | { found: false; reason: string };

export function configuredServiceAccount(settings: EngineSettings): string | undefined {
  const value = settings.serviceAccount?.trim();
  return value ? value : undefined;
}

export function lookupServiceAccount(snapshot: SiteSnapshot, settings: EngineSettings): ServiceAccountLookup {
  const configured = configuredServiceAccount(settings);
  if (!configured) return { found: false, reason: 'no service account is configured' };
  const fetched = snapshot.serviceAccount;
  if (!fetched) return { found: false, reason: `the service account "${configured}" was not looked up in this run` };
  if (!fetched.ok) return { found: false, reason: `the service account could not be read: ${fetchReason(fetched.error)}` };
  if (!fetched.value) return { found: false, reason: `no account matches "${configured}"` };
  return { found: true, account: fetched.value };
}

/** The outcome of a check that needs the account when SA-EXISTS could not supply it. */
export function dependsOnServiceAccount(what: string, reason: string): CheckOutcome {
  return {
    verdict: 'undecided',
    summary: `Cannot check ${what}: ${reason} (see ${SA_EXISTS_ID}).`,
    dependsOn: SA_EXISTS_ID,
    remediation: [{ text: `Fix ${SA_EXISTS_ID} first; this check runs once the service account is found.` }],
  };
}

/** "Moveworks Bot (moveworks-bot@acme.com)", or the accountId when nothing better is known. */
export function accountLabel(account: ServiceAccountInfo): string {
  const name = account.displayName || account.accountId;
  return account.emailAddress ? `${name} (${account.emailAddress})` : name;
}
