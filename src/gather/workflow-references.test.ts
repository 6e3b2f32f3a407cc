import type { JiraWorkflowTransition } from './snapshot';
import { conditionGroupIds, parseList, restrictionGroupIds, transitionScreenId } from './workflow-references';

const screen = (rule: unknown): Pick<JiraWorkflowTransition, 'transitionScreen'> => ({ transitionScreen: rule as JiraWorkflowTransition['transitionScreen'] });

describe('transitionScreenId: both shapes Jira documents', () => {
  it.each<[string, unknown, string | null]>([
    ['parameters.screenId (the WorkflowRuleConfiguration schema)', { ruleKey: 'system:transition-screen', parameters: { screenId: '3' } }, '3'],
    ['params.screenId (the capabilities example)', { ruleKey: 'system:transition-screen', params: { screenId: '3' } }, '3'],
    ['parameters win over params', { ruleKey: 'system:transition-screen', parameters: { screenId: '3' }, params: { screenId: '9' } }, '3'],
    ['a number is read as its id', { ruleKey: 'system:transition-screen', params: { screenId: 10001 } }, '10001'],
    ['blank', { ruleKey: 'system:transition-screen', parameters: { screenId: ' ' } }, null],
    ['no screen', null, null],
    ['no parameters', { ruleKey: 'system:transition-screen' }, null],
  ])('%s', (_name, rule, id) => expect(transitionScreenId(screen(rule))).toBe(id));
});

describe('restriction groups', () => {
  it('reads groupIds of Restrict issue transition only, comma-separated or as a JSON array', () => {
    expect(restrictionGroupIds({ ruleKey: 'system:restrict-issue-transition', parameters: { groupIds: 'g-1, g-2' } })).toEqual(['g-1', 'g-2']);
    expect(restrictionGroupIds({ ruleKey: 'SYSTEM:Restrict-Issue-Transition', parameters: { groupIds: '["g-1"]' } })).toEqual(['g-1']);
    expect(restrictionGroupIds({ ruleKey: 'system:restrict-from-all-users', parameters: { groupIds: 'g-1' } })).toEqual([]);
    expect(parseList('')).toEqual([]);
  });

  it('collects every group once over transitions and nested condition groups', () => {
    const rule = (groupIds: string) => ({ ruleKey: 'system:restrict-issue-transition', parameters: { groupIds } });
    const transitions: Pick<JiraWorkflowTransition, 'conditions'>[] = [
      { conditions: { operation: 'ALL', conditions: [rule('g-1,g-2')], conditionGroups: [{ operation: 'ANY', conditions: [rule('g-3')] }] } },
      { conditions: { operation: 'ALL', conditions: [rule('g-2')] } },
      { conditions: null },
    ];
    expect(conditionGroupIds(transitions)).toEqual(['g-1', 'g-2', 'g-3']);
  });
});
