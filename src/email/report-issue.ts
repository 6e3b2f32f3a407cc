/**
 * The issue whose notify endpoint carries the report e-mail. Jira can only e-mail
 * "about an issue", so when the admin has not chosen one the app creates one in the
 * chosen project, once, and the caller keeps its key in the settings.
 *
 * The project is the admin's choice, never guessed: Jira e-mails only recipients who
 * can see the issue, and in a service desk that is its agents (and the reporter,
 * here the app), not the customers or other staff. Settings says so beside the
 * field, and every send and save lists the recipients who cannot see the issue
 * (see recipient-reach.ts), so a desk chosen by mistake shows at once.
 *
 * Issue type: the admin may name one (`issueTypeId`); otherwise the project's first
 * standard issue type (not a subtask, not an epic) from
 * `GET /rest/api/3/project/search?keys=KEY&expand=issueTypes`. createmeta would be
 * more precise about required fields but is not in the app's trimmed API surface,
 * and a project whose first type demands extra fields is rare enough to answer with
 * Jira's own message ("Field 'x' is required") and the advice to choose an issue.
 */
import type { components } from '../jira/generated/jira-platform';
import type { JiraClient } from '../jira/jira-client';

type Project = components['schemas']['Project'];
type PageBeanProject = components['schemas']['PageBeanProject'];
type IssueTypeDetails = components['schemas']['IssueTypeDetails'];
type CreatedIssue = components['schemas']['CreatedIssue'];

export const REPORT_ISSUE_SUMMARY = 'Moveworks readiness reports';

/** A failure the admin can act on, already worded for them. */
export class ReportIssueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportIssueError';
  }
}

/** Standard types first (hierarchy level 0), then any other non-subtask type; undefined when there is none. */
export function pickIssueType(types: readonly IssueTypeDetails[]): IssueTypeDetails | undefined {
  const usable = types.filter((t) => t.subtask !== true && t.id);
  return usable.find((t) => (t.hierarchyLevel ?? 0) === 0) ?? usable[0];
}

async function findIssueTypeId(client: JiraClient, projectKey: string): Promise<string> {
  const page = await client.get<PageBeanProject>('/rest/api/3/project/search', { query: { keys: [projectKey], expand: 'issueTypes' } });
  const project: Project | undefined = (page?.values ?? []).find((p) => p.key === projectKey);
  if (!project) throw new ReportIssueError(`Project ${projectKey} was not found, or the app cannot see it.`);
  const type = pickIssueType(project.issueTypes ?? []);
  if (!type?.id) throw new ReportIssueError(`Project ${projectKey} has no issue type the app can create; choose an existing report issue instead.`);
  return type.id;
}

/** Creates the report issue and returns its key. Throws JiraError or ReportIssueError. */
export async function createReportIssue(client: JiraClient, projectKey: string, issueTypeId?: string): Promise<string> {
  const typeId = issueTypeId || (await findIssueTypeId(client, projectKey));
  const created = await client.post<CreatedIssue>('/rest/api/3/issue', {
    fields: { project: { key: projectKey }, issuetype: { id: typeId }, summary: REPORT_ISSUE_SUMMARY },
  });
  if (!created?.key) throw new ReportIssueError(`Jira created no issue key in ${projectKey}.`);
  return created.key;
}
