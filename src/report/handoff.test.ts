import type { Report } from '../shared/report-model';
import { buildHandoff, type Handoff } from '../requirements/workflows/wf-export';
import { project, settings, site } from '../requirements/testing/snapshot-builder';
import { buildHandoffBundle, isHandoff, renderHandoffJson, type StoredHandoff } from './handoff';
import { sampleReport } from './testing/sample-report';

const itHandoff: Handoff = {
  baseUrl: 'https://acme.atlassian.net',
  gatheredAt: '2026-11-28T09:00:00.000Z',
  project: { id: '10000', key: 'IT', name: 'IT Service Desk', style: 'company-managed' },
  bucketLabels: { new: 'New / Reopened', in_progress: 'In Progress', waiting: 'Waiting for User', resolved: 'Resolved / Closed' },
  workflows: [
    {
      name: 'IT Support Workflow',
      id: 'wf-1',
      issueTypes: [{ id: '10001', name: 'IT Help' }],
      statuses: [
        { id: '1', name: 'Open', category: 'TODO', bucket: 'new', bucketLabel: 'New / Reopened', bucketSource: 'category' },
        { id: '5', name: 'Resolved', category: 'DONE', bucket: 'resolved', bucketLabel: 'Resolved / Closed', bucketSource: 'category' },
      ],
      transitions: [{ id: '51', name: 'Resolve', type: 'GLOBAL', from: 'any', to: '5', toBucket: 'resolved' }],
      bot: { resolve: { global: true, transitionIds: ['51'] }, inProgress: { global: false, transitionIds: [] }, reopen: { global: false, transitionIds: ['71', '72'] } },
    },
  ],
  unreadable: [],
};

// The bundle reads WF-EXPORT's evidence through its own StoredHandoff: this does not compile
// when the check's Handoff no longer fits what the bundle reads.
const handoffFitsTheBundle: StoredHandoff = itHandoff;
void handoffFitsTheBundle;

function reportWith(evidence: unknown, status: 'pass' | 'error' | 'not_applicable' = 'pass'): Report {
  const report = sampleReport();
  const wfExport = report.projects[0].checks.find((c) => c.id === 'WF-EXPORT')!;
  wfExport.evidence = evidence;
  wfExport.status = status;
  wfExport.summary = status === 'error' ? 'Could not read which workflow each issue type of IT uses: Jira denied permission (403)' : wfExport.summary;
  return report;
}

describe('buildHandoffBundle', () => {
  it('lists per workflow the statuses with bucket and the resolve / in-progress / reopen transition ids', () => {
    const bundle = buildHandoffBundle(reportWith(itHandoff));
    expect(bundle).toMatchObject({ kind: 'mw-readiness-handoff', version: 1, site: { baseUrl: 'https://acme.atlassian.net' } });
    const it = bundle.projects.find((p) => p.key === 'IT')!;
    expect(it.complete).toBe(true);
    expect(it.workflows).toHaveLength(1);
    expect(it.workflows[0].statuses).toEqual([
      { id: '1', name: 'Open', category: 'TODO', bucket: 'new', bucketLabel: 'New / Reopened' },
      { id: '5', name: 'Resolved', category: 'DONE', bucket: 'resolved', bucketLabel: 'Resolved / Closed' },
    ]);
    // Evidence recorded before the bot's transitions carried names and targets: the ids stay, the detail is empty.
    expect(it.workflows[0].resolve).toEqual({ global: true, transitionIds: ['51'], transitions: [] });
    expect(it.workflows[0].inProgress).toEqual({ global: false, transitionIds: [], transitions: [] });
    expect(it.workflows[0].reopen).toEqual({ global: false, transitionIds: ['71', '72'], transitions: [] });
    expect(it.workflows[0].resolveScreens).toEqual([]);
  });

  it('carries the bot transitions’ names and targets and the Resolve screen’s fields when the evidence has them', () => {
    const workflow = {
      ...itHandoff.workflows[0],
      bot: { ...itHandoff.workflows[0].bot, resolve: { global: true, transitionIds: ['51'], transitions: [{ id: '51', name: 'Resolve', to: 'Resolved', toBucket: 'resolved' as const }] } },
      resolveScreens: [{ transitionId: '51', screenId: '10000', fieldIds: ['assignee', 'resolution'], fieldNames: { assignee: 'Assignee', resolution: 'Resolution' } }],
    };
    const bundle = buildHandoffBundle(reportWith({ ...itHandoff, workflows: [workflow] }));
    const w = bundle.projects.find((p) => p.key === 'IT')!.workflows[0];
    expect(w.resolve.transitions).toEqual([{ id: '51', name: 'Resolve', to: 'Resolved', toBucket: 'resolved' }]);
    expect(w.resolveScreens).toEqual([{ transitionId: '51', screenId: '10000', fieldIds: ['assignee', 'resolution'], fieldNames: { assignee: 'Assignee', resolution: 'Resolution' } }]);
  });

  it('marks a project incomplete with the reason when its workflows could not be read', () => {
    const bundle = buildHandoffBundle(reportWith({ project: { key: 'IT' }, error: { kind: 'forbidden' } }, 'error'));
    const it = bundle.projects.find((p) => p.key === 'IT')!;
    expect(it.complete).toBe(false);
    expect(it.workflows).toEqual([]);
    expect(it.unreadable[0].reason).toMatch(/Jira denied permission \(403\)/);
    // HR has no WF-EXPORT result at all.
    expect(bundle.projects.find((p) => p.key === 'HR')!.unreadable[0].reason).toBe('WF-EXPORT was not part of this run');
  });

  it('accepts the real buildHandoff output and carries its gaps', () => {
    const snapshot = site({ workflows: {} });
    const handoff = buildHandoff(snapshot, settings(), project());
    expect(isHandoff(handoff)).toBe(true);
    const bundle = buildHandoffBundle(reportWith(handoff), { projectKey: 'IT' });
    expect(bundle.projects.map((p) => p.key)).toEqual(['IT']);
    expect(bundle.projects[0].complete).toBe(false);
    expect(bundle.projects[0].unreadable).toEqual([
      { workflow: 'IT Support Workflow', issueTypes: [{ id: '10001', name: 'IT Help' }], reason: 'it was not read in this run' },
    ]);
  });

  it('renders stable JSON', () => {
    const json = renderHandoffJson(buildHandoffBundle(reportWith(itHandoff)));
    expect(JSON.parse(json).projects[0].workflows[0].name).toBe('IT Support Workflow');
    expect(Object.keys(JSON.parse(json).projects[0]).slice(0, 3)).toEqual(['key', 'id', 'name']);
  });
});

