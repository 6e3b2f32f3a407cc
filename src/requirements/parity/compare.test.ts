import type { ParityDesk, ParityItem } from '../../shared/parity-model';
import { compareDesks } from './compare';
import { desk, workflow } from './testing/desks';

interface Case {
  name: string;
  production?: Partial<ParityDesk>;
  nonProduction?: Partial<ParityDesk>;
  /** The differences expected, as subsets, in order. */
  differences: Partial<ParityItem>[];
  unknown?: number;
}

const renamedStatus = workflow({
  statuses: workflow().statuses.map((s) => (s.name === 'Waiting for support' ? { ...s, id: '10007', name: 'Waiting for agent' } : s)),
});

const CASES: Case[] = [
  { name: 'identical desks', differences: [] },
  {
    name: 'a renamed status (same bucket, one name on each side) is one difference, fixed on production',
    nonProduction: { workflows: [renamedStatus] },
    differences: [
      {
        area: 'status',
        subject: 'Status “Waiting for agent” (New / Reopened)',
        production: 'named “Waiting for support”',
        nonProduction: 'named “Waiting for agent”',
        fixOn: 'production',
        breaks: expect.stringContaining('map to no configured status'),
        workflow: 'IT: Service Request Workflow',
        issueTypes: ['IT Help'],
      },
    ],
  },
  {
    name: 'a status in a different bucket',
    production: { workflows: [workflow({ statuses: workflow().statuses.map((s) => (s.name === 'Waiting for customer' ? { ...s, bucket: 'in_progress' } : s)) })] },
    differences: [{ area: 'bucket', subject: 'Status “Waiting for customer”', production: 'In Progress', nonProduction: 'Waiting for User', fixOn: 'production' }],
  },
  {
    name: 'a different transition id: the bot’s call fails in production',
    production: {
      workflows: [workflow({ bot: { ...workflow().bot, resolve: { present: true, global: true, transitions: [{ id: '902', name: 'Resolve (Moveworks)', to: 'Resolved' }] } } })],
    },
    differences: [
      { area: 'transition', subject: 'Resolve transition id', production: '902', nonProduction: '901', fixOn: 'production', breaks: expect.stringContaining('Jira refuses the bot’s call') },
    ],
  },
  {
    name: 'a transition missing on production',
    production: { workflows: [workflow({ bot: { ...workflow().bot, reopen: { present: false, global: false, transitions: [] } } })] },
    differences: [{ area: 'transition', subject: 'Reopen transition', production: 'none', fixOn: 'production', breaks: expect.stringContaining('cannot reopen tickets') }],
  },
  {
    name: 'a transition that is global on one side only, and lands elsewhere',
    production: {
      workflows: [workflow({ bot: { ...workflow().bot, inProgress: { present: true, global: false, transitions: [{ id: '911', name: 'In progress (Moveworks)', to: 'Waiting for customer' }] } } })],
    },
    differences: [
      { subject: 'In Progress transition from any status', production: 'not global', nonProduction: 'global', fixOn: 'production' },
      { subject: 'In Progress transition 911 target status', production: 'Waiting for customer', nonProduction: 'In Progress' },
    ],
  },
  {
    name: 'a field missing from production’s Resolve screen',
    nonProduction: { workflows: [workflow({ resolveFields: { assignee: 'Assignee', resolution: 'Resolution', customfield_10070: 'Root cause' } })] },
    differences: [{ area: 'screen', subject: 'Resolve screen field “Root cause”', production: 'missing', nonProduction: 'on the screen', fixOn: 'production', breaks: expect.stringContaining('cannot resolve') }],
  },
  {
    name: 'Resolve screen fields are compared by name, so another site’s custom field ids do not count as differences',
    production: { baseUrl: 'https://acme.atlassian.net', workflows: [workflow({ resolveFields: { assignee: 'Assignee', customfield_10070: 'Root cause' } })] },
    nonProduction: { baseUrl: 'https://acme-sandbox.atlassian.net', workflows: [workflow({ resolveFields: { assignee: 'Assignee', customfield_12345: 'Root cause' } })] },
    differences: [],
  },
  {
    name: 'an extra workflow (an issue type in scope on production only)',
    production: {
      workflows: [workflow(), workflow({ name: 'IT: Incident Workflow', issueTypes: [{ id: '10005', name: 'Incident' }] })],
    },
    differences: [{ area: 'workflow', subject: 'Issue type “Incident”', production: 'IT: Incident Workflow', nonProduction: '—', fixOn: 'non-production' }],
  },
  {
    name: 'an issue type tuned on the test desk that production does not offer',
    nonProduction: { workflows: [workflow({ issueTypes: [{ id: '10003', name: 'IT Help' }, { id: '10004', name: 'Service Request' }] })] },
    differences: [{ area: 'workflow', subject: 'Issue type “Service Request”', production: '—', fixOn: 'production' }],
  },
  {
    name: 'the service account’s role on one side only',
    production: { checks: { ...desk('ITSD').checks, 'SA-PROJECT-ROLE': { status: 'fail', summary: 'not in the Service Desk Team role' } } },
    differences: [{ area: 'role', subject: 'SA-PROJECT-ROLE', production: 'fail', nonProduction: 'pass', fixOn: 'production', breaks: expect.stringContaining('Service Desk Team role') }],
  },
  {
    name: 'a check that fails on the test desk only is fixed there',
    nonProduction: { checks: { ...desk('ITSDTEST').checks, 'WF-STATUS-BUCKETS': { status: 'fail', summary: 'no status in Waiting for User' } } },
    differences: [{ area: 'check', subject: 'WF-STATUS-BUCKETS', production: 'pass', nonProduction: 'fail', fixOn: 'non-production' }],
  },
  {
    name: 'workflows not known on one side: nothing differs, but the comparison is not complete',
    nonProduction: { workflows: null, workflowsNote: 'its workflows could not be read: 403' },
    differences: [],
    unknown: 1,
  },
];

