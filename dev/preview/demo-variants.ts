/**
 * Where the demo site can start besides its usual state, so every fix can be shown
 * failing first in the preview (`DEMO_VARIANT=… npm start`, or `startPreview({ demoVariant })`
 * in a test). Each variant is a change to the simulated site before the first check.
 */
import type { SiteModel } from '../simulator/model';
import { DEMO_CREDENTIALS, GROUP_IDS } from '../simulator/sites/demo';

export const DEMO_VARIANTS = {
  /** The service account has left jira-servicedesk-users: SA-PRODUCT-ACCESS fails and "Grant Jira Service Management access" has work to do. */
  'no-product-access': (site: SiteModel) => site.removeFromGroup(GROUP_IDS.serviceDeskUsers, [DEMO_CREDENTIALS.serviceAccount.accountId]),
} satisfies Record<string, (site: SiteModel) => void>;

export type DemoVariant = keyof typeof DEMO_VARIANTS;

/** The variant an environment value names; a name nobody knows is an error that lists the known ones. */
export function demoVariantFrom(value: string | undefined): DemoVariant | undefined {
  if (!value) return undefined;
  if (Object.prototype.hasOwnProperty.call(DEMO_VARIANTS, value)) return value as DemoVariant;
  throw new Error(`DEMO_VARIANT must be one of ${Object.keys(DEMO_VARIANTS).join(', ')}, not "${value}".`);
}
