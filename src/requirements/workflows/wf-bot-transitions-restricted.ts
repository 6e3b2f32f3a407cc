/**
 * WF-BOT-TRANSITIONS-RESTRICTED: the bot's transitions (the global ones into
 * Resolved, In Progress and New / Reopened) are hidden from people, so agents keep
 * using their own transitions: by an API-only condition, or by a Restrict issue
 * transition condition that admits the service account alone (its accountId, or
 * groups whose only active member it is). A group that could not be read leaves
 * that transition undecided.
 */
import type { RemediationStep } from '../../shared/report-model';
import type { ProjectCheck } from '../check';
import { DOCS } from '../links';
import { botTransitions } from './analysis/bot-transitions';
import { inEachWorkflow, workflowCheck, type WorkflowJudgement, type WorkflowJudgeContext } from './analysis/judge-project-workflows';
import { audienceFacts, groupAdmits, isUndecided, not, type Maybe } from './analysis/who-may-transition';
import { transitionLabel, transitionRef, type TransitionView } from './analysis/workflow-view';

const meta = {
  id: 'WF-BOT-TRANSITIONS-RESTRICTED',
  title: 'Bot transitions are API-only',
  failureTitle: 'Bot transitions are visible to people',
  description:
    'The “from any status” transitions Moveworks uses can be hidden from people with the Restrict transitions condition (users only), the legacy Hide From User condition, or a Restrict issue transition condition that admits only the Moveworks service account (or a group whose only member it is), so agents do not see extra buttons and keep their existing workflow. The bot can still use them.',
  severity: 'optional',
  group: 'workflows',
  scope: 'project',
  docsUrl: DOCS.moveworksRequirements,
} as const;

/** As evidence: yes / no, or null when undecided (the reason goes in `undecided`). */
function known(value: Maybe): boolean | null {
  return isUndecided(value) ? null : value;
}

function judge({ view, workflowUrl, input }: WorkflowJudgeContext): WorkflowJudgement {
  const transitions = botTransitions(view);
  if (transitions.length === 0) {
    return {
      verdict: 'not_applicable',
      summary: 'no global transition for the bot to restrict (see WF-ANY-TO-RESOLVED, -IN-PROGRESS, -REOPENED)',
      details: { botTransitions: [] },
    };
  }
  const facts = audienceFacts(input.snapshot);
  const rows = transitions.map((t) => {
    const admits = groupAdmits(t.raw.conditions, facts);
    const hidden = not(admits.people);
    const blocksApi = not(admits.bot);
    const reason = [hidden, blocksApi].find(isUndecided)?.undecided;
    return { t, hidden, blocksApi, reason, row: { ...transitionRef(t), hiddenFromPeople: known(hidden), blocksApi: known(blocksApi), ...(reason ? { undecided: reason } : {}) } };
  });
  const blocked = rows.filter((r) => r.blocksApi === true).map((r) => r.t);
  const visible = rows.filter((r) => r.hidden === false).map((r) => r.t);
  const unknown = rows.filter((r) => r.reason !== undefined && r.hidden !== false && r.blocksApi !== true);
  const details = { botTransitions: rows.map((r) => r.row) };
  if (blocked.length === 0 && visible.length === 0 && unknown.length === 0) {
    return { verdict: 'holds', summary: `${transitions.map(transitionLabel).join(', ')} hidden from people`, details };
  }
  if (blocked.length === 0 && visible.length === 0) {
    return {
      verdict: 'undecided',
      summary: `could not tell who may use ${unknown.map((r) => `${transitionLabel(r.t)}: ${r.reason}`).join('; ')}`,
      details,
      remediation: undecidedSteps(unknown.map((r) => r.t), view.name, workflowUrl),
    };
  }
  const problems: string[] = [];
  const remediation: RemediationStep[] = [];
  if (visible.length > 0) {
    problems.push(`${visible.map(transitionLabel).join(', ')} ${visible.length > 1 ? 'are' : 'is'} visible to people`);
    remediation.push({
      text: `In workflow “${view.name}”, add the “Restrict transition” condition (restrict to users, not the API) — or the Hide From User condition — to ${visible.map((t) => `“${t.name}”`).join(', ')}.`,
      url: workflowUrl,
    });
  }
  if (blocked.length > 0) {
    problems.push(`${blocked.map(transitionLabel).join(', ')} ${blocked.length > 1 ? 'are' : 'is'} restricted from the API too, so the bot cannot use ${blocked.length > 1 ? 'them' : 'it'}`);
    remediation.push({
      text: `In workflow “${view.name}”, change the restriction on ${blocked.map((t) => `“${t.name}”`).join(', ')} to restrict users only (or admit the service account), so the bot can still use ${blocked.length > 1 ? 'them' : 'it'}.`,
      url: workflowUrl,
    });
  }
  if (unknown.length > 0) {
    problems.push(`who may use ${unknown.map((r) => `${transitionLabel(r.t)} is unknown (${r.reason})`).join('; ')}`);
    remediation.push(...undecidedSteps(unknown.map((r) => r.t), view.name, workflowUrl));
  }
  return { verdict: 'violated', summary: problems.join(' and '), details, remediation };
}

function undecidedSteps(transitions: TransitionView[], workflowName: string, workflowUrl: string): RemediationStep[] {
  return [
    {
      text: 'Make sure the service account is configured and found, and that the app (or the CLI’s account) can list group members (Browse users and groups, or Administer Jira), then run the check again.',
    },
    {
      text: `Or, in workflow “${workflowName}”, restrict ${transitions.map((t) => `“${t.name}”`).join(', ')} with the “Restrict transition” condition (users only), which needs no group to be read.`,
      url: workflowUrl,
    },
  ];
}

export const wfBotTransitionsRestricted: ProjectCheck = workflowCheck({
  meta,
  requires: ['requestTypes', 'workflows', 'serviceAccount', 'workflowGroups'],
  optional: ['serviceAccount'],
  judge,
  holdsSummary: inEachWorkflow('the bot’s transitions are hidden from people'),
  generalRemediation: [{ text: 'Moveworks: restricting transitions to API use.', url: DOCS.moveworksRequirements }],
});
