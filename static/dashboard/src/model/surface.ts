/**
 * Where the app is mounted, read from Forge's view context: the admin page (reached
 * from its sidebar entry, or from the Configure link in Manage apps, which Forge shows
 * as a separate jira:adminPage module with its own key), or a project's settings page
 * (which carries the project key). Display conditions are not a security boundary;
 * the resolvers check permissions again.
 */
import { MODULE_KEYS } from '../../../../src/shared/app-pages';
import type { AdminEntry } from './route';

export type Surface = { kind: 'admin'; entry: AdminEntry } | { kind: 'project'; projectKey: string } | { kind: 'unknown' };

export type ColorMode = 'light' | 'dark';

interface ForgeViewContext {
  moduleKey?: string;
  extension?: { type?: string; project?: { key?: string } };
  theme?: { colorMode?: string };
}

export function surfaceFromContext(context: unknown): Surface {
  const ctx = (context ?? {}) as ForgeViewContext;
  const type = ctx.extension?.type ?? '';
  const key = ctx.extension?.project?.key;
  if (type === 'jira:projectSettingsPage' || (key && type !== 'jira:adminPage')) {
    return key ? { kind: 'project', projectKey: key } : { kind: 'unknown' };
  }
  if (type === 'jira:adminPage' || /admin/i.test(ctx.moduleKey ?? '')) {
    return { kind: 'admin', entry: ctx.moduleKey === MODULE_KEYS.configure ? 'configure' : 'sidebar' };
  }
  return { kind: 'unknown' };
}

export function colorModeFromContext(context: unknown, prefersDark: boolean): ColorMode {
  const mode = (context as ForgeViewContext | null)?.theme?.colorMode;
  if (mode === 'dark' || mode === 'light') return mode;
  return prefersDark ? 'dark' : 'light';
}
