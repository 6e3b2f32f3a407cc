/**
 * The run's first call: GET /rest/api/3/myself with the given credentials. It
 * tells "cannot start" (exit 2: unreachable, authentication refused, not a Jira
 * site) apart from "started, and some checks could not decide" (exit 1), before
 * any check is judged. Retries network faults and 5xx like every other call.
 */
import { JiraClient, type JiraClientOptions } from '../jira/jira-client';
import { isJiraError, type JiraError } from '../jira/jira-error';
import type { JiraTransport } from '../jira/transport';
import { RunAbortedError } from './usage-error';

export interface Myself {
  accountId?: string;
  emailAddress?: string;
  displayName?: string;
}

export async function preflight(transport: JiraTransport, clientOptions: JiraClientOptions = {}): Promise<Myself> {
  const host = new URL(transport.baseUrl).host;
  const client = new JiraClient(transport, clientOptions);
  try {
    const me = await client.get<Myself | undefined>('/rest/api/3/myself');
    if (!me || typeof me !== 'object' || typeof me.accountId !== 'string') {
      throw new RunAbortedError(`${host} did not answer like Jira Cloud for /rest/api/3/myself; check --site.`);
    }
    return me;
  } catch (error) {
    if (error instanceof RunAbortedError || !isJiraError(error)) throw error;
    throw abortFor(error, host);
  }
}

/** The sentence for a Jira error that stops the run before it could start (or finish). */
export function abortFor(error: JiraError, host: string): RunAbortedError {
  switch (error.kind) {
    case 'network':
    case 'timeout':
      return new RunAbortedError(`Could not reach ${host}: ${error.message.replace(/\.$/, '')}; check --site and the network.`);
    case 'unauthorized':
    case 'forbidden':
      return new RunAbortedError(
        `Authentication refused by ${host} (HTTP ${error.status}): check the e-mail and API token (an API token, not the password).`,
      );
    case 'not_found':
      return new RunAbortedError(`${host} has no Jira REST API (HTTP 404 for ${error.endpoint.replace(/^GET /, '')}); check --site.`);
    default:
      return new RunAbortedError(`${host} could not start the run: ${error.message.replace(/\.$/, '')}.`);
  }
}
