import type { ProjectCheck, SiteCheck } from './check';
import { CATALOGUE } from './catalogue';
import { ARTIFACTS } from './artifacts';
import { requiredArtifacts, runCheck } from './run-check';
import { failed, ok, project, serviceAccount, settings, site } from './testing/snapshot-builder';

const DOCS_URL = 'https://example.com/docs/probe';

/** A project check that records every input its evaluate sees. */
function probe(requires: ProjectCheck['requires'], optional?: ProjectCheck['optional']) {
  const seen: unknown[] = [];
  const check: ProjectCheck = {
    meta: { id: 'PROBE-CHECK', title: 'Probe', failureTitle: 'Probe fails', description: 'A probe.', severity: 'required', group: 'customers', scope: 'project', docsUrl: DOCS_URL },
    requires,
    ...(optional ? { optional } : {}),
    evaluate: (input) => {
      seen.push(input);
      return { verdict: 'holds', summary: 'Evaluated.' };
    },
  };
  return { check, seen };
}

function inputWith(p: Parameters<typeof project>[0], s: Parameters<typeof site>[0] = {}, st: Parameters<typeof settings>[0] = {}) {
  const proj = project(p);
  return { snapshot: site({ projects: [proj], ...s }), settings: settings(st), project: proj };
}

describe('runCheck (the check runner)', () => {
  it('evaluates a check once everything it requires was read', () => {
    const { check, seen } = probe(['projectRoles', 'customers']);
    expect(runCheck(check, inputWith({})).verdict).toBe('holds');
    expect(seen).toHaveLength(1);
  });

  it('turns a failed required artifact into error with remediation that names the endpoint and the permission', () => {
    const { check, seen } = probe(['customers']);
    const outcome = runCheck(check, inputWith({ customers: failed('forbidden', 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer', 403, 'You are not an agent of this desk.') }));
    expect(outcome.verdict).toBe('undecided');
    expect(outcome.summary).toBe(
      "Could not read the service desk's customers (GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer): You are not an agent of this desk (403; the account running the checks lacks a permission or scope).",
    );
    expect(outcome.remediation).toEqual([
      { text: 'Give the account running the checks agent or admin permission on this service desk (Jira refused GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer), then run the checks again.' },
      { text: 'What PROBE-CHECK checks and why', url: DOCS_URL },
    ]);
    expect(outcome.evidence).toMatchObject({ endpoint: 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer', errors: [{ kind: 'forbidden', status: 403 }] });
  });

  it('never lets a check see a failed artifact it requires', () => {
    const { check, seen } = probe(['requestTypes', 'workflows']);
    runCheck(check, inputWith({ requestTypes: failed('server', 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype', 503) }));
    runCheck(check, inputWith({ workflowByIssueType: failed('forbidden', 'GET /rest/api/3/workflowscheme/project', 403) }));
    runCheck(check, inputWith({ unavailable: { kind: 'not_found', status: 404, endpoint: 'GET /rest/servicedeskapi/servicedesk', message: 'Gone.' } }));
    expect(seen).toHaveLength(0);
  });

  it('refuses to evaluate a check whose required artifact was not gathered, naming it as a fault of the run', () => {
    const { check, seen } = probe(['projectRoles']);
    const outcome = runCheck(check, inputWith({ roles: undefined }));
    expect(seen).toHaveLength(0);
    expect(outcome.verdict).toBe('undecided');
    expect(outcome.summary).toBe("PROBE-CHECK was not judged: this run did not read the project's roles and their members (projectRoles), which it requires.");
    expect(outcome.remediation?.length).toBeGreaterThan(0);
  });

  it('catches a site artifact that was not gathered (screens, workflow groups)', () => {
    for (const kind of ['screens', 'workflowGroups'] as const) {
      const { check, seen } = probe([kind]);
      const outcome = runCheck(check, inputWith({}, { [kind]: undefined }));
      expect(seen).toHaveLength(0);
      expect(outcome.summary).toContain(`(${kind})`);
    }
  });

  it('hands an optional artifact to the check as it is, failed or absent', () => {
    const { check, seen } = probe(['serviceAccount', 'serviceAccountSelf'], ['serviceAccountSelf']);
    expect(runCheck(check, inputWith({}, { serviceAccountSelf: failed('unauthorized', 'GET /rest/api/3/myself', 401) })).verdict).toBe('holds');
    expect(runCheck(check, inputWith({}, { serviceAccountSelf: undefined })).verdict).toBe('holds');
    expect(seen).toHaveLength(2);
  });

  it("makes a check that needs another check's artifact depend on that check", () => {
    const { check } = probe(['serviceAccount']);
    const outcome = runCheck(check, inputWith({}, { serviceAccount: failed('forbidden', 'GET /rest/api/3/user/search', 403) }));
    expect(outcome.dependsOn).toBe('SA-EXISTS');
    expect(outcome.summary).toContain('(see SA-EXISTS)');
    expect(outcome.remediation?.map((s) => s.text)).toContain('Fix SA-EXISTS first; PROBE-CHECK is judged once the service account can be read.');
  });

  it('reads no service account when none is configured: the check itself says to configure one', () => {
    const { check, seen } = probe(['serviceAccount']);
    runCheck(check, inputWith({}, { serviceAccount: undefined }, { serviceAccount: undefined }));
    expect(seen).toHaveLength(1);
  });

  it('names every end-user group that failed, and catches one that was not gathered', () => {
    const { check, seen } = probe(['endUserGroups']);
    const groups = { 'all-staff': ok({ name: 'all-staff', members: [] }), ghosts: failed('not_found', 'GET /rest/api/3/group/member', 404, "Group 'ghosts' does not exist.") };
    const outcome = runCheck(check, inputWith({}, { endUserGroups: groups }, { endUserGroups: ['all-staff', ' ghosts '] }));
    expect(outcome.summary).toContain("Group 'ghosts' does not exist (404");
    expect(outcome.remediation?.map((s) => s.text)).toContain("Check the group names in Settings: they must match the groups' names in Jira exactly.");
    const missing = runCheck(check, inputWith({}, { endUserGroups: groups }, { endUserGroups: ['all-staff', 'never-read'] }));
    expect(missing.summary).toContain('(endUserGroups)');
    expect(seen).toHaveLength(0);
  });

  it('answers for an unreadable project before any check of it is evaluated', () => {
    const { check, seen } = probe(['customers']);
    const outcome = runCheck(check, inputWith({ unavailable: { kind: 'forbidden', status: 403, endpoint: 'GET /rest/servicedeskapi/servicedesk', message: 'No access.' } }));
    expect(seen).toHaveLength(0);
    expect(outcome.summary).toBe('Could not read project IT (GET /rest/servicedeskapi/servicedesk): No access (403; the account running the checks lacks a permission or scope).');
    expect(outcome.remediation?.[0]?.text).toContain('Browse projects');
  });

  it('refuses a project check given no project', () => {
    const { check, seen } = probe(['customers']);
    const outcome = runCheck(check, { snapshot: site(), settings: settings() });
    expect(seen).toHaveLength(0);
    expect(outcome.summary).toContain('was not judged');
  });

  it('describes every artifact a check of the catalogue requires', () => {
    for (const c of CATALOGUE) {
      for (const kind of c.requires) {
        expect(ARTIFACTS[kind].endpoint).toMatch(/^(GET|POST) \//);
        expect(ARTIFACTS[kind].permission.trim()).not.toBe('');
      }
      for (const kind of c.optional ?? []) expect(c.requires).toContain(kind);
      // Manual checks may need nothing; every other check must have something the runner enforces or reads.
      if (!c.meta.manual) expect(c.requires.length).toBeGreaterThan(0);
    }
  });

  it('site checks are run the same way', () => {
    const seen: unknown[] = [];
    const check: SiteCheck = {
      meta: { id: 'PROBE-SITE', title: 'Probe', failureTitle: 'Probe fails', description: 'A probe.', severity: 'required', group: 'service-account', scope: 'site', docsUrl: DOCS_URL },
      requires: ['serviceAccount'],
      evaluate: (input) => {
        seen.push(input);
        return { verdict: 'holds', summary: 'Evaluated.' };
      },
    };
    expect(requiredArtifacts(check)).toEqual(['serviceAccount']);
    expect(runCheck(check, { snapshot: site({ serviceAccount: ok(serviceAccount()) }), settings: settings() }).verdict).toBe('holds');
    expect(runCheck(check, { snapshot: site({ serviceAccount: failed('server', 'GET /rest/api/3/user', 503) }), settings: settings() }).verdict).toBe('undecided');
    expect(seen).toHaveLength(1);
  });
});
