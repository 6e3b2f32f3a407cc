import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startPreview, type RunningPreview } from './preview';
import { startSimulator } from '../simulator/server';
import { buildDemoSite, DEMO_CREDENTIALS } from '../simulator/sites/demo';
import type { OverviewData, ProjectViewData, VersionedSettings } from '../../src/shared/resolver-api';
import type { ParityView } from '../../src/shared/parity-model';

jest.setTimeout(60_000);
const quiet = { info() {}, warn() {}, error() {} };

async function invoke<T>(preview: RunningPreview, functionKey: string, persona = 'site-admin', payload: unknown = {}): Promise<{ success: boolean; data?: T; errors?: { errorType: string }[] }> {
  const res = await fetch(new URL('/api/invoke', preview.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ functionKey, payload, persona, surface: 'admin' }),
  });
  return res.json() as Promise<{ success: boolean; data?: T }>;
}

/** A data folder for the describe block, removed after it. */
function dataDirFor(label: string): string {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `mw-preview-${label}-`));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  return dataDir;
}

/** A preview started afresh on the demo site, its first check finished. */
async function freshPreview(dataDir: string): Promise<RunningPreview> {
  const preview = await startPreview({ port: 0, dataDir, fresh: true, log: quiet });
  await preview.queue.idle();
  return preview;
}

describe('startPreview on the demo site', () => {
  const dataDir = dataDirFor('test');

  it('seeds the demo settings, runs the first check through the queue, and keeps it across a restart', async () => {
    const first = await freshPreview(dataDir);
    try {
      const overview = await invoke<OverviewData>(first, 'getOverview');
      expect(overview.success).toBe(true);
      expect(overview.data!.report!.projects.map((p) => p.key).sort()).toEqual(['FAC', 'HR', 'ITSD', 'ITSDTEST']);
      // Real permission checks: the agent persona is refused by the resolvers, as in Jira.
      expect((await invoke(first, 'getOverview', 'agent')).errors?.[0].errorType).toBe('UNAUTHORISED');
    } finally {
      await first.close();
    }

    const second = await startPreview({ port: 0, dataDir, log: quiet });
    try {
      const settings = await invoke<VersionedSettings>(second, 'getSettings');
      expect(settings.data!.version).toBe(1);
      const overview = await invoke<OverviewData>(second, 'getOverview');
      expect(overview.data!.report!.projects).toHaveLength(4);
      expect(second.queue.size()).toBe(0);
    } finally {
      await second.close();
    }
  });
});

describe('non-production parity on the demo site (ITSD and its test desk ITSDTEST)', () => {
  const dataDir = dataDirFor('parity');

  it('pairs ITSD with ITSDTEST, finds the renamed status in the run, and shows it on the Parity page and in the hand-off bundle', async () => {
    const preview = await freshPreview(dataDir);
    try {
      const settings = await invoke<VersionedSettings>(preview, 'getSettings');
      expect(settings.data!.settings.parityPairs).toEqual([{ production: 'ITSD', nonProduction: 'ITSDTEST' }]);

      const itsd = await invoke<ProjectViewData>(preview, 'getProjectView', 'site-admin', { projectKey: 'ITSD' });
      const parity = itsd.data!.project!.checks.find((c) => c.id === 'PARITY-CONFIG')!;
      expect(parity).toMatchObject({ status: 'warn', summary: '1 difference from ITSDTEST: Status “Waiting for agent” (New / Reopened) in ITSD: Service Request Workflow ↔ ITSDTEST: Service Request Workflow' });
      expect(parity.remediation[0].text).toMatch(/^On ITSD: Rename “Waiting for support” to “Waiting for agent”/);
      const test = await invoke<ProjectViewData>(preview, 'getProjectView', 'site-admin', { projectKey: 'ITSDTEST' });
      expect(test.data!.project!.checks.find((c) => c.id === 'PARITY-CONFIG')!.status).toBe('not_applicable');

      const view = await invoke<ParityView>(preview, 'getParity');
      expect(view.data!.pairs).toHaveLength(1);
      const comparison = view.data!.pairs[0].comparison!;
      expect(comparison.counts.different).toBe(1);
      expect(comparison.items[0]).toMatchObject({ area: 'status', production: 'named “Waiting for support”', nonProduction: 'named “Waiting for agent”', fixOn: 'production' });
      // Everything else matches: the bot's transitions and the Resolve screens are the same on both desks.
      expect(comparison.items.filter((i) => i.area === 'transition' || i.area === 'screen').every((i) => i.state === 'same')).toBe(true);

      const bundle = await invoke<{ content: string }>(preview, 'exportReport', 'site-admin', { format: 'handoff', projectKey: 'ITSD' });
      const handoff = JSON.parse(bundle.data!.content);
      expect(handoff.connector).toMatchObject({ connectionName: 'jira_service_desk', authenticationType: 'Jira Cloud Basic Auth' });
      expect(handoff.projects[0].parity).toMatchObject({ pair: { production: 'ITSD', nonProduction: 'ITSDTEST' }, status: 'warn', items: [{ subject: 'Status “Waiting for agent” (New / Reopened)' }] });
      expect(bundle.data!.content).not.toContain('SIMULATED-');
    } finally {
      await preview.close();
    }
  });
});

describe('startPreview against a "real" site (the simulator, reached only through its URL and credentials)', () => {
  it('uses the given account for everything and seeds nothing', async () => {
    const site = await startSimulator({ site: buildDemoSite() });
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mw-preview-real-'));
    try {
      const preview = await startPreview({
        port: 0,
        dataDir,
        log: quiet,
        realSite: { baseUrl: site.url, email: DEMO_CREDENTIALS.admin.email, apiToken: DEMO_CREDENTIALS.admin.token },
      });
      try {
        expect(preview.siteLabel).toBe(site.url.replace(/\/+$/, ''));
        const settings = await invoke<VersionedSettings>(preview, 'getSettings');
        expect(settings.data!.version).toBe(0);
        expect((await invoke(preview, 'getOverview', 'agent')).errors?.[0].errorType).toBe('VALIDATION');
      } finally {
        await preview.close();
      }
    } finally {
      await site.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses to start with credentials the site rejects, without echoing the token', async () => {
    const site = await startSimulator({ site: buildDemoSite() });
    try {
      const attempt = startPreview({ port: 0, dataDir: mkdtempSync(path.join(os.tmpdir(), 'mw-preview-bad-')), log: quiet, realSite: { baseUrl: site.url, email: 'x@y.z', apiToken: 'WRONG-TOKEN-123' } });
      await expect(attempt).rejects.toThrow(/refused the credentials \(HTTP 401\)/);
      await attempt.catch((e: Error) => expect(e.message).not.toContain('WRONG-TOKEN-123'));
    } finally {
      await site.close();
    }
  });
});
