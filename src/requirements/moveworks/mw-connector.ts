/**
 * MW-CONNECTOR: the Jira Service Desk connector exists in Moveworks Setup with the
 * right values. It lives in Moveworks, out of Jira's sight, so an admin attests it;
 * the app shows every value ready to copy (connectorValues, also used by the UI).
 */
import type { EngineSettings } from '../../shared/report-model';
import type { SiteSnapshot } from '../../gather/snapshot';
import type { ConnectorValues } from '../../shared/resolver-api';
import { ATLASSIAN_PAGES, siteLinks } from '../links';
import { attestedMoveworksCheck } from './attested-check';

export const CONNECTION_NAME = 'jira_service_desk';
export const AUTHENTICATION_TYPE = 'Jira Cloud Basic Auth';
export const PASSWORD_HINT = "the service account's API token";
export const ACCOUNT_ID_SETTING = 'Enabled (required)';

/**
 * The values to enter in Moveworks Setup. Username is the service account's e-mail as
 * Jira reported it, else the configured setting when that is an e-mail, else null.
 * Never the token: only a hint of what to paste.
 */
export function connectorValues(snapshot: SiteSnapshot, settings?: Pick<EngineSettings, 'serviceAccount'>): ConnectorValues {
  const found = snapshot.serviceAccount?.ok ? snapshot.serviceAccount.value : null;
  const configured = settings?.serviceAccount?.trim();
  const username = found?.emailAddress || (configured && configured.includes('@') ? configured : null);
  return {
    connectionName: CONNECTION_NAME,
    baseUrl: siteLinks(snapshot.baseUrl).base,
    authenticationType: AUTHENTICATION_TYPE,
    username,
    passwordHint: PASSWORD_HINT,
    accountIdSetting: ACCOUNT_ID_SETTING,
  };
}

export const mwConnector = attestedMoveworksCheck({
  meta: {
    id: 'MW-CONNECTOR',
    title: 'Moveworks connector is set up',
    failureTitle: 'Moveworks connector is not set up',
    description:
      'Moveworks reaches Jira through a Jira Service Desk connector created in Moveworks Setup (Core Platform > System Connectors) with this site\'s URL and the service account\'s e-mail and API token.',
  },
  requires: ['serviceAccount'],
  optional: ['serviceAccount'],
  attest: ({ snapshot, settings }) => {
    const values = connectorValues(snapshot, settings);
    return {
      summary: 'Create the Jira Service Desk connector in Moveworks Setup with the values shown, then attest it.',
      evidence: {
        connectionName: values.connectionName,
        baseUrl: values.baseUrl,
        authenticationType: values.authenticationType,
        username: values.username,
        password: values.passwordHint,
      },
      steps: [
        { text: 'In Moveworks Setup, navigate to Core Platform > System Connectors and create a new connector. Select Jira Service Desk and enter the information below.' },
        { text: `Connection Name: ${values.connectionName} (recommended)` },
        { text: `Common Base Url: ${values.baseUrl}` },
        { text: `Authentication Type: ${values.authenticationType}` },
        {
          text: values.username
            ? `Username: ${values.username}`
            : 'Username: the e-mail of the service account (configure the service account in Settings to see it here)',
        },
        { text: `Password: ${PASSWORD_HINT} (create it while logged in as the service account)`, url: ATLASSIAN_PAGES.apiTokens },
      ],
    };
  },
});
