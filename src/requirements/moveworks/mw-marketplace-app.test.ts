import { mwMarketplaceApp } from './mw-marketplace-app';
import { describeCheck } from '../testing/table';
import { BASE_URL, failed } from '../testing/snapshot-builder';
import { DOCS } from '../links';

describeCheck(mwMarketplaceApp, {
  valid: [],
  invalid: [
    {
      name: 'always attested by an admin',
      verdict: 'manual',
      summary: ['Attest', 'Moveworks Jira Marketplace app is installed'],
      remediationUrls: [`${BASE_URL}/plugins/servlet/upm`, `${BASE_URL}/jira/marketplace/discover?search=Moveworks`, DOCS.moveworksRequirements],
      remediationText: 'Manage apps',
    },
    {
      name: 'still manual when Jira could not be read',
      site: { serverInfo: failed('server', 'GET /rest/api/3/serverInfo', 503), serviceAccount: undefined },
      verdict: 'manual',
    },
  ],
});

it('MW-MARKETPLACE-APP is marked manual and required', () => {
  expect(mwMarketplaceApp.meta).toMatchObject({ manual: true, severity: 'required', scope: 'site', group: 'moveworks' });
});
