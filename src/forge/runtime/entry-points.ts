/**
 * Forge's three entry points, wired to the app's ports:
 * - `resolverHandler`: every resolver of src/shared/resolver-api.ts for the Custom UI;
 * - `queueConsumerHandler`: one project job from the `readiness-checks` queue;
 * - `scheduledTriggerHandler`: the hourly trigger, which only enqueues when a run is due.
 */
import Resolver from '@forge/resolver';
import type { ProjectJob } from '../deps';
import { processProjectJob } from '../consumer/process-project-job';
import { buildResolvers, RESOLVER_NAMES } from '../resolvers';
import { runScheduledTrigger } from '../scheduled/scheduled-run';
import { consoleLogger } from './console-logger';
import { forgeDeps } from './forge-deps';
import { invocationContextOf, siteUrlOf } from './invocation-context';

const resolver = new Resolver();
for (const name of RESOLVER_NAMES) {
  resolver.define(name, async ({ payload, context }) => {
    const ctx = invocationContextOf(context);
    const deps = await forgeDeps({ siteUrl: siteUrlOf(context), invokingAccountId: ctx.accountId });
    return buildResolvers(deps)[name](payload, ctx);
  });
}
export const resolverHandler = resolver.getDefinitions();

function isProjectJob(body: unknown): body is ProjectJob {
  const b = body as Partial<ProjectJob> | undefined;
  return typeof b?.runId === 'string' && typeof b.projectKey === 'string' && ['recheck', 'scheduled', 'fix'].includes(String(b.reason));
}

const consumer = new Resolver();
consumer.define('process-project-job', async ({ payload }) => {
  if (!isProjectJob(payload)) {
    consoleLogger.error('Ignoring a malformed queue event');
    return;
  }
  const deps = await forgeDeps({});
  await processProjectJob(deps, { runId: payload.runId, projectKey: payload.projectKey, reason: payload.reason });
});
export const queueConsumerHandler = consumer.getDefinitions();

export async function scheduledTriggerHandler(): Promise<{ statusCode: number }> {
  const deps = await forgeDeps({});
  await runScheduledTrigger(deps);
  return { statusCode: 204 };
}
