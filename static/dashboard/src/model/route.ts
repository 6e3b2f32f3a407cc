/**
 * Which page an entry point opens, and which route a page puts in the address.
 * Forge's history gives paths relative to the module's URL, and Jira's sidebar
 * appends a sub-page's manifest `route` to it: "/settings" is the Settings sub-page.
 * The admin page's routes are the manifest's (one list, in src/shared/app-pages.ts);
 * a desk opened from the overview goes one level deeper ("/projects/HR") so its link
 * can be shared too.
 */
import { ADMIN_SUBPAGES, type AdminPageId } from '../../../../src/shared/app-pages';

export type AdminPage = AdminPageId;

export interface AdminView {
  page: AdminPage;
  projectKey?: string;
  /** On the overview: the site checks' own page ("/overview/site"). */
  site?: true;
}

/** Which admin-page module Jira opened: its sidebar entry (with sub-pages) or the Configure link in Manage apps. */
export type AdminEntry = 'sidebar' | 'configure';

export const ADMIN_PAGES: readonly AdminPage[] = ADMIN_SUBPAGES.map((p) => p.page);

/** The site checks' page lives under the overview, which leads to it: "/overview/site". */
const SITE_SEGMENT = 'site';

/** The path's segments, without empty ones; undefined when one is not valid percent-encoding. */
function segments(pathname: string | null | undefined): string[] | undefined {
  try {
    return (pathname ?? '')
      .split('/')
      .filter(Boolean)
      .map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

/** The admin page a path names; undefined when it names none (the module's own URL, or an unknown route). */
export function adminViewFromPath(pathname: string | null | undefined): AdminView | undefined {
  const parts = segments(pathname);
  if (!parts || parts.length === 0) return undefined;
  const [route, key, ...rest] = parts;
  const entry = ADMIN_SUBPAGES.find((p) => p.route === route);
  if (!entry || rest.length > 0) return undefined;
  if (key === undefined) return { page: entry.page };
  if (entry.page === 'overview') return key === SITE_SEGMENT ? { page: 'overview', site: true } : undefined;
  return entry.page === 'project' ? { page: 'project', projectKey: key } : undefined;
}

export function pathOfAdminView(view: AdminView): string {
  const route = ADMIN_SUBPAGES.find((p) => p.page === view.page)?.route ?? ADMIN_SUBPAGES[0].route;
  if (view.page === 'overview' && view.site) return `/${route}/${SITE_SEGMENT}`;
  return view.page === 'project' && view.projectKey ? `/${route}/${encodeURIComponent(view.projectKey)}` : `/${route}`;
}

/**
 * The page an admin-page entry point opens. The Configure link names the settings,
 * whatever its URL; the sidebar entry opens the sub-page its route names, and the
 * Overview when it names none.
 */
export function openingAdminView(entry: AdminEntry, pathname: string | null | undefined): AdminView {
  if (entry === 'configure') return { page: 'settings' };
  return adminViewFromPath(pathname) ?? { page: 'overview' };
}

/**
 * Whether tab changes become routes. Jira gives the Configure page no sub-pages, so
 * a route appended there would name a page Jira cannot open: its address stays as
 * Jira opened it.
 */
export function tabsSetRoute(entry: AdminEntry): boolean {
  return entry === 'sidebar';
}

export type ProjectSubPage = 'project' | 'parity' | 'settings' | 'history';

/** The project settings page declares no sub-pages; its tabs still get routes under the module's URL so a link can be shared. */
const PROJECT_ROUTES: Record<ProjectSubPage, string> = { project: '', parity: 'parity', settings: 'settings', history: 'history' };

export const PROJECT_PAGES: readonly ProjectSubPage[] = ['project', 'parity', 'settings', 'history'];

export function projectPageFromPath(pathname: string | null | undefined): ProjectSubPage {
  const parts = segments(pathname);
  if (!parts || parts.length !== 1) return 'project';
  return PROJECT_PAGES.find((p) => PROJECT_ROUTES[p] === parts[0]) ?? 'project';
}

export function pathOfProjectPage(page: ProjectSubPage): string {
  return `/${PROJECT_ROUTES[page]}`;
}
