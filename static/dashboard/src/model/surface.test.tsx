import { colorModeFromContext, surfaceFromContext } from './surface';

describe('surface from the Forge view context', () => {
  it('knows the admin page', () => {
    expect(surfaceFromContext({ moduleKey: 'mw-readiness-admin', extension: { type: 'jira:adminPage' } })).toEqual({ kind: 'admin', entry: 'sidebar' });
  });
  it('knows the Configure page by its module key: Forge gives it the same extension type', () => {
    const location = 'https://acme.atlassian.net/jira/settings/apps/configure/app/env';
    expect(surfaceFromContext({ moduleKey: 'mw-readiness-configure', extension: { type: 'jira:adminPage', location } })).toEqual({ kind: 'admin', entry: 'configure' });
  });
  it('takes the project key from the project settings page extension', () => {
    expect(surfaceFromContext({ extension: { type: 'jira:projectSettingsPage', project: { key: 'HR' } } })).toEqual({ kind: 'project', projectKey: 'HR' });
  });
  it('does not guess when there is no context', () => {
    expect(surfaceFromContext(null)).toEqual({ kind: 'unknown' });
    expect(surfaceFromContext({ extension: { type: 'jira:projectSettingsPage' } })).toEqual({ kind: 'unknown' });
  });
  it('follows Jira\'s colour mode, then the system preference', () => {
    expect(colorModeFromContext({ theme: { colorMode: 'dark' } }, false)).toBe('dark');
    expect(colorModeFromContext({}, true)).toBe('dark');
    expect(colorModeFromContext({}, false)).toBe('light');
  });
});
