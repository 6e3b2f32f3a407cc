/**
 * Non-production parity in the app: pairs are settings (validated), another site's
 * report is imported whole or not at all (chunked under kvs's value limit), and the
 * Parity page compares each pair from storage.
 */
import { buildResolvers } from '../../src/forge/resolvers';
import type { InvocationContext } from '../../src/forge/deps';
import { chunkText, loadParityImport, PARITY_IMPORT_KEYS, storeParityImport } from '../../src/forge/storage/parity-import-repo';
import { KVS_MAX_VALUE_BYTES } from '../../src/forge/storage/kvs-limits';
import { validateSettings } from '../../src/forge/storage/settings-validation';
import type { ParitySource, ParityView } from '../../src/shared/parity-model';
import type { Envelope } from '../../src/shared/resolver-api';
import { desk } from '../../src/requirements/parity/testing/desks';
import { seededSite } from './helpers/seeded-site';
import { reportFor } from './helpers/reports';
import { storeSnapshot } from './helpers/test-deps';

const ADMIN: InvocationContext = { accountId: 'site-admin', surface: 'admin' };
const HOSTILE = '<script>alert("x")</script>';

async function savePairs(resolvers: ReturnType<typeof buildResolvers>, parityPairs: unknown) {
  const current = (await resolvers.getSettings({}, ADMIN)) as Envelope<{ settings: Record<string, unknown>; version: number }>;
  if (!current.success) throw new Error('getSettings failed');
  return resolvers.saveSettings({ settings: { ...current.data.settings, parityPairs }, version: current.data.version }, ADMIN);
}

describe('parity pairs in settings', () => {
  it.each([
    ['a desk paired with itself', [{ production: 'IT', nonProduction: 'IT' }], 'IT cannot be its own non-production desk.'],
    ['a production desk paired twice', [{ production: 'IT', nonProduction: 'ITTEST' }, { production: 'IT', nonProduction: 'ITUAT' }], 'IT is paired twice'],
    ['a desk on both sides', [{ production: 'IT', nonProduction: 'ITTEST' }, { production: 'ITTEST', nonProduction: 'ITUAT' }], 'crosses another pair'],
    ['a key that is not a project key', [{ production: 'it-prod', nonProduction: 'IT' }], 'both sides must be Jira project keys'],
    ['an unknown source', [{ production: 'IT', nonProduction: 'IT', source: 'elsewhere' }], '"site"'],
  ])('refuses %s, with the reason', (_name, parityPairs, message) => {
    const result = validateSettings({ serviceAccount: 'moveworks-bot@acme.com', parityPairs });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ field: 'parityPairs', message: expect.stringContaining(message) });
  });

  it('keeps a pair on this site and a pair with an imported desk of the same key', () => {
    const result = validateSettings({ serviceAccount: 'moveworks-bot@acme.com', parityPairs: [{ production: 'IT', nonProduction: 'ITTEST' }, { production: 'HR', nonProduction: 'HR', source: 'imported' }] });
    expect(result).toMatchObject({ ok: true, settings: { parityPairs: [{ production: 'IT', nonProduction: 'ITTEST' }, { production: 'HR', nonProduction: 'HR', source: 'imported' }] } });
  });
});

