/**
 * AppDeps filled with Forge's real services: @forge/kvs, the @forge/events queue,
 * and Jira through requestJira (src/jira/forge-transport.ts). The site's base URL,
 * needed only for deep links, comes from the invocation context when Forge gives it,
 * else from what an earlier call remembered, else from Jira's serverInfo.
 */
import { createForgeTransport } from '../../jira/forge-transport';
import type { AppDeps } from '../deps';
import { resolverJira } from '../jira/resolver-jira';
import { rememberSiteUrl, storedSiteUrl } from '../storage/migrate';
import { consoleLogger } from './console-logger';
import { forgeQueue } from './forge-queue';
import { kvsStore } from './kvs-store';

async function resolveSiteUrl(fromContext: string | undefined): Promise<string> {
  if (fromContext) {
    await rememberSiteUrl(kvsStore, fromContext).catch(() => undefined);
    return fromContext;
  }
  const stored = await storedSiteUrl(kvsStore).catch(() => undefined);
  if (stored) return stored;
  try {
    const info = await resolverJira(createForgeTransport('app', '')).get<{ baseUrl?: string }>('/rest/api/3/serverInfo');
    if (info?.baseUrl) {
      await rememberSiteUrl(kvsStore, info.baseUrl).catch(() => undefined);
      return info.baseUrl;
    }
  } catch {
    // Deep links will be relative; the checks themselves do not need the URL.
  }
  return '';
}

export async function forgeDeps(options: { siteUrl?: string; invokingAccountId?: string }): Promise<AppDeps> {
  const baseUrl = await resolveSiteUrl(options.siteUrl);
  return {
    storage: kvsStore,
    queue: forgeQueue(),
    jiraAsApp: () => createForgeTransport('app', baseUrl),
    // The invoking user needs no impersonation: asUser() without an id acts as them.
    jiraAsUser: (accountId: string) =>
      createForgeTransport(accountId === options.invokingAccountId ? {} : { asUserAccountId: accountId }, baseUrl),
    now: () => new Date(),
    log: consoleLogger,
  };
}
