import { describeCheck } from '../testing/table';
import { DOCS } from '../links';
import { BASE_URL, failed, ok } from '../testing/snapshot-builder';
import { wfResolveScreenAssignee } from './wf-resolve-screen-assignee';
import { commonInvalidCases, commonValidCases } from './testing/common-cases';
import { drop, patch, RESOLVE_SCREEN, screen, screenRule, transition, workflowSite } from './testing/workflow-builder';

const screenUrl = `${BASE_URL}/secure/admin/ConfigureFieldScreen.jspa?id=10`;
const workflowUrl = `${BASE_URL}/secure/admin/workflows/ViewWorkflowSteps.jspa?workflowMode=live&workflowName=IT%20Support%20Workflow`;
const directedResolve = (id: string, screenId?: string) =>
  transition({ id, name: `Resolve ${id}`, type: 'DIRECTED', toStatusReference: '5', links: [{ fromStatusReference: '3' }], ...(screenId ? { transitionScreen: screenRule(screenId) } : {}) });

describeCheck(wfResolveScreenAssignee, {
  valid: [
    ...commonValidCases(),
    {
      name: 'names the transition and its screen',
      site: workflowSite(),
      summary: /Resolve transition’s screen has Assignee/,
      evidence: { workflows: [{ details: { resolveTransitions: [{ id: '11', screen: { id: '10', name: 'Screen 10' }, hasAssignee: true, global: true }] } }] },
    },
    {
      name: 'the screen id given as `params` (as the spec’s screen example spells it)',
      site: workflowSite({ transitions: patch('11', { transitionScreen: { ruleKey: 'system:transition-screen', params: { screenId: '10' } } as never }) }),
    },
    {
      name: 'no global resolve: every directed transition into Resolved has Assignee on its screen',
      site: workflowSite({ transitions: (ts) => [...drop('11')(ts), directedResolve('61', '10'), directedResolve('62', '10')] }),
      evidence: { workflows: [{ details: { resolveTransitions: [{ id: '61', global: false }, { id: '62', global: false }] } }] },
    },
    {
      name: 'a directed transition without a screen is not the Resolve transition when a global one exists',
      site: workflowSite({ transitions: (ts) => [...ts, directedResolve('61')] }),
    },
  ],
  invalid: [
    ...commonInvalidCases(),
    {
      name: 'the Resolve transition has no screen (required → fail)',
      verdict: 'violated',
      site: workflowSite({ transitions: patch('11', { transitionScreen: null }) }),
      summary: ['“Resolve (bot)” (11) → Resolved has no screen'],
      remediationUrls: [workflowUrl],
    },
    {
      name: 'the screen lacks Assignee',
      verdict: 'violated',
      site: workflowSite({ screens: { [RESOLVE_SCREEN]: ok(screen(RESOLVE_SCREEN, ['summary', 'resolution'])) } }),
      summary: 'the screen 10 of “Resolve (bot)” (11) → Resolved lacks Assignee',
      remediationUrls: [screenUrl],
      remediationText: 'Add the Assignee field to screen 10 (used by',
      evidence: { workflows: [{ details: { resolveTransitions: [{ id: '11', hasAssignee: false }] } }] },
    },
    {
      name: 'the screen lacks Assignee: named as admins know it, its id beside the name in evidence',
      verdict: 'violated',
      site: workflowSite({ screens: { [RESOLVE_SCREEN]: ok(screen(RESOLVE_SCREEN, ['summary', 'resolution'], 'IT: Resolve Issue Screen')) } }),
      summary: 'the screen “IT: Resolve Issue Screen” of “Resolve (bot)” (11) → Resolved lacks Assignee',
      remediationUrls: [screenUrl],
      remediationText: 'Add the Assignee field to screen “IT: Resolve Issue Screen” (used by transition “Resolve (bot)”',
      evidence: { workflows: [{ details: { resolveTransitions: [{ id: '11', screen: { id: '10', name: 'IT: Resolve Issue Screen' }, hasAssignee: false }] } }] },
    },
    {
      name: 'one of two directed resolve transitions lacks a screen',
      verdict: 'violated',
      site: workflowSite({ transitions: (ts) => [...drop('11')(ts), directedResolve('61', '10'), directedResolve('62')] }),
      summary: '“Resolve 62” (62) → Resolved has no screen',
    },
    {
      name: 'no transition into Resolved at all',
      verdict: 'violated',
      site: workflowSite({ transitions: drop('11') }),
      summary: 'no transition into a Resolved / Closed status',
    },
    {
      name: 'the screen could not be read',
      verdict: 'undecided',
      site: workflowSite({ screens: { [RESOLVE_SCREEN]: failed('forbidden', 'GET /rest/api/3/screens/{screenId}/tabs', 403) } }),
      summary: ['screen 10', 'could not be read', '403'],
      remediationUrls: [screenUrl],
    },
    {
      name: 'the screen was never read',
      verdict: 'undecided',
      site: workflowSite({ screens: {} }),
      summary: 'not read in this run',
    },
    {
      name: 'team-managed workflow data present but no transition screen',
      verdict: 'violated',
      project: { style: 'team-managed' },
      site: workflowSite({ transitions: patch('11', { transitionScreen: undefined }) }),
      remediationUrls: ['https://acme.atlassian.net/jira/servicedesk/projects/IT/settings/issuetypes', DOCS.teamManagedWorkflows],
      remediationText: 'team-managed project',
    },
  ],
});
