/**
 * `mw-readiness fix --plan | --apply` end to end against the simulator: the plan on
 * the demo site, applying it and planning again (idempotent), accounts that may not
 * make the changes (blockers naming who can; Jira's own words when Jira refuses),
 * and the confirmation --apply needs.
 */
import { buildDemoSite, DEMO_CREDENTIALS, DEMO_END_USER_GROUP } from '../../dev/simulator/sites/demo';
import type { RunningSimulator } from '../../dev/simulator/server';
import { runCli, simulate } from './cli-harness';

jest.setTimeout(90_000);

const SA = DEMO_CREDENTIALS.serviceAccount;
const ROLE_CHANGE = `HR:role:`;
/** Other fixes join the registry over time; these tests pin the two whose changes they assert. */
const TWO_FIXES = ['--fix', 'add-to-service-desk-team', '--fix', 'add-missing-customers'];

function fixArgs(sim: RunningSimulator, who: { email: string; token: string }, extra: string[]): string[] {
  return ['fix', '--site', sim.url, '--email', who.email, '--token', who.token, '--service-account', SA.email, '--end-user-group', DEMO_END_USER_GROUP, ...extra];
}

// Reads Jira serves over POST (permission checks, workflows by name or project) change nothing.
const READS_BY_POST = ['/rest/api/3/permissions/check', '/rest/api/3/workflows/update/validation'];
const writes = (sim: RunningSimulator) =>
  sim.requests.filter((r) => r.method !== 'GET' && r.path !== '/rest/api/3/workflows' && !READS_BY_POST.some((p) => r.path.startsWith(p)));

interface FixJson {
  mode: string;
  fixes: { id: string; changes: { id: string; summary: string; reach: { projects: { key: string }[] } }[]; blockers: { reason: string; who?: string }[]; results?: { changeId: string; outcome: string; message: string }[] }[];
  rechecked?: { projectKey: string; checkId: string; status: string }[];
  exitCode: number;
}

