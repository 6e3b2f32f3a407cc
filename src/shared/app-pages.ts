/**
 * The app's Forge entry points and the admin page's sub-pages: the one list that
 * manifest.yml, the dashboard's routing and the local preview follow. The manifest
 * test holds manifest.yml to it, so a sub-page added on one side and not the other
 * fails there instead of opening the wrong page in Jira.
 */

/** Module keys as manifest.yml declares them; Forge's view context names the one that is showing. */
export const MODULE_KEYS = {
  /** jira:adminPage in the Apps section of Jira settings, with the sub-pages below. */
  admin: 'mw-readiness-admin',
  /** jira:adminPage with useAsConfig: the "Configure" link on the app's entry in Manage apps. */
  configure: 'mw-readiness-configure',
  /** jira:projectSettingsPage of a service desk. */
  projectSettings: 'mw-readiness-project',
} as const;

export type AdminPageId = 'overview' | 'project' | 'connector' | 'parity' | 'settings' | 'history';

export interface AdminSubPage {
  page: AdminPageId;
  /** The manifest's `route`: Jira appends it to the admin page's URL. */
  route: string;
  /** The manifest's `title`, shown in Jira's sidebar. */
  title: string;
}

/** In sidebar order, which is also the order of the dashboard's tabs. */
export const ADMIN_SUBPAGES: readonly AdminSubPage[] = [
  { page: 'overview', route: 'overview', title: 'Overview' },
  { page: 'project', route: 'projects', title: 'Projects' },
  { page: 'connector', route: 'connector', title: 'Connector values' },
  { page: 'parity', route: 'parity', title: 'Non-production parity' },
  { page: 'settings', route: 'settings', title: 'Settings' },
  { page: 'history', route: 'history', title: 'History & exports' },
];
