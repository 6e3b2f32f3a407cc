/**
 * SA-API-TOKEN: an API token exists for the service account and authenticates.
 * Jira cannot list another user's tokens, so inside the app this is attested by an
 * admin (`manual`); the CLI given the account's own token proves it: /myself answers
 * as that account.
 */
import type { RemediationStep } from '../../shared/report-model';
import type { CheckOutcome, SiteCheck } from '../check';
import { ATLASSIAN_PAGES, DOCS } from '../links';
import { fetchReason } from '../fetch-reason';
import { SA_EXISTS_ID, configuredServiceAccount, lookupServiceAccount } from './service-account-found';

const CREATE_TOKEN_STEPS: RemediationStep[] = [
  {
    text: 'Log in to Atlassian as the service account, open Security > API tokens, click Create API token, label it "Moveworks", click Create, then Copy to clipboard and use it as the Password of the Moveworks connector.',
    url: ATLASSIAN_PAGES.apiTokens,
  },
  { text: 'Atlassian\'s guide to API tokens', url: DOCS.apiTokens },
];

const PROVE_STEP: RemediationStep = {
  text: 'Prove the token: run mw-readiness check with --service-account-token set to the service account\'s API token.',
};

export const saApiToken: SiteCheck = {
  meta: {
    id: 'SA-API-TOKEN',
    title: 'Service account API token authenticates',
    failureTitle: 'Service account API token does not authenticate',
    description:
      'Moveworks signs in to Jira as the service account with its e-mail and an API token (Basic auth). The token must exist and be accepted by Jira. Inside Jira this is attested by an admin; the CLI run with the token proves it.',
    severity: 'required',
    group: 'service-account',
    scope: 'site',
    docsUrl: DOCS.apiTokens,
  },
  requires: ['serviceAccount', 'serviceAccountSelf'],
  optional: ['serviceAccount', 'serviceAccountSelf'],
  evaluate({ snapshot, settings }): CheckOutcome {
    const self = snapshot.serviceAccountSelf;
    if (!self) {
      return {
        verdict: 'manual',
        summary: 'Jira cannot show another account\'s API tokens: attest that the service account has a working API token, or run the CLI with --service-account-token to prove it.',
        remediation: [...CREATE_TOKEN_STEPS, PROVE_STEP],
      };
    }
    if (!self.ok) {
      if (self.error.kind === 'unauthorized') {
        return {
          verdict: 'violated',
          summary: 'Jira refused the service account\'s token: it is wrong, revoked or expired, or does not belong to the e-mail given.',
          evidence: { error: self.error },
          remediation: [...CREATE_TOKEN_STEPS, PROVE_STEP],
        };
      }
      return {
        verdict: 'undecided',
        summary: `Could not test the service account's token: ${fetchReason(self.error)}.`,
        evidence: { error: self.error },
        remediation: [PROVE_STEP],
      };
    }

    const me = self.value;
    const evidence = { authenticatedAs: { accountId: me.accountId, email: me.emailAddress ?? null } };
    const lookup = lookupServiceAccount(snapshot, settings);
    // Without the lookup, the configured e-mail or accountId still says whose token it must be.
    const configured = configuredServiceAccount(settings)?.toLowerCase();
    const matchesConfigured =
      configured !== undefined && (me.accountId.toLowerCase() === configured || me.emailAddress?.toLowerCase() === configured);
    const expectedId = lookup.found ? lookup.account.accountId : undefined;
    const isServiceAccount = expectedId !== undefined ? me.accountId === expectedId : matchesConfigured;
    const label = me.emailAddress ? `${me.emailAddress} (${me.accountId})` : me.accountId;

    if (isServiceAccount) {
      return { verdict: 'holds', summary: `The token authenticates as the service account ${label}.`, evidence };
    }
    if (!lookup.found) {
      return {
        verdict: 'undecided',
        summary: `The token authenticates as ${label}, which cannot be compared with the service account: ${lookup.reason} (see ${SA_EXISTS_ID}).`,
        evidence,
        dependsOn: SA_EXISTS_ID,
        remediation: [{ text: `Fix ${SA_EXISTS_ID} first; this check runs once the service account is found.` }],
      };
    }
    return {
      verdict: 'violated',
      summary: `The token authenticates as ${label}, not as the service account (${lookup.account.accountId}).`,
      evidence: { ...evidence, expectedAccountId: lookup.account.accountId },
      remediation: [
        { text: 'Give the token of the service account itself (create it while logged in as the service account), not an admin\'s or another user\'s token.' },
        ...CREATE_TOKEN_STEPS,
      ],
    };
  },
};
