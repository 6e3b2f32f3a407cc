/**
 * Where the app is mounted, read from Forge's view context: the admin page, or a
 * project's settings page (which carries the project key). Display conditions are
 * not a security boundary; the resolvers check permissions again.
 */
export type Surface = { kind: 'admin' } | { kind: 'project'; projectKey: string } | { kind: 'unknown' };

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
  if (type === 'jira:adminPage' || /admin/i.test(ctx.moduleKey ?? '')) return { kind: 'admin' };
  return { kind: 'unknown' };
}

export function colorModeFromContext(context: unknown, prefersDark: boolean): ColorMode {
  const mode = (context as ForgeViewContext | null)?.theme?.colorMode;
  if (mode === 'dark' || mode === 'light') return mode;
  return prefersDark ? 'dark' : 'light';
}
