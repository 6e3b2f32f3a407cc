/** Jira's own fields, which any screen may carry: id → the name Jira gives it. */
export const SYSTEM_FIELDS: Readonly<Record<string, string>> = {
  summary: 'Summary',
  issuetype: 'Issue Type',
  reporter: 'Reporter',
  assignee: 'Assignee',
  description: 'Description',
  priority: 'Priority',
  labels: 'Labels',
  components: 'Components',
  resolution: 'Resolution',
  fixVersions: 'Fix versions',
  duedate: 'Due date',
  comment: 'Comment',
  environment: 'Environment',
  attachment: 'Attachment',
  timetracking: 'Time tracking',
  worklog: 'Log work',
};
