/**
 * Reads who is calling and from where out of Forge's invocation context. The
 * project comes only from the extension context Forge fills for the project
 * settings page; anything unrecognised is treated as the admin surface, which
 * demands the strictest permission (Jira administrator).
 */
import type { InvocationContext } from '../deps';

interface ForgeContext {
  accountId?: unknown;
  siteUrl?: unknown;
  extension?: { type?: unknown; project?: { key?: unknown } };
}

export function invocationContextOf(context: unknown): InvocationContext {
  const c = (context ?? {}) as ForgeContext;
  const accountId = typeof c.accountId === 'string' && c.accountId !== '' ? c.accountId : undefined;
  if (c.extension?.type === 'jira:projectSettingsPage') {
    const key = c.extension.project?.key;
    return { accountId, surface: 'project', ...(typeof key === 'string' && key !== '' ? { projectKey: key } : {}) };
  }
  return { accountId, surface: 'admin' };
}

export function siteUrlOf(context: unknown): string | undefined {
  const url = (context as ForgeContext | undefined)?.siteUrl;
  return typeof url === 'string' && /^https:\/\//.test(url) ? url.replace(/\/+$/, '') : undefined;
}
