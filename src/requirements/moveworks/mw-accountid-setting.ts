/**
 * MW-ACCOUNTID-SETTING: the connector's AccountID checkbox is enabled. A setting of the
 * connector in Moveworks Setup, out of Jira's sight, so an admin attests it.
 */
import { attestedMoveworksCheck } from './attested-check';

export const mwAccountIdSetting = attestedMoveworksCheck({
  meta: {
    id: 'MW-ACCOUNTID-SETTING',
    title: 'Connector AccountID setting is enabled',
    failureTitle: 'Connector AccountID setting is not enabled',
    description:
      'Enable checkbox for AccountID setting (REQUIRED). This checkbox is required for your AI Assistant to correctly identify users in Jira.',
  },
  requires: [],
  attest: () => ({
    summary: 'Attest that the AccountID setting checkbox is enabled on the Jira Service Desk connector in Moveworks Setup: it is required for your AI Assistant to correctly identify users in Jira.',
    steps: [{ text: 'In Moveworks Setup, open Core Platform > System Connectors, edit the Jira Service Desk connector (jira_service_desk), enable the checkbox for AccountID setting and save.' }],
  }),
});