describe('importing a non-production report', () => {
  it.each([
    ['text that is not JSON', '<html>', 'it is not JSON'],
    ['a hand-off bundle', JSON.stringify({ kind: 'mw-readiness-handoff', version: 1, projects: [] }), 'hand-off bundle, not a report'],
    ['JSON that is not a report', JSON.stringify({ schemaVersion: 1, projects: 'none' }), 'not a readiness report'],
    ['a report whose check has no summary', JSON.stringify({ ...reportFor([{ key: 'IT' }]), checks: [{ id: 'SA-EXISTS', status: 'pass', severity: 'required', summary: '', remediation: [] }] }), 'must not be empty'],
  ])('refuses %s with a clear message and stores nothing', async (_name, text, message) => {
    const { deps } = await seededSite();
    const before = await storeSnapshot(deps.storage);
    const result = await buildResolvers(deps).importParityReport({ text, fileName: 'x.json' }, ADMIN);
    expect(result).toMatchObject({ success: false, errors: [{ errorType: 'VALIDATION', message: expect.stringContaining(message) }] });
    expect(await storeSnapshot(deps.storage)).toBe(before);
  });

  it('keeps a previous import when a new file is refused', async () => {
    const { deps } = await seededSite();
    const resolvers = buildResolvers(deps);
    await resolvers.importParityReport({ text: JSON.stringify(reportFor([{ key: 'IT' }])), fileName: 'sandbox.json' }, ADMIN);
    await resolvers.importParityReport({ text: '{"schemaVersion":1}', fileName: 'broken.json' }, ADMIN);
    expect((await loadParityImport(deps.storage))?.fileName).toBe('sandbox.json');
  });

  it('stores a large import in chunks under kvs’s value limit and reads it back whole', async () => {
    const { deps } = await seededSite();
    const names = Array.from({ length: 4000 }, (_, i) => `Status ${i} ${'é'.repeat(40)}`);
    const big: ParitySource = {
      baseUrl: 'https://acme-sandbox.atlassian.net',
      generatedAt: '2026-11-28T09:00:00.000Z',
      importedAt: '2026-11-30T09:00:00.000Z',
      desks: [desk('IT', { workflows: [{ ...desk('IT').workflows![0], statuses: names.map((name, i) => ({ id: String(i), name, bucket: 'in_progress' as const })) }] })],
    };
    await storeParityImport(deps.storage, big);
    const pointer = (await deps.storage.get<{ chunks: number }>(PARITY_IMPORT_KEYS.pointer))!;
    expect(pointer.chunks).toBeGreaterThan(1);
    for (const { value } of await deps.storage.list<unknown>('v1:parity-import:')) expect(Buffer.byteLength(JSON.stringify(value))).toBeLessThan(KVS_MAX_VALUE_BYTES);
    expect(await loadParityImport(deps.storage)).toEqual(big);
    // A second import replaces the first and drops its chunks: one chunk is left.
    await storeParityImport(deps.storage, { ...big, desks: [desk('IT')] });
    expect((await deps.storage.list('v1:parity-import:')).length).toBe(1);
    expect(await deps.storage.get(PARITY_IMPORT_KEYS.pointer)).toMatchObject({ chunks: 1 });
  });

  it('splits text by bytes without cutting a character', () => {
    const text = 'aé€😀'.repeat(100);
    const chunks = chunkText(text, 64);
    expect(chunks.join('')).toBe(text);
    for (const c of chunks) expect(Buffer.byteLength(JSON.stringify(c)) - 2).toBeLessThanOrEqual(64);
  });
});

describe('the Parity page', () => {
  it('compares a desk with a desk of the imported report, and shows the import', async () => {
    const { deps } = await seededSite();
    const resolvers = buildResolvers(deps);
    const sandbox = reportFor([{ key: 'IT', name: HOSTILE }]);
    sandbox.site.baseUrl = 'https://acme-sandbox.atlassian.net';
    const imported = await resolvers.importParityReport({ text: JSON.stringify(sandbox), fileName: `${HOSTILE}.json` }, ADMIN);
    expect(imported).toMatchObject({ success: true, data: { baseUrl: 'https://acme-sandbox.atlassian.net', desks: [{ key: 'IT', name: HOSTILE }] } });
    expect((await savePairs(resolvers, [{ production: 'IT', nonProduction: 'IT', source: 'imported' }])).success).toBe(true);
    const view = (await resolvers.getParity({}, ADMIN)) as Envelope<ParityView>;
    if (!view.success) throw new Error(JSON.stringify(view.errors));
    expect(view.data.imported).toMatchObject({ fileName: `${HOSTILE}.json` });
    expect(view.data.pairs).toHaveLength(1);
    expect(view.data.pairs[0].comparison).toMatchObject({ production: { key: 'IT' }, nonProduction: { key: 'IT', baseUrl: 'https://acme-sandbox.atlassian.net' } });
  });

  it('on a project page shows only the pairs of that desk', async () => {
    const { deps } = await seededSite();
    const resolvers = buildResolvers(deps);
    await savePairs(resolvers, [{ production: 'IT', nonProduction: 'HR' }]);
    const view = (await resolvers.getParity({ projectKey: 'IT' }, { accountId: 'it-admin', surface: 'project', projectKey: 'IT' })) as Envelope<ParityView>;
    if (!view.success) throw new Error(JSON.stringify(view.errors));
    expect(view.data.pairs.map((p) => p.pair)).toEqual([{ production: 'IT', nonProduction: 'HR' }]);
    expect(view.data.pairs[0].comparison).not.toBeNull();
  });

  it('says what to do when a pair has nothing to compare yet', async () => {
    const { deps } = await seededSite();
    const resolvers = buildResolvers(deps);
    await savePairs(resolvers, [{ production: 'IT', nonProduction: 'ITTEST' }, { production: 'HR', nonProduction: 'HR', source: 'imported' }]);
    const view = (await resolvers.getParity({}, ADMIN)) as Envelope<ParityView>;
    if (!view.success) throw new Error(JSON.stringify(view.errors));
    expect(view.data.pairs.map((p) => p.note)).toEqual(['ITTEST has no result yet: run the checks.', 'No non-production report is imported: import one in Settings.']);
  });
});
