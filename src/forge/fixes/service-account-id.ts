/**
 * Resolves the configured service account (e-mail or accountId) to an accountId, as
 * the caller: the stored report's account when it matches, else an exact e-mail match
 * from Jira's user search.
 */
import type { JiraTransport } from '../../jira/transport';
import type { KeyValueStore } from '../deps';
import { callJira } from '../jira/call-jira';
import { loadSite } from '../storage/report-repo';

export interface ResolvedAccount {
  accountId: string;
  displayName?: string;
}

export async function resolveServiceAccount(store: KeyValueStore, transport: JiraTransport, configured: string): Promise<ResolvedAccount | string> {
  const wanted = configured.trim();
  const site = await loadSite(store);
  const known = site?.serviceAccount;
  if (known && (known.accountId === wanted || known.emailAddress?.toLowerCase() === wanted.toLowerCase())) {
    return { accountId: known.accountId, displayName: known.displayName };
  }
  if (!wanted.includes('@')) return { accountId: wanted };
  const answer = await callJira<{ accountId: string; displayName?: string; emailAddress?: string }[]>(
    transport,
    'GET',
    `/rest/api/3/user/search?query=${encodeURIComponent(wanted)}&maxResults=20`,
  );
  if (!answer.ok) return `Jira refused the user search: ${answer.message}`;
  const match = (answer.body ?? []).find((u) => u.emailAddress?.toLowerCase() === wanted.toLowerCase());
  return match ? { accountId: match.accountId, displayName: match.displayName } : `No Jira account has the e-mail address ${wanted} (or its e-mail is hidden; configure the accountId instead).`;
}
