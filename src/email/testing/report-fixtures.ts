/**
 * Reports for the e-mail and history tests, built through the engine's own score
 * and gate so their numbers are the ones a real run would carry.
 */
import { gate, score } from '../../shared/score';
import type { CheckResult, ProjectReport, Report } from '../../shared/report-model';
import { fixtureGroup } from '../../shared/testing/fixture-groups';

/** Text that tries every way out of an HTML body, a subject line and a reader's direction. */
export const HOSTILE = {
  script: '<script>alert("x")</script>',
  quotes: `O'Brien "the" \`admin\` & co`,
  rtl: '\u202Eevil\u202C שירות לקוחות',
  emoji: '🚀 Desk 🧑🏽‍💻',
  long: 'L'.repeat(4_990) + '<b>end</b>',
};

export function check(partial: Partial<CheckResult> & Pick<CheckResult, 'id' | 'status'>): CheckResult {
  return { group: fixtureGroup(partial.id), severity: 'required', title: `${partial.id} title`, summary: `${partial.id} summary`, remediation: [], ...partial };
}

export function project(key: string, checks: CheckResult[], name = `${key} desk`): ProjectReport {
  return { key, id: `id-${key}`, name, style: 'company-managed', serviceDeskId: `sd-${key}`, ready: gate(checks), score: score(checks), checks };
}

export function report(siteChecks: CheckResult[], projects: ProjectReport[], generatedAt = '2026-11-28T09:00:00.000Z'): Report {
  const all = [...siteChecks, ...projects.flatMap((p) => p.checks)];
  return {
    schemaVersion: 1,
    generatedAt,
    site: { baseUrl: 'https://acme.atlassian.net' },
    serviceAccount: { accountId: '557058:sa', displayName: 'Moveworks Bot', emailAddress: 'bot@acme.com' },
    ready: gate(all),
    score: score(all),
    checks: siteChecks,
    projects,
  };
}
