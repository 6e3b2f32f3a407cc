/**
 * Contract over whole sites: every read the gatherer could make on the ready site
 * and on a generated large site, for every desk, role, workflow and screen, is
 * answered within the official schemas (the demo site is covered by contract.test.ts).
 */
import type { SiteModel } from './model';
import { startSimulator } from './server';
import { buildReadySite, DEMO_CREDENTIALS } from './sites/demo';
import { generateSite } from './sites/generated-site';
import { buildLargeSite } from './sites/large';
import { call, OPT_IN, type Credentials } from './testing/client';

async function crawl(site: SiteModel, admin: Credentials = DEMO_CREDENTIALS.admin, serviceAccountId = DEMO_CREDENTIALS.serviceAccount.accountId): Promise<{ calls: number; failures: string[] }> {
  const sim = await startSimulator({ site, validateResponses: true });
  const failures: string[] = [];
  let calls = 0;
  const get = async (path: string, headers?: Record<string, string>) => {
    calls++;
    const result = await call(sim, 'GET', path, { as: admin, headers });
    if (result.status !== 200) failures.push(`GET ${path} → ${result.status}`);
    return result.status === 200 ? result.json() : undefined;
  };
  try {
    await get('/rest/api/3/serverInfo');
    await get('/rest/api/3/myself?expand=groups,applicationRoles');
    await get(`/rest/api/3/user?accountId=${encodeURIComponent(serviceAccountId)}&expand=groups,applicationRoles`);
    await get('/rest/api/3/groups/picker?query=');
    for (const group of site.allGroups()) await get(`/rest/api/3/group/member?groupId=${group.groupId}&maxResults=50`);
    for (let startAt = 0; ; startAt += 50) {
      const page = await get(`/rest/api/3/project/search?startAt=${startAt}&expand=issueTypes`);
      if (!page || page.isLast) break;
    }
    for (const desk of site.serviceDesks()) {
      const roles = (await get(`/rest/api/3/project/${desk.key}/role`)) as Record<string, string> | undefined;
      for (const url of Object.values(roles ?? {})) await get(new URL(url).pathname);
      await get(`/rest/servicedeskapi/servicedesk/${desk.serviceDeskId}/customer?limit=50`, OPT_IN);
      await get(`/rest/servicedeskapi/servicedesk/${desk.serviceDeskId}/requesttype`);
    }
    const ids = site.allProjects().map((p) => `projectId=${p.id}`);
    for (let i = 0; i < ids.length; i += 100) await get(`/rest/api/3/workflowscheme/project?${ids.slice(i, i + 100).join('&')}`);
    calls++;
    const workflows = await call(sim, 'POST', '/rest/api/3/workflows', { as: admin, body: { workflowNames: site.allWorkflows().map((w) => w.name) } });
    if (workflows.status !== 200) failures.push(`POST /rest/api/3/workflows → ${workflows.status}`);
    const screenIds = new Set<string>();
    for (const workflow of workflows.json().workflows) {
      for (const t of workflow.transitions) if (t.transitionScreen?.parameters?.screenId) screenIds.add(t.transitionScreen.parameters.screenId);
    }
    for (const id of screenIds) {
      const tabs = (await get(`/rest/api/3/screens/${id}/tabs`)) as { id: number }[] | undefined;
      for (const tab of tabs ?? []) await get(`/rest/api/3/screens/${id}/tabs/${tab.id}/fields`);
    }
    failures.push(...sim.violations.map((v) => `${v.endpoint} ${v.status}: ${v.errors.slice(0, 3).join('; ')}`));
    return { calls, failures };
  } finally {
    await sim.close();
  }
}

describe('whole-site contract', () => {
  it('the ready site', async () => {
    const { calls, failures } = await crawl(buildReadySite());
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(30);
  });

  it('a generated large site (30 desks, 2,000 users)', async () => {
    const { calls, failures } = await crawl(buildLargeSite({ serviceDesks: 30, users: 2000 }));
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(150);
  });

  it('the benchmark’s generated site (sites/generated-site.ts), small', async () => {
    const generated = generateSite({ desks: 12, endUsers: 1500, minCustomers: 20, maxCustomers: 400 });
    const sa = generated.model.userByEmail(generated.serviceAccountEmail)!;
    const { failures } = await crawl(generated.model, generated.admin, sa.accountId);
    expect(failures).toEqual([]);
  });
});
