/**
 * Every check of docs/requirements.md, in display order: the single source of check IDs.
 * Adding a check: write `<group>/<id-in-kebab>.ts` exporting a Check, a table test
 * beside it, and list it here.
 */
import type { Check, ProjectCheck, SiteCheck } from './check';
import { saExists } from './service-account/sa-exists';
import { saTimezone } from './service-account/sa-timezone';
import { saProductAccess } from './service-account/sa-product-access';
import { saProjectRole } from './service-account/sa-project-role';
import { saApiToken } from './service-account/sa-api-token';
import { mwMarketplaceApp } from './moveworks/mw-marketplace-app';
import { mwConnector } from './moveworks/mw-connector';
import { mwAccountIdSetting } from './moveworks/mw-accountid-setting';
import { custCoverage } from './customers/cust-coverage';
import { wfStatusBuckets } from './workflows/wf-status-buckets';
import { wfAnyToResolved } from './workflows/wf-any-to-resolved';
import { wfAnyToInProgress } from './workflows/wf-any-to-in-progress';
import { wfAnyToReopened } from './workflows/wf-any-to-reopened';
import { wfResolveScreenAssignee } from './workflows/wf-resolve-screen-assignee';
import { wfResolveScreenFields } from './workflows/wf-resolve-screen-fields';
import { wfBotTransitionsRestricted } from './workflows/wf-bot-transitions-restricted';
import { wfResolveSetsResolution } from './workflows/wf-resolve-sets-resolution';
import { wfReopenUnassigns } from './workflows/wf-reopen-unassigns';
import { wfExport } from './workflows/wf-export';
import { parityConfig } from './parity/parity-config';

export const CATALOGUE: readonly Check[] = [
  saExists,
  saTimezone,
  saProductAccess,
  saApiToken,
  mwMarketplaceApp,
  mwConnector,
  mwAccountIdSetting,
  saProjectRole,
  custCoverage,
  wfStatusBuckets,
  wfAnyToResolved,
  wfAnyToInProgress,
  wfAnyToReopened,
  wfResolveScreenAssignee,
  wfResolveScreenFields,
  wfBotTransitionsRestricted,
  wfResolveSetsResolution,
  wfReopenUnassigns,
  wfExport,
  parityConfig,
];

export const SITE_CHECKS = CATALOGUE.filter((c): c is SiteCheck => c.meta.scope === 'site');
export const PROJECT_CHECKS = CATALOGUE.filter((c): c is ProjectCheck => c.meta.scope === 'project');

export function findCheck(id: string): Check | undefined {
  return CATALOGUE.find((c) => c.meta.id === id);
}