describe('mw-readiness fix', () => {
  it('plans HR\'s role and customer changes on the demo site, with their reach, and changes nothing', async () => {
    const text = await runCli(['fix', '--plan', '--demo', ...TWO_FIXES]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('add-to-service-desk-team: Add the service account to Service Desk Team (resolves SA-PROJECT-ROLE)');
    expect(text.stdout).toContain('• Add Moveworks Bot (moveworks-bot@acme.example) to the Service Desk Team role of HR Help Desk (HR)');
    expect(text.stdout).toContain('• Add 8 users to the customers of HR Help Desk (HR)');
    expect(text.stdout).toContain('reaches HR (HR Help Desk)');
    expect(text.stdout).toContain('Summary: 2 changes (9 items) planned in 2 fixes; nothing in Jira changed.');
    expect(text.stdout).toContain('Next: run `mw-readiness fix --apply --demo --project HR` to make them as Priya Raman (priya.raman@acme.example).');
    expect(text.stderr).toMatch(/^… Read [A-Z]+ \(project-details \d\/4\)$/m);

    const json = await runCli(['fix', '--plan', '--demo', '--format', 'json']);
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.stdout) as FixJson;
    doc.fixes = doc.fixes.filter((f) => TWO_FIXES.includes(f.id));
    expect(doc.fixes.map((f) => [f.id, f.changes.map((c) => c.id.split(':').slice(0, 2).join(':')), f.blockers])).toEqual([
      ['add-to-service-desk-team', ['HR:role'], []],
      ['add-missing-customers', ['HR:customers'], []],
    ]);
    expect(doc.fixes.flatMap((f) => f.changes.map((c) => c.reach.projects.map((p) => p.key)))).toEqual([['HR'], ['HR']]);
    expect(json.stdout).not.toContain('payload');
  });

  it('applies the plan as the admin, re-runs the checks, and a second plan and apply find nothing (idempotent)', async () => {
    const sim = await simulate(buildDemoSite());
    try {
      const applied = await runCli(fixArgs(sim, DEMO_CREDENTIALS.admin, ['--apply', '--yes', '--format', 'json', ...TWO_FIXES]));
      expect(applied.code).toBe(0);
      const doc = JSON.parse(applied.stdout) as FixJson;
      expect(doc.fixes.flatMap((f) => (f.results ?? []).map((r) => [r.changeId.startsWith(ROLE_CHANGE) ? 'role' : r.changeId, r.outcome]))).toEqual([
        ['role', 'applied'],
        ['HR:customers:1', 'applied'],
      ]);
      expect(doc.rechecked).toEqual([
        expect.objectContaining({ projectKey: 'HR', checkId: 'SA-PROJECT-ROLE', status: 'pass' }),
        expect.objectContaining({ projectKey: 'HR', checkId: 'CUST-COVERAGE', status: 'pass' }),
      ]);
      expect(sim.model.project('HR')!.roles.find((r) => r.name === 'Service Desk Team')!.actors).toContainEqual(expect.objectContaining({ type: 'user', accountId: SA.accountId }));

      const again = await runCli(fixArgs(sim, DEMO_CREDENTIALS.admin, ['--plan', ...TWO_FIXES]));
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('Summary: nothing to fix; the checks these fixes resolve pass on every desk in scope.');

      const before = writes(sim).length;
      const reapplied = await runCli(fixArgs(sim, DEMO_CREDENTIALS.admin, ['--apply', '--yes', ...TWO_FIXES]));
      expect(reapplied.code).toBe(0);
      expect(writes(sim)).toHaveLength(before);
    } finally {
      await sim.close();
    }
  });

  it('as an account that administers nothing: every change is a blocker naming who can make it, nothing is sent, exit 1', async () => {
    const sim = await simulate(buildDemoSite());
    try {
      const result = await runCli(fixArgs(sim, DEMO_CREDENTIALS.agent, ['--apply', '--yes', '--project', 'HR', ...TWO_FIXES]));
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('Blocked: You do not administer HR, so you cannot add people to its roles. Who can: an administrator of HR or a Jira administrator.');
      expect(result.stdout).toContain('You do not have the permission to view the members of this group.');
      expect(writes(sim)).toEqual([]);
    } finally {
      await sim.close();
    }
  });

  it('reports a change Jira refused in Jira\'s own words and exits 1 (the account lost HR admin after the plan)', async () => {
    const sim = await simulate(buildDemoSite());
    try {
      const lucas = DEMO_CREDENTIALS.projectAdmin;
      const hr = sim.model.project('HR')!;
      const asked: string[] = [];
      const result = await runCli(fixArgs(sim, lucas, ['--apply', '--project', 'HR', '--fix', 'add-to-service-desk-team']), {}, {
        confirm: async (question) => {
          asked.push(question);
          // Between the plan and the answer, an administrator takes HR's administration away from this account.
          const admins = hr.roles.find((r) => r.name === 'Administrators')!;
          admins.actors = admins.actors.filter((a) => !(a.type === 'user' && a.accountId === lucas.accountId));
          expect(sim.model.isProjectAdmin(lucas.accountId, hr)).toBe(false);
          return true;
        },
      });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/refused +Add Moveworks Bot \(moveworks-bot@acme\.example\) to the Service Desk Team role of HR Help Desk \(HR\): Jira said: No project could be found with key 'HR' or you do not have permission to administer it\./);
      expect(result.stdout).toContain('0 applied, 0 unchanged, 1 refused');
      expect(asked).toEqual(['Make this change in Jira as Lucas Moreau (lucas.moreau@acme.example)? [y/N] ']);
      expect(result.stderr).toContain('• Add Moveworks Bot'); // the plan shown before the question
      expect(hr.roles.find((r) => r.name === 'Service Desk Team')!.actors).not.toContainEqual(expect.objectContaining({ accountId: SA.accountId }));
    } finally {
      await sim.close();
    }
  });

  it('--apply without --yes off a terminal exits 2 before calling Jira; declining at the prompt sends nothing and exits 1', async () => {
    const sim = await simulate(buildDemoSite());
    try {
      const unconfirmed = await runCli(fixArgs(sim, DEMO_CREDENTIALS.admin, ['--apply']));
      expect(unconfirmed.code).toBe(2);
      expect(unconfirmed.stderr).toBe('mw-readiness: --apply changes Jira: add --yes to confirm it when not on a terminal.\n');
      expect(sim.requests).toEqual([]);

      const declined = await runCli(fixArgs(sim, DEMO_CREDENTIALS.admin, ['--apply']), {}, { confirm: async () => false });
      expect(declined.code).toBe(1);
      expect(declined.stdout).toContain('Nothing in Jira changes: not confirmed.');
      expect(writes(sim)).toEqual([]);
    } finally {
      await sim.close();
    }
  });

  it('an unknown --fix is one sentence naming the fixes there are, exit 2', async () => {
    const result = await runCli(['fix', '--plan', '--demo', '--fix', 'add-everything']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^mw-readiness: Unknown fix "add-everything"; the fixes are add-to-service-desk-team, add-missing-customers(, [a-z-]+)*\.\n$/);
  });
});
