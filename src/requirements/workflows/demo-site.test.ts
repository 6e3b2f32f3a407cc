/**
 * The ten workflow checks end to end: the simulator's demo site, read by the real
 * gatherer over HTTP, judged by the checks. The demo's story (dev/simulator/sites/
 * demo-workflows.ts): IT's workflows are what Moveworks asks for, HR's have the
 * classic gaps, Facilities is team-managed (global transitions, no screens).
 */
import { PROJECT_CHECKS } from '../catalogue';
import { startSimulator, type RunningSimulator } from '../../../dev/simulator/server';
import * as demo from '../../../dev/simulator/sites/demo';
import { SERVICE_ACCOUNTS_GROUP_ID, WORKFLOW_NAMES } from '../../../dev/simulator/sites/demo-workflows';
import { gatherSnapshot } from '../../gather/gather-snapshot';
import type { SiteSnapshot } from '../../gather/snapshot';
import { createHttpTransport } from '../../jira/http-transport';
import { JiraClient } from '../../jira/jira-client';
import type { ProjectCheck, Verdict } from '../check';
import { settings as buildSettings } from '../testing/snapshot-builder';
import { buildHandoff } from './wf-export';

const CHECKS: readonly ProjectCheck[] = PROJECT_CHECKS.filter((c) => c.meta.group === 'workflows' && c.meta.id.startsWith('WF-'));

describe('workflow checks on the demo site', () => {
  let sim: RunningSimulator;
  let snapshot: SiteSnapshot;
  const settings = buildSettings({ serviceAccount: demo.DEMO_SERVICE_ACCOUNT_EMAIL, endUserGroups: [] });

  beforeAll(async () => {
    sim = await startSimulator({ site: demo.buildDemoSite(), host: '127.0.0.1', port: 0 });
    const client = new JiraClient(createHttpTransport({ baseUrl: sim.url, email: demo.DEMO_CREDENTIALS.admin.email, apiToken: demo.DEMO_CREDENTIALS.admin.token }));
    snapshot = await gatherSnapshot(client, settings, { requires: [...new Set(CHECKS.flatMap((c) => c.requires))] });
  });
  afterAll(async () => {
    await sim?.close();
  });

  const verdicts = (key: string): Record<string, Verdict> => {
    const project = snapshot.projects.find((p) => p.key === key);
    if (!project) throw new Error(`demo project ${key} missing; projects: ${snapshot.projects.map((p) => p.key).join(', ')}`);
    return Object.fromEntries(CHECKS.map((c) => [c.meta.id, c.evaluate({ snapshot, settings, project }).verdict]));
  };

  it('IT: every workflow check holds', () => {
    expect(verdicts('ITSD')).toEqual(Object.fromEntries(CHECKS.map((c) => [c.meta.id, 'holds'])));
  });

  it('HR: the classic gaps are found (no global transitions, Assignee missing from the Resolve screen, a required field off the screen)', () => {
    expect(verdicts('HR')).toMatchObject({
      'WF-ANY-TO-RESOLVED': 'violated',
      'WF-ANY-TO-IN-PROGRESS': 'violated',
      'WF-ANY-TO-REOPENED': 'violated',
      'WF-RESOLVE-SCREEN-ASSIGNEE': 'violated',
      'WF-RESOLVE-SCREEN-FIELDS': 'violated',
      'WF-EXPORT': 'holds',
    });
  });

  it('Facilities (team-managed): judged from its workflow data, never a false pass on screens', () => {
    const v = verdicts('FAC');
    expect(v['WF-ANY-TO-RESOLVED']).toBe('holds');
    expect(v['WF-RESOLVE-SCREEN-ASSIGNEE']).toBe('violated');
    expect(Object.values(v)).not.toContain('undecided');
  });

  it('reads the group a Restrict issue transition condition names, once, by groupId: only the service account', () => {
    const reads = sim.requests.filter((r) => r.endpoint === 'GET /rest/api/3/group/member');
    expect(reads.map((r) => new URL(r.path, sim.url).searchParams.get('groupId'))).toEqual([SERVICE_ACCOUNTS_GROUP_ID]);
    expect(reads.every((r) => r.status === 200 && !new URL(r.path, sim.url).searchParams.has('groupname'))).toBe(true);
    expect(snapshot.workflowGroups).toEqual({
      [SERVICE_ACCOUNTS_GROUP_ID]: { ok: true, value: { groupId: SERVICE_ACCOUNTS_GROUP_ID, members: [{ accountId: demo.DEMO_CREDENTIALS.serviceAccount.accountId, displayName: 'Moveworks Bot' }] } },
    });
    const project = snapshot.projects.find((p) => p.key === 'ITSD')!;
    const incident = PROJECT_CHECKS.find((c) => c.meta.id === 'WF-BOT-TRANSITIONS-RESTRICTED')!.evaluate({ snapshot, settings, project });
    const evidence = incident.evidence as { workflows: { workflow: string; details: { botTransitions: { id: string; hiddenFromPeople: boolean }[] } }[] };
    const inProgress = evidence.workflows.find((w) => w.workflow === WORKFLOW_NAMES.itsdIncident)!.details.botTransitions.find((t) => t.id === '911');
    expect(inProgress).toMatchObject({ hiddenFromPeople: true, blocksApi: false });
  });

  it('the hand-off bundle of IT names the bot’s transitions', () => {
    const project = snapshot.projects.find((p) => p.key === 'ITSD')!;
    const handoff = buildHandoff(snapshot, settings, project);
    expect(handoff.unreadable).toEqual([]);
    const serviceRequest = handoff.workflows.find((w) => w.name === 'ITSD: Service Request Workflow')!;
    expect(serviceRequest.bot).toEqual({
      resolve: { global: true, transitionIds: ['901'], transitions: [{ id: '901', name: 'Resolve (Moveworks)', to: 'Resolved', toBucket: 'resolved' }] },
      inProgress: { global: true, transitionIds: ['911'], transitions: [{ id: '911', name: 'In progress (Moveworks)', to: 'In Progress', toBucket: 'in_progress' }] },
      reopen: { global: true, transitionIds: ['921'], transitions: [{ id: '921', name: 'Reopen (Moveworks)', to: 'Reopened', toBucket: 'new' }] },
    });
  });

  it('the hand-off bundle of IT names the fields on each Resolve transition’s screen', () => {
    const project = snapshot.projects.find((p) => p.key === 'ITSD')!;
    const incident = buildHandoff(snapshot, settings, project).workflows.find((w) => w.name === WORKFLOW_NAMES.itsdIncident)!;
    expect(incident.resolveScreens).toEqual([
      {
        transitionId: '901',
        screenId: '10001',
        fieldIds: ['resolution', 'assignee', 'customfield_10070'],
        fieldNames: { resolution: 'Resolution', assignee: 'Assignee', customfield_10070: 'Root cause' },
      },
    ]);
  });
});
