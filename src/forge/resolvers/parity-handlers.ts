/**
 * Non-production parity: the Parity page's comparisons (a project administrator sees
 * only the pairs of their desk), and the import of another site's report as this
 * site's non-production side (Jira administrators). Pairs themselves are settings.
 */
import { ResolverFailure } from '../errors';
import { readImport } from '../parity/import-report';
import { parityView } from '../parity/parity-view';
import { loadDecoratedReport } from '../storage/load-report';
import { clearParityImport, loadParityImport, storeParityImport } from '../storage/parity-import-repo';
import { getSettings } from '../storage/settings-repo';
import { scopeProject, type Handler } from './handler';
import { asObject, optionalProjectKey } from './payload';

export const getParity: Handler<'getParity'> = async (deps, caller, payload) => {
  const projectKey = scopeProject(caller, optionalProjectKey(asObject(payload).projectKey));
  const [{ settings }, report, imported] = await Promise.all([getSettings(deps.storage), loadDecoratedReport(deps.storage, deps.now()), loadParityImport(deps.storage)]);
  return parityView(settings.parityPairs ?? [], report, imported, projectKey);
};

export const importParityReport: Handler<'importParityReport'> = async (deps, caller, payload) => {
  const p = asObject(payload);
  const result = readImport(p.text, p.fileName, caller.accountId, deps.now());
  if (!result.ok) throw ResolverFailure.of('VALIDATION', result.message, 'text');
  await storeParityImport(deps.storage, result.source);
  const { settings } = await getSettings(deps.storage);
  return parityView(settings.parityPairs ?? [], await loadDecoratedReport(deps.storage, deps.now()), result.source).imported!;
};

export const clearParityReport: Handler<'clearParityReport'> = async (deps) => {
  await clearParityImport(deps.storage);
  return { cleared: true };
};
