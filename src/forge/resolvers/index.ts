/**
 * `buildResolvers(deps: AppDeps)`: every resolver of the UI contract
 * (src/shared/resolver-api.ts) as `(payload, ctx: InvocationContext) => Promise<Envelope<Data>>`.
 *
 * Each call: brings storage up to the current format, authorises the caller on the
 * server (authz/authorise.ts, per RESOLVER_ACCESS), runs the handler, and answers
 * with one envelope: `{ success: true, data }` or `{ success: false, errors: [{ message, errorType }] }`.
 * A denied call changes nothing. Unexpected errors are logged without payloads and
 * answered as INTERNAL. The one exception is Forge's NEEDS_AUTHENTICATION_ERR (the
 * user has not granted the app access yet): it is rethrown, because Forge shows its
 * "Allow access" prompt only when that error escapes the resolver.
 *
 * Used by src/index.ts (Forge) and by the local preview (dev/preview), each with its own deps.
 */
import { needsUserConsent } from '../../jira/needs-consent';
import type { DataOf, Envelope, ResolverName } from '../../shared/resolver-api';
import { authorise } from '../authz/authorise';
import type { AppDeps, InvocationContext } from '../deps';
import { failWith, ResolverFailure, succeed } from '../errors';
import { migrateStorage } from '../storage/migrate';
import { RESOLVER_ACCESS, requestedProjects } from './access';
import { acknowledge, attest, removeAcknowledgement, revokeAttestation } from './decision-handlers';
import { applyFix, getFixRun, previewFix } from './fix-handlers';
import type { Handler } from './handler';
import { getContext, getOverview, getProgress, getProjectView, getSiteView, startRecheck } from './overview-handlers';
import { exportReport, getConnectorValues, getHistory, sendTestReport } from './report-handlers';
import { listServiceDesks, searchGroups, searchUsers } from './search-handlers';
import { getSettings, saveSettings } from './settings-handlers';
import { getDeskOptions } from './desk-options-handlers';
import { clearParityReport, getParity, importParityReport } from './parity-handlers';

export type ResolverFn<K extends ResolverName> = (payload: unknown, ctx: InvocationContext) => Promise<Envelope<DataOf<K>>>;
export type Resolvers = { [K in ResolverName]: ResolverFn<K> };

const HANDLERS: { [K in ResolverName]: Handler<K> } = {
  getContext,
  getOverview,
  getProjectView,
  getSiteView,
  startRecheck,
  getProgress,
  getSettings,
  saveSettings,
  attest,
  revokeAttestation,
  acknowledge,
  removeAcknowledgement,
  previewFix,
  applyFix,
  getFixRun,
  getConnectorValues,
  exportReport,
  getHistory,
  sendTestReport,
  searchUsers,
  searchGroups,
  listServiceDesks,
  getDeskOptions,
  getParity,
  importParityReport,
  clearParityReport,
};

export const RESOLVER_NAMES = Object.keys(HANDLERS) as ResolverName[];

export function buildResolvers(deps: AppDeps): Resolvers {
  let migrated: Promise<unknown> | undefined;
  const ensureMigrated = () => (migrated ??= migrateStorage(deps.storage, deps.log).catch((e) => {
    migrated = undefined;
    throw e;
  }));

  function wrap<K extends ResolverName>(name: K): ResolverFn<K> {
    const handler = HANDLERS[name] as Handler<K>;
    return async (payload, ctx) => {
      try {
        const caller = await authorise(deps, ctx, RESOLVER_ACCESS[name], requestedProjects(payload));
        await ensureMigrated();
        return succeed(await handler(deps, caller, payload ?? {}));
      } catch (error) {
        if (needsUserConsent(error)) {
          deps.log.info('Resolver needs the user to allow access', { resolver: name });
          throw error;
        }
        if (!(error instanceof ResolverFailure)) {
          deps.log.error('Resolver failed unexpectedly', { resolver: name, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
        } else if (error.errors.some((e) => e.errorType === 'UNAUTHORISED')) {
          deps.log.warn('Resolver call denied', { resolver: name, surface: ctx.surface, projectKey: ctx.projectKey, hasAccount: Boolean(ctx.accountId) });
        }
        return failWith<DataOf<K>>(error);
      }
    };
  }

  return Object.fromEntries(RESOLVER_NAMES.map((name) => [name, wrap(name)])) as Resolvers;
}
