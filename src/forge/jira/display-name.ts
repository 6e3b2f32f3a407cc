import { needsUserConsent } from '../../jira/needs-consent';
import type { AppDeps } from '../deps';
import { callJira } from './call-jira';

/** The caller's display name for "attested by" / "last saved by", best effort (one bounded call). */
export async function displayNameOf(deps: AppDeps, accountId: string): Promise<string | undefined> {
  try {
    const me = await callJira<{ displayName?: string }>(deps.jiraAsUser(accountId), 'GET', '/rest/api/3/myself');
    return me.ok ? me.body?.displayName : undefined;
  } catch (e) {
    if (needsUserConsent(e)) throw e;
    return undefined;
  }
}
