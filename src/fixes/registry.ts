/**
 * Every fix the app can make, the counterpart of requirements/catalogue.ts: the single
 * list the resolvers, the queue consumer, the UI (through the resolvers) and the CLI
 * read. Adding a fix: write `<id>.ts` exporting a Fix, a table test beside it, and
 * list it here; nothing else changes.
 */
import type { Fix } from './fix';
import type { FixMeta } from '../shared/fix-model';
import { addMissingCustomers } from './add-missing-customers';
import { addGlobalTransitions } from './add-global-transitions';
import { addResolveScreenFields } from './add-resolve-screen-fields';
import { addToServiceDeskTeam } from './add-to-service-desk-team';
import { configureBotTransitions } from './configure-bot-transitions';
import { grantServiceManagementAccess } from './grant-service-management-access';

export const FIXES: readonly Fix[] = [
  addToServiceDeskTeam,
  addMissingCustomers,
  grantServiceManagementAccess,
  addGlobalTransitions,
  addResolveScreenFields,
  configureBotTransitions,
];

export function findFix(id: string): Fix | undefined {
  return FIXES.find((f) => f.meta.id === id);
}

/** The fixes that make a check pass, in registry order. */
export function fixesForCheck(checkId: string): Fix[] {
  return FIXES.filter((f) => f.meta.resolves.includes(checkId));
}

/** What the UI needs to offer a fix: its meta, without plan or apply. */
export function fixMetas(fixes: readonly Fix[] = FIXES): FixMeta[] {
  return fixes.map((f) => ({ ...f.meta, resolves: [...f.meta.resolves], scopes: [...f.meta.scopes] }));
}
