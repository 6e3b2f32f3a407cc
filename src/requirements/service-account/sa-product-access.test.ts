import { saProductAccess } from './sa-product-access';
import { describeCheck } from '../testing/table';
import { failed, ok, serviceAccount } from '../testing/snapshot-builder';
import { ATLASSIAN_PAGES, DOCS } from '../links';

const fixUrls = [ATLASSIAN_PAGES.adminHub, DOCS.productAccess];

describeCheck(saProductAccess, {
  valid: [
    {
      name: 'the jira-servicedesk application role',
      summary: 'has Jira Service Management product access',
      evidence: { applicationRoles: ['jira-servicedesk'], groups: ['jira-servicedesk-users'], memberOfServiceDeskUsersGroup: true },
    },
    {
      name: 'the role granted through a differently named group',
      site: {
        serviceAccount: ok(serviceAccount({
          groups: [{ name: 'jsm-agents-emea' }],
          applicationRoles: [{ key: 'jira-software' }, { key: 'jira-servicedesk' }],
        })),
      },
      evidence: { applicationRoles: ['jira-software', 'jira-servicedesk'], memberOfServiceDeskUsersGroup: false },
    },
  ],
  invalid: [
    {
      name: 'account missing',
      site: { serviceAccount: ok(null) },
      verdict: 'undecided',
      dependsOn: 'SA-EXISTS',
      summary: 'Cannot check product access',
    },
    {
      name: 'account unreadable',
      site: { serviceAccount: failed('forbidden', 'GET /rest/api/3/user', 403) },
      verdict: 'undecided',
      dependsOn: 'SA-EXISTS',
      summary: ['Could not read the service account', 'see SA-EXISTS'],
    },
    {
      name: 'no application role at all',
      site: { serviceAccount: ok(serviceAccount({ groups: [], applicationRoles: [] })) },
      verdict: 'violated',
      summary: 'it has no application role',
      evidence: { applicationRoles: [], groups: [] },
      remediationUrls: fixUrls,
      remediationText: 'Jira Service Management',
    },
    {
      name: 'other products only',
      site: { serviceAccount: ok(serviceAccount({ groups: [{ name: 'jira-software-users' }], applicationRoles: [{ key: 'jira-software' }] })) },
      verdict: 'violated',
      summary: 'its application roles are jira-software',
      remediationUrls: fixUrls,
    },
    {
      name: 'membership of jira-servicedesk-users without the role is not a pass',
      site: { serviceAccount: ok(serviceAccount({ applicationRoles: [] })) },
      verdict: 'violated',
      summary: 'member of jira-servicedesk-users, but Jira reports no Jira Service Management application role',
      evidence: { memberOfServiceDeskUsersGroup: true, applicationRoles: [] },
    },
  ],
});