describe('the bundle for the Moveworks team', () => {
  const connector = {
    connectionName: 'jira_service_desk',
    baseUrl: 'https://acme.atlassian.net',
    authenticationType: 'Jira Cloud Basic Auth',
    username: 'moveworks-bot@acme.com',
    passwordHint: 'The API token created for the service account',
    accountIdSetting: 'Enable the AccountID checkbox',
  };

  it('carries the connector’s values when given, and never a password field', () => {
    const bundle = buildHandoffBundle(reportWith(itHandoff), { connector });
    expect(bundle.connector).toEqual(connector);
    expect(JSON.stringify(bundle)).not.toMatch(/"password"\s*:/i);
  });

  it('has a parity section for a paired desk: its differences, not what is the same', () => {
    const report = reportWith(itHandoff);
    const it = report.projects.find((p) => p.key === 'IT')!;
    it.checks.push({
      id: 'PARITY-CONFIG',
      group: 'workflows',
      status: 'warn',
      severity: 'recommended',
      title: 'Production differs from its non-production desk',
      summary: '1 difference from ITTEST: Resolve transition id',
      remediation: [],
      evidence: {
        pair: { production: 'IT', nonProduction: 'ITTEST' },
        comparison: {
          production: { baseUrl: 'https://acme.atlassian.net', key: 'IT', name: 'IT', generatedAt: '2026-11-28T09:00:00.000Z' },
          nonProduction: { baseUrl: 'https://acme.atlassian.net', key: 'ITTEST', name: 'IT (Test)', generatedAt: '2026-11-28T09:00:00.000Z' },
          matches: false,
          counts: { different: 1, unknown: 0, same: 1 },
          items: [
            { area: 'transition', subject: 'Resolve transition id', production: '51', nonProduction: '52', state: 'different', breaks: 'Jira refuses the bot’s call', fixOn: 'production', remediation: 'Use 52' },
            { area: 'check', subject: 'SA-EXISTS', production: 'pass', nonProduction: 'pass', state: 'same' },
          ],
        },
      },
    });
    const bundle = buildHandoffBundle(report);
    expect(bundle.projects.find((p) => p.key === 'IT')!.parity).toMatchObject({
      pair: { production: 'IT', nonProduction: 'ITTEST' },
      status: 'warn',
      matches: false,
      items: [{ subject: 'Resolve transition id', fixOn: 'production' }],
    });
    expect(bundle.projects.find((p) => p.key === 'IT')!.parity!.items).toHaveLength(1);
    expect(bundle.projects.find((p) => p.key === 'HR')!.parity).toBeUndefined();
  });
});
