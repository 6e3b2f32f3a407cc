/**
 * A hand-built report for renderer tests: one site, two projects, every status,
 * and text that tries to break out of HTML, CSV and the terminal.
 */
import type { CheckResult, CheckStatus, Report, Score } from '../../shared/report-model';
import { fixtureGroup } from '../../shared/testing/fixture-groups';

export const HOSTILE_NAME = '<script>alert("x")</script> & \u001b[31mred';

function score(percent: number | null, requiredPassed: number, requiredTotal: number, statuses: CheckStatus[]): Score {
  const counts: Record<CheckStatus, number> = { pass: 0, warn: 0, fail: 0, manual: 0, error: 0, not_applicable: 0 };
  for (const s of statuses) counts[s] += 1;
  return { percent, requiredPassed, requiredTotal, counts };
}

function check(partial: Partial<CheckResult> & Pick<CheckResult, 'id' | 'status' | 'severity'>): CheckResult {
  return { group: fixtureGroup(partial.id), title: partial.id, summary: `${partial.id} summary`, remediation: [], ...partial };
}

export function sampleReport(): Report {
  const siteChecks: CheckResult[] = [
    check({ id: 'SA-EXISTS', status: 'pass', severity: 'required', title: 'Service account exists', summary: 'Moveworks Bot is an active Atlassian account.', evidence: { accountId: '557058:sa' } }),
    check({
      id: 'SA-TIMEZONE',
      status: 'fail',
      severity: 'required',
      title: 'Service account time zone',
      summary: 'Time zone is Europe/London, not America/Danmarkshavn.',
      evidence: { timeZone: 'Europe/London' },
      remediation: [
        { text: 'Set the time zone to America/Danmarkshavn in account preferences.', url: 'https://id.atlassian.com/manage-profile/account-preferences' },
        { text: 'A step with a hostile link', url: 'javascript:alert(1)' },
      ],
    }),
    check({ id: 'SA-API-TOKEN', status: 'manual', severity: 'required', title: 'API token', summary: 'Attest that an API token exists.', remediation: [{ text: 'Create a token.', url: 'https://id.atlassian.com/manage-profile/security/api-tokens' }] }),
    check({ id: 'MW-CONNECTOR', status: 'pass', severity: 'required', title: 'Connector', summary: 'Attested by Ada.', attestation: { by: 'Ada', at: '2026-11-27T10:00:00.000Z' } }),
  ];
  const itChecks: CheckResult[] = [
    check({ id: 'SA-PROJECT-ROLE', status: 'pass', severity: 'required', title: 'Service Desk Team role' }),
    check({
      id: 'CUST-COVERAGE',
      status: 'fail',
      severity: 'required',
      title: 'End users are customers',
      summary: `2 of 5 members of ${HOSTILE_NAME} are not customers.`,
      evidence: { covered: 3, missing: 2, missingUsers: [{ accountId: 'u1', displayName: HOSTILE_NAME }] },
      remediation: [{ text: 'Add the missing users as customers.', url: 'https://acme.atlassian.net/jira/servicedesk/projects/IT/customers' }],
    }),
    check({ id: 'WF-ANY-TO-IN-PROGRESS', status: 'warn', severity: 'recommended', title: 'Any → In Progress', summary: '=HYPERLINK("http://evil")' }),
    check({ id: 'WF-ANY-TO-RESOLVED', status: 'error', severity: 'required', title: 'Any → Resolved', summary: 'Could not read workflow "IT, Support": Jira answered 403.', dependsOn: undefined }),
    check({
      id: 'WF-EXPORT',
      status: 'pass',
      severity: 'optional',
      title: 'Workflow export',
      summary: 'Workflows exported.',
      evidence: {
        workflows: [
          {
            name: 'IT Support Workflow',
            issueTypes: [{ id: '10001', name: 'IT Help' }],
            statuses: [
              { id: '1', name: 'Open', bucket: 'new' },
              { id: '3', name: 'In Progress', bucket: 'in_progress' },
              { id: '5', name: 'Resolved', bucket: 'resolved' },
            ],
            transitions: { resolve: ['51'], inProgress: ['31'], reopen: [] },
          },
        ],
      },
    }),
  ];
  const hrChecks: CheckResult[] = [
    check({ id: 'SA-PROJECT-ROLE', status: 'pass', severity: 'required', title: 'Service Desk Team role' }),
    check({ id: 'WF-REOPEN-UNASSIGNS', status: 'not_applicable', severity: 'optional', title: 'Reopen unassigns', summary: 'Team-managed project.' }),
  ];
  return {
    schemaVersion: 1,
    generatedAt: '2026-11-28T09:00:00.000Z',
    site: { baseUrl: 'https://acme.atlassian.net' },
    serviceAccount: { accountId: '557058:sa', displayName: 'Moveworks Bot', emailAddress: 'moveworks-bot@acme.com' },
    ready: false,
    score: score(50, 4, 8, [...siteChecks, ...itChecks, ...hrChecks].map((c) => c.status)),
    checks: siteChecks,
    projects: [
      { key: 'IT', id: '10000', name: 'IT Service Desk', style: 'company-managed', serviceDeskId: '1', ready: false, score: score(33.3333, 1, 3, itChecks.map((c) => c.status)), checks: itChecks },
      { key: 'HR', id: '10001', name: `HR ${HOSTILE_NAME}`, style: 'team-managed', serviceDeskId: '2', ready: true, score: score(100, 1, 1, hrChecks.map((c) => c.status)), checks: hrChecks },
    ],
  };
}
