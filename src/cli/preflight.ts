/**
 * The run's first call: GET /rest/api/3/myself with the given credentials. It
 * tells "cannot start" (exit 2: unreachable, authentication refused, not a Jira
 * site) apart from "started, and some checks could not decide" (exit 1), before
 * any check is judged. Retries network faults and 5xx like every other call.
 */
import { JiraClient, type JiraClientOptions } from '../jira/jira-client';
import { isJiraError } from '../jira/jira-error';
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
    switch (error.kind) {
      case 'network':
      case 'timeout':
        throw new RunAbortedError(`Could not reach ${host}: ${error.message.replace(/\.$/, '')}; check --site and the network.`);
      case 'unauthorized':
      case 'forbidden':
        throw new RunAbortedError(
          `Authentication refused by ${host} (HTTP ${error.status}): check the e-mail and API token (an API token, not the password).`,
        );
      case 'not_found':
        throw new RunAbortedError(`${host} has no Jira REST API (HTTP 404 for /rest/api/3/myself); check --site.`);
      default:
        throw new RunAbortedError(`${host} could not start the run: ${error.message.replace(/\.$/, '')}.`);
    }
  }
}
