/**
 * MW-MARKETPLACE-APP: the Moveworks Jira Marketplace app is installed. Jira's REST API
 * does not list another vendor's installed apps to a Forge app, so an admin attests it.
 */
import { siteLinks } from '../links';
import { attestedMoveworksCheck } from './attested-check';

export const mwMarketplaceApp = attestedMoveworksCheck({
  meta: {
    id: 'MW-MARKETPLACE-APP',
    title: 'Moveworks Jira Marketplace app is installed',
    failureTitle: 'Moveworks Jira Marketplace app is not installed',
    description:
      'Due to Atlassian GDPR requirements, ingesting user information such as Jira ID, email, and name cannot be done with a service account and requires Atlassian approved application. The Moveworks Jira Application is an Atlassian-approved application used to integrate Jira Cloud as an identity source in Moveworks, and must be installed.',
  },
  requires: [],
  attest: ({ snapshot }) => {
    const links = siteLinks(snapshot.baseUrl);
    return {
      summary: 'Attest that the Moveworks Jira Marketplace app is installed: it is the Atlassian-approved app through which Moveworks reads users (Jira ID, email, name), which a service account cannot do.',
      steps: [
        { text: 'Open Apps > Manage apps and check that the Moveworks app is listed and enabled.', url: links.manageApps() },
        { text: 'If it is not, search the Atlassian Marketplace for "Moveworks", open the Moveworks Jira app and click Get app.', url: links.marketplaceSearch('Moveworks') },
      ],
    };
  },
});
