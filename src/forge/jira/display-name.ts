import { JiraError } from '../../jira/jira-error';
import type { AppDeps } from '../deps';
import { resolverJira } from './resolver-jira';

/** The caller's display name for "attested by" / "last saved by" / "fixed by", best effort (one bounded call). */
export async function displayNameOf(deps: AppDeps, accountId: string): Promise<string | undefined> {
  try {
    const me = await resolverJira(deps.jiraAsUser(accountId), deps.log).get<{ displayName?: string }>('/rest/api/3/myself');
    return me?.displayName;
  } catch (e) {
    // Only Jira's refusal is shrugged off; Forge's consent prompt must escape untouched.
    if (e instanceof JiraError) return undefined;
    throw e;
  }
}
