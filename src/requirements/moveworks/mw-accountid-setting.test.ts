import { mwAccountIdSetting } from './mw-accountid-setting';
import { describeCheck } from '../testing/table';
import { DOCS } from '../links';

describeCheck(mwAccountIdSetting, {
  valid: [],
  invalid: [
    {
      name: 'always attested by an admin',
      verdict: 'manual',
      summary: ['AccountID setting checkbox is enabled', 'correctly identify users in Jira'],
      remediationText: ['Core Platform > System Connectors', 'enable the checkbox for AccountID setting'],
      remediationUrls: [DOCS.moveworksRequirements],
    },
  ],
});

it('MW-ACCOUNTID-SETTING is marked manual and required', () => {
  expect(mwAccountIdSetting.meta).toMatchObject({ manual: true, severity: 'required', scope: 'site', group: 'moveworks' });
});
