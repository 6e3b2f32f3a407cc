import { ADMIN_SUBPAGES } from '../../../../src/shared/app-pages';
import {
  ADMIN_PAGES,
  adminViewFromPath,
  openingAdminView,
  pathOfAdminView,
  pathOfProjectPage,
  projectPageFromPath,
  tabsSetRoute,
  type AdminEntry,
  type AdminView,
} from './route';

describe('which page an entry point opens', () => {
  const cases: [string, AdminEntry, string | undefined, AdminView][] = [
    ['the Settings sub-page in the sidebar', 'sidebar', '/settings', { page: 'settings' }],
    ['the Projects sub-page', 'sidebar', '/projects', { page: 'project' }],
    ['a desk shared by link', 'sidebar', '/projects/HR', { page: 'project', projectKey: 'HR' }],
    ['a desk key with an encoded character', 'sidebar', '/projects/A%20B', { page: 'project', projectKey: 'A B' }],
    ['the History sub-page with a trailing slash', 'sidebar', '/history/', { page: 'history' }],
    ['the Connector values sub-page without a leading slash', 'sidebar', 'connector', { page: 'connector' }],
    ['the admin page at its own URL', 'sidebar', '/', { page: 'overview' }],
    ['the admin page with no history', 'sidebar', undefined, { page: 'overview' }],
    ['a route the manifest does not declare', 'sidebar', '/nowhere', { page: 'overview' }],
    ['a sub-page that has no deeper level', 'sidebar', '/settings/extra', { page: 'overview' }],
    ['a broken percent-encoding', 'sidebar', '/projects/%E0%A4%A', { page: 'overview' }],
    ['the Configure link in Manage apps', 'configure', '/', { page: 'settings' }],
    ['the Configure link, whatever its path', 'configure', '/history', { page: 'settings' }],
    ['the Configure link with no history', 'configure', undefined, { page: 'settings' }],
  ];
  it.each(cases)('%s', (_label, entry, pathname, expected) => {
    expect(openingAdminView(entry, pathname)).toEqual(expected);
  });
});

describe('the route a page puts in the address', () => {
  const cases: [AdminView, string][] = [
    [{ page: 'overview' }, '/overview'],
    [{ page: 'overview', site: true }, '/overview/site'],
    [{ page: 'project' }, '/projects'],
    [{ page: 'project', projectKey: 'HR' }, '/projects/HR'],
    [{ page: 'project', projectKey: 'A B' }, '/projects/A%20B'],
    [{ page: 'connector' }, '/connector'],
    [{ page: 'settings' }, '/settings'],
    [{ page: 'history' }, '/history'],
  ];
  it.each(cases)('%j → %s, and back', (view, path) => {
    expect(pathOfAdminView(view)).toBe(path);
    expect(adminViewFromPath(path)).toEqual(view);
  });

  it('names no page for anything else under the overview', () => {
    expect(adminViewFromPath('/overview/HR')).toBeUndefined();
  });

  it('gives every tab a route of the manifest, in sidebar order', () => {
    expect(ADMIN_PAGES.map((page) => pathOfAdminView({ page }))).toEqual(ADMIN_SUBPAGES.map((p) => `/${p.route}`));
  });

  it('puts routes in the address from the sidebar entry only, never on the Configure page', () => {
    expect(tabsSetRoute('sidebar')).toBe(true);
    expect(tabsSetRoute('configure')).toBe(false);
  });
});

describe('project settings page routes', () => {
  const cases: [string | undefined, 'project' | 'settings' | 'history'][] = [
    ['/', 'project'],
    [undefined, 'project'],
    ['/settings', 'settings'],
    ['/history', 'history'],
    ['/nowhere', 'project'],
    ['/settings/extra', 'project'],
  ];
  it.each(cases)('%s opens %s', (pathname, page) => {
    expect(projectPageFromPath(pathname)).toBe(page);
  });
  it.each(['project', 'settings', 'history'] as const)('%s round-trips', (page) => {
    expect(projectPageFromPath(pathOfProjectPage(page))).toBe(page);
  });
});
