/**
 * Deep links into this site's admin pages and the documentation the remediation
 * steps point at. Built from the site's base URL so every link opens the right page
 * of the right site.
 */
import type { ProjectStyle } from '../shared/report-model';

const trimSlash = (url: string) => url.replace(/\/+$/, '');

export const DOCS = {
  moveworksRequirements: 'https://help.moveworks.com/docs/jira-service-management-access-requirements',
  createUsers: 'https://support.atlassian.com/jira-cloud-administration/docs/create-edit-and-delete-users/',
  apiTokens: 'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
  productAccess: 'https://support.atlassian.com/user-management/docs/give-users-access-to-products/',
  projectRoles: 'https://support.atlassian.com/jira-service-management-cloud/docs/what-are-project-roles/',
  customers: 'https://support.atlassian.com/jira-service-management-cloud/docs/add-and-invite-customers/',
  workflows: 'https://support.atlassian.com/jira-cloud-administration/docs/work-with-issue-workflows/',
  exportWorkflows: 'https://support.atlassian.com/jira-cloud-administration/docs/import-and-export-issue-workflows/',
  transitionScreens: 'https://support.atlassian.com/jira-cloud-administration/docs/configure-advanced-issue-workflows/',
  postFunctions: 'https://support.atlassian.com/jira-cloud-administration/docs/configure-advanced-issue-workflows/',
  timeZone: 'https://support.atlassian.com/atlassian-account/docs/manage-your-account-preferences/',
  teamManagedWorkflows: 'https://support.atlassian.com/jira-service-management-cloud/docs/manage-workflows-in-team-managed-projects/',
} as const;

export const ATLASSIAN_PAGES = {
  adminHub: 'https://admin.atlassian.com/',
  apiTokens: 'https://id.atlassian.com/manage-profile/security/api-tokens',
  accountPreferences: 'https://id.atlassian.com/manage-profile/account-preferences',
} as const;

export function siteLinks(baseUrl: string) {
  const base = trimSlash(baseUrl);
  return {
    base,
    projectRoles: (key: string, style: ProjectStyle) =>
      style === 'team-managed'
        ? `${base}/jira/servicedesk/projects/${encodeURIComponent(key)}/settings/access`
        : `${base}/plugins/servlet/project-config/${encodeURIComponent(key)}/roles`,
    customers: (key: string) => `${base}/jira/servicedesk/projects/${encodeURIComponent(key)}/customers`,
    projectWorkflows: (key: string, style: ProjectStyle) =>
      style === 'team-managed'
        ? `${base}/jira/servicedesk/projects/${encodeURIComponent(key)}/settings/issuetypes`
        : `${base}/plugins/servlet/project-config/${encodeURIComponent(key)}/workflows`,
    workflow: (name: string) => `${base}/secure/admin/workflows/ViewWorkflowSteps.jspa?workflowMode=live&workflowName=${encodeURIComponent(name)}`,
    screen: (screenId: string) => `${base}/secure/admin/ConfigureFieldScreen.jspa?id=${encodeURIComponent(screenId)}`,
    userManagement: () => `${base}/jira/people/search`,
    groups: () => `${base}/jira/settings/system/groups`,
    manageApps: () => `${base}/plugins/servlet/upm`,
    marketplaceSearch: (query: string) => `${base}/jira/marketplace/discover?search=${encodeURIComponent(query)}`,
    serviceDeskPortal: (serviceDeskId: string) => `${base}/servicedesk/customer/portal/${encodeURIComponent(serviceDeskId)}`,
  };
}

export type SiteLinks = ReturnType<typeof siteLinks>;