describe('compareDesks', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const comparison = compareDesks(desk('ITSD', c.production), desk('ITSDTEST', c.nonProduction));
    const differences = comparison.items.filter((i) => i.state === 'different');
    expect(differences).toEqual(c.differences.map((d) => expect.objectContaining(d)));
    expect(comparison.counts.unknown).toBe(c.unknown ?? 0);
    expect(comparison.matches).toBe(c.differences.length === 0 && !c.unknown);
    for (const d of differences) {
      expect(d.breaks).toMatch(/\S/);
      expect(d.remediation).toMatch(/\S/);
      expect(['production', 'non-production']).toContain(d.fixOn);
    }
  });

  it('lists differences first, then what could not be compared, then what is the same', () => {
    const comparison = compareDesks(
      desk('ITSD', { checks: { ...desk('ITSD').checks, 'CUST-COVERAGE': { status: 'pass', summary: '' } } }),
      desk('ITSDTEST', { workflows: [renamedStatus] }),
    );
    const states = comparison.items.map((i) => i.state);
    expect(states).toEqual([...states].sort((a, b) => ['different', 'unknown', 'same'].indexOf(a) - ['different', 'unknown', 'same'].indexOf(b)));
    expect(states[0]).toBe('different');
    expect(comparison.counts).toEqual({ different: 1, unknown: 1, same: comparison.items.length - 2 });
    expect(comparison.production).toEqual({ baseUrl: 'https://acme.atlassian.net', key: 'ITSD', name: 'IT Service Desk', generatedAt: '2026-11-28T09:00:00.000Z' });
  });

  it('keeps hostile names as data: nothing is interpreted, the renderers escape', () => {
    const hostile = '<script>alert("x")</script>';
    const comparison = compareDesks(desk('ITSD'), desk('ITSDTEST', { workflows: [workflow({ statuses: [...workflow().statuses, { id: '99', name: hostile, bucket: 'waiting' }] })] }));
    expect(comparison.items[0].subject).toBe(`Status “${hostile}”`);
  });
});
