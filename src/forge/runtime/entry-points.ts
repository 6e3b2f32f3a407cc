/**
 * Forge's three entry points, wired to the app's ports:
 * - `resolverHandler`: every resolver of src/shared/resolver-api.ts for the Custom UI;
 * - `queueConsumerHandler`: one project job from the `readiness-checks` queue, or jobs a
 *   run handed on to push once Forge's events per minute allow;
 * - `scheduledTriggerHandler`: the hourly trigger, which only enqueues when a run is due.
 */
import Resolver from '@forge/resolver';
import { consumeQueueEvent, queueEventOf } from '../consumer/queue-event';
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

const consumer = new Resolver();
consumer.define('process-project-job', async ({ payload }) => {
  const event = queueEventOf(payload);
  if (!event) {
    consoleLogger.error('Ignoring a malformed queue event');
    return;
  }
  const deps = await forgeDeps({});
  await consumeQueueEvent(deps, event);
});
export const queueConsumerHandler = consumer.getDefinitions();

export async function scheduledTriggerHandler(): Promise<{ statusCode: number }> {
  const deps = await forgeDeps({});
  await runScheduledTrigger(deps);
  return { statusCode: 204 };
}
