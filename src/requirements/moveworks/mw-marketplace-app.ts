/**
 * MW-MARKETPLACE-APP: the Moveworks Jira Marketplace app is installed. Jira's REST API
 * does not list another vendor's installed apps to a Forge app, so an admin attests it.
 */
import type { CheckOutcome, SiteCheck } from '../check';
import { DOCS, siteLinks } from '../links';

export const mwMarketplaceApp: SiteCheck = {
  meta: {
    id: 'MW-MARKETPLACE-APP',
    title: 'Moveworks Jira Marketplace app is installed',
    failureTitle: 'Moveworks Jira Marketplace app is not installed',
    description:
      'Due to Atlassian GDPR requirements, ingesting user information such as Jira ID, email, and name cannot be done with a service account and requires Atlassian approved application. The Moveworks Jira Application is an Atlassian-approved application used to integrate Jira Cloud as an identity source in Moveworks, and must be installed.',
    severity: 'required',
    group: 'moveworks',
    scope: 'site',
    manual: true,
    docsUrl: DOCS.moveworksRequirements,
  },
  requires: [],
  evaluate({ snapshot }): CheckOutcome {
    const links = siteLinks(snapshot.baseUrl);
    return {
      verdict: 'manual',
      summary: 'Attest that the Moveworks Jira Marketplace app is installed: it is the Atlassian-approved app through which Moveworks reads users (Jira ID, email, name), which a service account cannot do.',
      remediation: [
        { text: 'Open Apps > Manage apps and check that the Moveworks app is listed and enabled.', url: links.manageApps() },
        { text: 'If it is not, search the Atlassian Marketplace for "Moveworks", open the Moveworks Jira app and click Get app.', url: links.marketplaceSearch('Moveworks') },
        { text: 'Moveworks\' access requirements for Jira Service Management', url: DOCS.moveworksRequirements },
      ],
    };
  },
};
