import { createFakeJiraSite, SA_EMAIL, SA_ID } from '../gather/testing/fake-jira-site';
import { createFakeTransport } from '../jira/testing/fake-transport';
import { JiraError } from '../jira/jira-error';
import { mergeStats, runReadiness } from './run-readiness';
import { DEFAULT_ENGINE_SETTINGS } from '../shared/report-model';

const settings = { ...DEFAULT_ENGINE_SETTINGS, serviceAccount: SA_EMAIL, endUserGroups: ['all-staff'] };

describe('runReadiness', () => {
  it('gathers and judges one run, with the calls it made', async () => {
    const site = createFakeJiraSite();
    const now = new Date('2026-11-28T12:00:00.000Z');
    const { report, snapshot, stats } = await runReadiness({ transport: site, settings, now });

    expect(report.schemaVersion).toBe(1);
    expect(report.generatedAt).toBe(now.toISOString());
    expect(report.site.baseUrl).toBe('https://acme.atlassian.net');
    expect(report.serviceAccount?.accountId).toBe(SA_ID);
    expect(report.projects.map((p) => p.key)).toEqual(['HR', 'IT', 'TM']);
    expect(report.checks.map((c) => c.id)).toContain('SA-EXISTS');
    expect(report.checks.find((c) => c.id === 'SA-EXISTS')!.status).toBe('pass');
    expect(snapshot.projects).toHaveLength(3);
    expect(stats.totalCalls).toBe(site.requests.length);
    expect(stats.callsByEndpoint['GET /rest/api/3/serverInfo']).toBe(1);
    expect(report.stats).toEqual(stats);
  });

  it("adds the service account's own calls to the stats", async () => {
    const own = createFakeTransport().on('GET', '/rest/api/3/myself', { body: { accountId: SA_ID, timeZone: 'America/Danmarkshavn' } });
    const site = createFakeJiraSite();
    const { snapshot, stats } = await runReadiness({ transport: site, settings, serviceAccountTransport: own, now: () => new Date('2026-11-28T12:00:00Z') });
    expect(snapshot.serviceAccountSelf).toEqual({ ok: true, value: { accountId: SA_ID, timeZone: 'America/Danmarkshavn' } });
    expect(stats.callsByEndpoint['GET /rest/api/3/myself']).toBe(1);
    expect(stats.totalCalls).toBe(site.requests.length + 1);
  });

  it('lets a refused first call through as a JiraError', async () => {
    const site = createFakeJiraSite().on('GET', '/rest/api/3/serverInfo', { status: 403 });
    await expect(runReadiness({ transport: site, settings })).rejects.toBeInstanceOf(JiraError);
  });

  it('mergeStats sums per endpoint and keeps the main duration', () => {
    expect(
      mergeStats(
        { callsByEndpoint: { 'GET /a': 2, 'GET /b': 1 }, totalCalls: 3, retries: 1, durationMs: 50 },
        { callsByEndpoint: { 'GET /b': 1 }, totalCalls: 1, retries: 0, durationMs: 5 },
      ),
    ).toEqual({ callsByEndpoint: { 'GET /a': 2, 'GET /b': 2 }, totalCalls: 4, retries: 1, durationMs: 50 });
  });
});
