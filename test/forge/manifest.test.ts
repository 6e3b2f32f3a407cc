/**
 * manifest.yml validated offline with Forge's own validator (@forge/manifest), the
 * one `forge lint` / `forge deploy` run. Any error fails the test. The validator
 * checks that resources exist; the UI build is gitignored, so when it has not been
 * built the manifest is validated from a scratch copy of the project layout.
 */
import { existsSync, mkdtempSync, mkdirSync, copyFileSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { validate } from '@forge/manifest';
import { readFileSync, writeFileSync } from 'node:fs';
import { ADMIN_SUBPAGES, MODULE_KEYS } from '../../src/shared/app-pages';
import { FIXES } from '../../src/fixes/registry';
import { ADMIN_PAGES, adminViewFromPath, openingAdminView } from '../../static/dashboard/src/model/route';

const ROOT = resolve(__dirname, '../..');
const MANIFEST = join(ROOT, 'manifest.yml');

function manifestPathForValidation(): { path: string; cleanup: () => void } {
  if (existsSync(join(ROOT, 'static/dashboard/build'))) return { path: MANIFEST, cleanup: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'mw-manifest-'));
  copyFileSync(MANIFEST, join(dir, 'manifest.yml'));
  symlinkSync(join(ROOT, 'src'), join(dir, 'src'));
  symlinkSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  mkdirSync(join(dir, 'static/dashboard/build'), { recursive: true });
  return { path: join(dir, 'manifest.yml'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

type Manifest = {
  modules: Record<string, { key: string; [k: string]: unknown }[]>;
  app: { runtime: { name: string } };
  permissions: { scopes: string[]; content: { styles: string[] } };
};

let manifest: Manifest;

beforeAll(async () => {
  // The validator's own parse (basic validation) gives the typed content without a YAML dependency here.
  const parsed = await validate(true, MANIFEST);
  manifest = parsed.manifestObject!.typedContent as unknown as Manifest;
});

it('passes @forge/manifest full validation with no errors', async () => {
  const target = manifestPathForValidation();
  const cwd = process.cwd();
  try {
    process.chdir(resolve(target.path, '..'));
    const result = await validate(false, target.path);
    const errors = (result.errors ?? []).filter((e) => e.level === 'error');
    expect(errors.map((e) => `${e.message} (line ${e.line})`)).toEqual([]);
    expect(result.success).toBe(true);
  } finally {
    process.chdir(cwd);
    target.cleanup();
  }
});

it('reports an invalid manifest, so the test above can fail', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mw-manifest-bad-'));
  try {
    const bad = readFileSync(MANIFEST, 'utf8').replace('interval: hour', 'interval: hourly');
    writeFileSync(join(dir, 'manifest.yml'), bad);
    symlinkSync(join(ROOT, 'src'), join(dir, 'src'));
    mkdirSync(join(dir, 'static/dashboard/build'), { recursive: true });
    const result = await validate(false, join(dir, 'manifest.yml'));
    expect(result.success).toBe(false);
    expect((result.errors ?? []).some((e) => /interval/.test(e.message))).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('declares the modules the app is built on', () => {
  const pages = manifest.modules['jira:adminPage'];
  expect(pages).toHaveLength(2);
  expect((pages[0].pages as { title: string }[]).map((p) => p.title)).toEqual(['Overview', 'Projects', 'Connector values', 'Non-production parity', 'Settings', 'History & exports']);
  expect(pages[1].useAsConfig).toBe(true);
  expect(manifest.modules['jira:projectSettingsPage'][0].displayConditions).toEqual({ projectType: 'service_desk' });
  expect(manifest.modules.consumer[0]).toMatchObject({ queue: 'readiness-checks' });
  expect(manifest.modules.scheduledTrigger[0]).toMatchObject({ interval: 'hour', function: 'scheduled' });
  const fns = Object.fromEntries(manifest.modules.function.map((f) => [f.key, f]));
  expect(fns.resolver.handler).toBe('index.handler');
  expect(fns.consumer).toMatchObject({ handler: 'index.consumer', timeoutSeconds: 900 });
  expect(fns.scheduled.handler).toBe('index.scheduled');
  expect(manifest.app.runtime.name).toMatch(/^nodejs(22|24)\.x$/);
  expect(manifest.permissions.content.styles).toEqual(['unsafe-inline']);
});

it('opens a dashboard page for every admin sub-page route, and declares a route for every admin tab', () => {
  const [admin] = manifest.modules['jira:adminPage'].filter((m) => !m.useAsConfig);
  const declared = admin.pages as { title: string; route: string }[];
  // Every route Jira's sidebar can append opens a page of its own rather than falling back to the Overview.
  for (const p of declared) expect([p.route, adminViewFromPath(`/${p.route}`)]).toEqual([p.route, { page: expect.any(String) }]);
  // The same routes, titles and order as the dashboard's tabs.
  expect(declared.map((p) => [p.route, p.title])).toEqual(ADMIN_SUBPAGES.map((p) => [p.route, p.title]));
  expect(ADMIN_PAGES).toEqual(ADMIN_SUBPAGES.map((p) => p.page));
});

it('names its entry points with the module keys the dashboard reads from the view context', () => {
  const adminPages = manifest.modules['jira:adminPage'];
  expect(adminPages.find((m) => !m.useAsConfig)?.key).toBe(MODULE_KEYS.admin);
  const configure = adminPages.find((m) => m.useAsConfig === true);
  expect(configure?.key).toBe(MODULE_KEYS.configure);
  // Forge allows no sub-pages on the Configure page; the dashboard opens the settings there.
  expect(configure?.pages).toBeUndefined();
  expect(openingAdminView('configure', '/')).toEqual({ page: 'settings' });
  expect(manifest.modules['jira:projectSettingsPage'][0].key).toBe(MODULE_KEYS.projectSettings);
});

it('declares every scope the checks, fixes and e-mail need, and no more', () => {
  expect([...manifest.permissions.scopes].sort()).toEqual(
    [
      'read:jira-user', // users, groups picker, myself
      'read:jira-work', // projects, roles, mypermissions
      'write:jira-work', // e-mail report: create issue, notify
      'manage:jira-project', // screens, tabs and fields
      'manage:jira-configuration', // workflows, workflow schemes, group members, adding a role actor
      'read:servicedesk-request', // service desks, request types
      'manage:servicedesk-customer', // listing and adding customers
      'storage:app', // @forge/kvs
    ].sort(),
  );
});

it('exports the three handlers the manifest names', () => {
  const index = readFileSync(join(ROOT, 'src/index.ts'), 'utf8');
  for (const name of ['handler', 'consumer', 'scheduled']) expect(index).toMatch(new RegExp(`as ${name}\\b`));
});

it('declares, up front, every scope a fix writes with and every classic scope of each Jira operation the app calls', () => {
  // A scope added after install forces every site's admin to consent again, so none may be missing.
  const declared = new Set<string>(manifest.permissions.scopes);
  const missing: string[] = [];
  for (const fix of FIXES) for (const scope of fix.meta.scopes) if (!declared.has(scope)) missing.push(`${fix.meta.id}: ${scope}`);
  for (const file of ['jira-platform.trimmed.json', 'jira-servicedesk.trimmed.json']) {
    const spec = JSON.parse(readFileSync(join(ROOT, 'spec', file), 'utf8')) as {
      paths: Record<string, Record<string, { 'x-atlassian-oauth2-scopes'?: { state: string; scopes: string[] }[] }>>;
    };
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const current = (op['x-atlassian-oauth2-scopes'] ?? []).filter((s) => s.state === 'Current').flatMap((s) => s.scopes);
        for (const scope of current) if (!declared.has(scope)) missing.push(`${method.toUpperCase()} ${path}: ${scope}`);
      }
    }
  }
  expect(missing).toEqual([]);
});
