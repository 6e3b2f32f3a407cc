/**
 * WF-BOT-TRANSITIONS-RESTRICTED: the bot's transitions (the global ones into
 * Resolved, In Progress and New / Reopened) are hidden from people by an API-only
 * condition, so agents keep using their own transitions.
 */
import type { RemediationStep } from '../../engine/types';
import type { ProjectCheck } from '../check';
import { DOCS } from '../links';
import { botTransitions } from './analysis/bot-transitions';
import { judgeProjectWorkflows, type WorkflowJudgement, type WorkflowJudgeContext } from './analysis/judge-project-workflows';
import { groupEnforces } from './analysis/rule-vocabulary';
import { transitionLabel, transitionRef } from './analysis/workflow-view';

const meta = {
  id: 'WF-BOT-TRANSITIONS-RESTRICTED',
  title: 'Bot transitions are API-only',
  failureTitle: 'Bot transitions are visible to people',
  description:
    'The “from any status” transitions Moveworks uses can be hidden from people with the Restrict transitions condition (users only) or the legacy Hide From User condition, so agents do not see extra buttons and keep their existing workflow. The API, and so the bot, can still use them.',
  severity: 'optional',
  group: 'workflows',
  scope: 'project',
  docsUrl: DOCS.moveworksRequirements,
} as const;

function judge({ view, workflowUrl }: WorkflowJudgeContext): WorkflowJudgement {
  const transitions = botTransitions(view);
  if (transitions.length === 0) {
    return {
      verdict: 'not_applicable',
      summary: 'no global transition for the bot to restrict (see WF-ANY-TO-RESOLVED, -IN-PROGRESS, -REOPENED)',
      details: { botTransitions: [] },
    };
  }
  const rows = transitions.map((t) => {
    const blocksEveryone = groupEnforces(t.raw.conditions, 'blocks-everyone');
    const hidden = !blocksEveryone && groupEnforces(t.raw.conditions, 'hides-from-people');
    return { t, row: { ...transitionRef(t), hiddenFromPeople: hidden || blocksEveryone, blocksApi: blocksEveryone } };
  });
  const blocked = rows.filter((r) => r.row.blocksApi).map((r) => r.t);
  const visible = rows.filter((r) => !r.row.hiddenFromPeople).map((r) => r.t);
  const details = { botTransitions: rows.map((r) => r.row) };
  if (blocked.length === 0 && visible.length === 0) {
    return { verdict: 'holds', summary: `${transitions.map(transitionLabel).join(', ')} hidden from people`, details };
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
      text: `In workflow “${view.name}”, change the restriction on ${blocked.map((t) => `“${t.name}”`).join(', ')} to restrict users only, so the API can still use ${blocked.length > 1 ? 'them' : 'it'}.`,
      url: workflowUrl,
    });
  }
  return { verdict: 'violated', summary: problems.join(' and '), details, remediation };
}

export const wfBotTransitionsRestricted: ProjectCheck = {
  meta,
  requires: ['requestTypes', 'workflows'],
  evaluate: (input) =>
    judgeProjectWorkflows(input, {
      meta,
      judge,
      holdsSummary: (n) => (n === 1 ? 'The bot’s transitions are hidden from people' : `In ${n === 2 ? 'both' : `all ${n}`} workflows the bot’s transitions are hidden from people`),
      generalRemediation: [{ text: 'Moveworks: restricting transitions to API use.', url: DOCS.moveworksRequirements }],
    }),
};
