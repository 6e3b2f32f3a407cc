// Written by `npm run docs:checks` from the "Why Moveworks needs it" section of each
// docs/checks/<ID>.md; edit the page, not this file (test/docs/check-docs.test.ts compares them).
import type { DocBlock } from '../../../../src/shared/doc-blocks';

/** Where the check pages can be read online; null when the project names no repository. */
export const CHECK_DOCS_BASE_URL: string | null = null;

export const CHECK_WHY: Readonly<Record<string, readonly DocBlock[]>> = {
  "SA-EXISTS": [
    {"kind":"paragraph","text":"Moveworks' access requirements, word for word:"},
    {"kind":"quote","text":"The bot will directly perform actions in Jira to create, update, and query information about tickets."},
    {"kind":"quote","text":"In your Production Jira environment, create a Service Account for Moveworks."},
    {"kind":"paragraph","text":"The app's readiness rule, from its specification:"},
    {"kind":"quote","text":"The configured service account (by e-mail or accountId) exists, is active, and is an `atlassian` account (not an app or customer-only account)"},
    {"kind":"paragraph","text":"An app or customer-only account cannot be given Jira Service Management access or the Service Desk Team role, so Moveworks could not work as it."},
  ],
  "SA-TIMEZONE": [
    {"kind":"paragraph","text":"Moveworks' access requirements, word for word:"},
    {"kind":"quote","text":"The following settings are required: - Set the timezone for this account to America/Danmarkshavn"},
    {"kind":"paragraph","text":"The app's readiness rule, from its specification:"},
    {"kind":"quote","text":"Its time zone is exactly `America/Danmarkshavn`"},
    {"kind":"paragraph","text":"`America/Danmarkshavn` is UTC all year, so the times Moveworks reads and writes on tickets mean the same thing in every season."},
  ],
  "SA-PRODUCT-ACCESS": [
    {"kind":"paragraph","text":"Moveworks' access requirements, word for word:"},
    {"kind":"quote","text":"In the Atlassian Admin page, assign the jira-servicedesk-users role"},
    {"kind":"paragraph","text":"The app's readiness rule, from its specification:"},
    {"kind":"quote","text":"It has Jira Service Management product access (the `jira-servicedesk-users` group / the service desk application role)"},
    {"kind":"paragraph","text":"Without product access the account cannot work on tickets as an agent."},
  ],
  "SA-API-TOKEN": [
    {"kind":"paragraph","text":"Moveworks' access requirements, word for word:"},
    {"kind":"quote","text":"API access for Jira Cloud is done through a username and API token. Here are the steps to create an API token for a Service Account:"},
    {"kind":"quote","text":"Click Copy to clipboard, and use it when creating the connector in Moveworks Setup (described below)."},
    {"kind":"paragraph","text":"The app's readiness rule, from its specification:"},
    {"kind":"quote","text":"An API token exists for it and authenticates"},
  ],
  "MW-MARKETPLACE-APP": [
    {"kind":"paragraph","text":"Moveworks' access requirements, word for word:"},
    {"kind":"quote","text":"Due to Atlassian GDPR requirements, ingesting user information such as Jira ID, email, and name cannot be done with a service account and requires Atlassian approved application. The Moveworks Jira Application is an Atlassian-approved application used to integrate Jira Cloud as an identity source in Moveworks, and must be installed."},
    {"kind":"paragraph","text":"The app's readiness rule, from its specification:"},
    {"kind":"quote","text":"The Moveworks Jira Marketplace app (Atlassian-approved identity integration) is installed"},
  ],
  "MW-CONNECTOR": [
    {"kind":"paragraph","text":"Moveworks' access requirements, word for word:"},
    {"kind":"quote","text":"Navigate to Core Platform > System Connectors and create a new connector. Select Jira Service Desk and enter the information below:"},
    {"kind":"quote","text":"Connection Name: jira_service_desk (recommended)"},
    {"kind":"quote","text":"Common Base Url: Enter the URL of your Atlassian instance"},
    {"kind":"quote","text":"Authentication Type: Jira Cloud Basic Auth"},
    {"kind":"quote","text":"Username: Enter the username of the service account created earlier"},
    {"kind":"paragraph","text":"The app's readiness rule, from its specification:"},
    {"kind":"quote","text":"The Moveworks Setup connector exists with: Connection Name `jira_service_desk` (recommended), Common Base Url = this site's base URL, Authentication Type `Jira Cloud Basic Auth`, Username = the service account's e-mail, Password = its API token."},
  ],
  "MW-ACCOUNTID-SETTING": [
    {"kind":"paragraph","text":"Moveworks' access requirements, word for word:"},
    {"kind":"quote","text":"Enable checkbox for AccountID setting (REQUIRED)"},
    {"kind":"quote","text":"This checkbox is required for your AI Assistant to correctly identify users in Jira."},
    {"kind":"paragraph","text":"The app's readiness rule, from its specification:"},
    {"kind":"quote","text":"The connector's AccountID checkbox is enabled"},
  ],
  "SA-PROJECT-ROLE": [
    {"kind":"paragraph","text":"Moveworks' access requirements, word for word:"},
    {"kind":"quote","text":"In the Jira Service Desk Project Settings, assign the Service Desk Team role"},
    {"kind":"paragraph","text":"The app's readiness rule, from its specification:"},
    {"kind":"quote","text":"It holds the `Service Desk Team` role in the project, directly or through a group"},
    {"kind":"paragraph","text":"Moveworks works on tickets as an agent of each desk it serves."},
  ],
  "CUST-COVERAGE": [
    {"kind":"paragraph","text":"Moveworks' access requirements, word for word:"},
    {"kind":"quote","text":"NOTE: All end users are required to exist as \"Customers\" in the Jira Service Desk project in order to create/update/query tickets through the bot."},
    {"kind":"paragraph","text":"The app's readiness rule, from its specification:"},
    {"kind":"quote","text":"Every end user who will use the bot is a Customer of the service desk. A desk's customers are those added one by one and the members of the organizations associated with the desk."},
  ],
  "WF-STATUS-BUCKETS": [
    {"kind":"paragraph","text":"Moveworks' access requirements, word for word:"},
    {"kind":"quote","text":"Moveworks categorizes your statuses into the following buckets. If there is no corresponding status, your Moveworks team may recommend an additional status."},
    {"kind":"paragraph","text":"The app's readiness rule, from its specification:"},
    {"kind":"quote","text":"Every status used maps to one of Moveworks' buckets: New / Reopened, In Progress, Waiting for User, Resolved / Closed; each bucket has at least one status."},
    {"kind":"paragraph","text":"Without a Resolved / Closed or a New / Reopened status the bot cannot resolve or reopen tickets."},
  ],
  "WF-ANY-TO-RESOLVED": [
    {"kind":"paragraph","text":"Moveworks' access requirements, word for word:"},
    {"kind":"quote","text":"In order for the Moveworks bot to transition tickets to the appropriate statuses, it is recommended to create the following transitions within your Jira workflows for all issue types that Moveworks will be interacting with."},
    {"kind":"quote","text":"This is to allow tickets to be resolved by an end user if they choose to do so."},
    {"kind":"quote","text":"This transition is required if the bot is performing an end-to-end resolution using the Software Access, Group Access, or Ticket Interception skills."},
    {"kind":"paragraph","text":"The app's readiness rule, from its specification:"},
    {"kind":"quote","text":"A transition from any status (global) to a Resolved-bucket status"},
  ],
  "WF-ANY-TO-IN-PROGRESS": [
    {"kind":"paragraph","text":"Moveworks' access requirements, word for word:"},
    {"kind":"quote","text":"This is to allow tickets to be put in an \"In Progress\" status after a user has responded to an agent comment on a ticket."},
    {"kind":"paragraph","text":"The app's readiness rule, from its specification:"},
    {"kind":"quote","text":"A global transition to an In Progress status"},
  ],
  "WF-ANY-TO-REOPENED": [
    {"kind":"paragraph","text":"Moveworks' access requirements, word for word:"},
    {"kind":"quote","text":"This is to allow tickets to be re-opened if a user still requires help on the particular issue."},
    {"kind":"paragraph","text":"The app's readiness rule, from its specification:"},
    {"kind":"quote","text":"A global transition to a New / Reopened status"},
  ],
  "WF-RESOLVE-SCREEN-ASSIGNEE": [
    {"kind":"paragraph","text":"Moveworks' access requirements, word for word:"},
    {"kind":"quote","text":"Moveworks requires the Assignee field to be on the Resolved screen, so it can be set as the Assignee when an issue is resolved by the bot."},
    {"kind":"quote","text":"This is required even if the transition is restricted to API access only."},
    {"kind":"paragraph","text":"The app's readiness rule, from its specification:"},
    {"kind":"quote","text":"The Resolve transition has a screen, and the Assignee field is on it (even when the transition is API-only)"},
    {"kind":"paragraph","text":"Jira accepts a field during a transition only when it is on the transition's screen, through the API as well."},
  ],
  "WF-RESOLVE-SCREEN-FIELDS": [
    {"kind":"paragraph","text":"Moveworks' access requirements, word for word:"},
    {"kind":"quote","text":"Any other fields that must be set upon Resolution should also be present on this screen, so Moveworks can set the appropriate value."},
    {"kind":"quote","text":"The field needs to be on the transition screen in order to be available to update during the transition."},
    {"kind":"paragraph","text":"The app's readiness rule, from its specification:"},
    {"kind":"quote","text":"Every field that must be set on resolution (validators of the Resolve transition that require a field, and Resolution when no post function sets it) is on that screen"},
  ],
  "WF-BOT-TRANSITIONS-RESTRICTED": [
    {"kind":"paragraph","text":"Moveworks' access requirements, word for word:"},
    {"kind":"quote","text":"Transitions may be locked down to API-only use so agents can continue to follow their existing workflows without confusion"},
    {"kind":"paragraph","text":"The app's readiness rule, from its specification:"},
    {"kind":"quote","text":"The bot's transitions are hidden from people so agents keep their own workflow: an API-only / hide-from-all-users condition, or a restriction (`system:restrict-issue-transition`) that admits only the service account (its accountId, or groups whose only active member is the account). A restriction to a role or group that agents share does not count"},
  ],
  "WF-RESOLVE-SETS-RESOLUTION": [
    {"kind":"paragraph","text":"Moveworks' access requirements, word for word:"},
    {"kind":"quote","text":"Bot-specific transitions also allow JIRA admins to control static values. Here are some common use cases:"},
    {"kind":"quote","text":"Set Resolution toDone"},
    {"kind":"paragraph","text":"The app's readiness rule, from its specification:"},
    {"kind":"quote","text":"The Resolve transition sets Resolution (e.g. to Done) by post function or screen"},
    {"kind":"paragraph","text":"A ticket resolved without a Resolution still counts as unresolved in Jira."},
  ],
  "WF-REOPEN-UNASSIGNS": [
    {"kind":"paragraph","text":"Moveworks' access requirements, word for word:"},
    {"kind":"quote","text":"Bot-specific transitions also allow JIRA admins to control static values. Here are some common use cases:"},
    {"kind":"quote","text":"Reopen set assignee to Unassigned"},
    {"kind":"paragraph","text":"The app's readiness rule, from its specification:"},
    {"kind":"quote","text":"The Reopen transition sets Assignee to Unassigned"},
    {"kind":"paragraph","text":"Otherwise a reopened ticket stays with whoever resolved it, possibly the bot."},
  ],
  "WF-EXPORT": [
    {"kind":"paragraph","text":"Moveworks' access requirements, word for word:"},
    {"kind":"quote","text":"An XML export of your Jira Service Desk workflow can help with your Moveworks bot ticketing configuration."},
    {"kind":"paragraph","text":"The app's readiness rule, from its specification:"},
    {"kind":"quote","text":"The workflow definitions are handed to the Moveworks team (the app exports them, with status buckets and transition ids)"},
  ],
};
