/**
 * The resolvers only a Jira administrator on the admin page may call; every other
 * resolver a project's admin may call for their own desk. Written out, not read from
 * the code under test, so a resolver moved to the wrong level fails the
 * authorisation suites.
 */
import type { ResolverName } from '../../../src/shared/resolver-api';

export const SITE_ONLY: readonly ResolverName[] = [
  'getOverview',
  'getSiteView',
  'attest',
  'revokeAttestation',
  'getConnectorValues',
  'sendTestReport',
  'searchUsers',
  'searchGroups',
  'listServiceDesks',
  'importParityReport',
  'clearParityReport',
];
