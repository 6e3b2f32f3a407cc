import { fieldsRequiredBy, parseList, ruleName, setsResolution, unassigns, type Rule } from './rule-vocabulary';

const rule = (ruleKey: string, parameters: Record<string, string> = {}): Rule => ({ ruleKey, parameters });

describe('ruleName', () => {
  it.each([
    ['system:update-field', 'system:update-field'],
    ['SYSTEM:Update-Field', 'system:update-field'],
    ['UpdateIssueFieldFunction', 'updateissuefieldfunction'],
    ['com.atlassian.jira.workflow.function.issue.UpdateIssueFieldFunction', 'updateissuefieldfunction'],
    ['com.atlassian.jira.workflow.condition.RemoteOnlyCondition', 'remoteonlycondition'],
  ])('%s → %s', (key, name) => expect(ruleName(key)).toBe(name));
});

describe('parseList', () => {
  it.each([
    ['a, b', ['a', 'b']],
    ['["a","b"]', ['a', 'b']],
    ['[a, b]', ['a', 'b']],
    ['', []],
  ])('%p → %p', (value, list) => expect(parseList(value)).toEqual(list));
});

describe('fieldsRequiredBy: both vocabularies', () => {
  it.each<[string, Rule, string[]]>([
    ['system fieldRequired', rule('system:validate-field-value', { ruleType: 'fieldRequired', fieldsRequired: 'assignee' }), ['assignee']],
    ['system fieldRequired, several', rule('system:validate-field-value', { ruleType: 'fieldRequired', fieldsRequired: 'customfield_10050, components' }), ['customfield_10050', 'components']],
    ['system fieldChanged', rule('system:validate-field-value', { ruleType: 'fieldChanged', fieldKey: 'versions' }), ['versions']],
    ['system regular expression does not require', rule('system:validate-field-value', { ruleType: 'fieldMatchesRegularExpression', fieldKey: 'description', regexp: 'x' }), []],
    ['system date comparison does not require', rule('system:validate-field-value', { ruleType: 'dateFieldComparison', date1FieldKey: 'duedate', date2FieldKey: 'x' }), []],
    ['system check-field-value used as a validator', rule('system:check-field-value', { fieldId: 'Resolution' }), ['resolution']],
    ['legacy FieldRequiredValidator, fieldIds JSON', rule('FieldRequiredValidator', { fieldIds: '["customfield_1","assignee"]' }), ['customfield_1', 'assignee']],
    ['legacy fully qualified, fieldIds comma list', rule('com.atlassian.jira.workflow.validator.FieldRequiredValidator', { fieldIds: 'resolution,customfield_2' }), ['resolution', 'customfield_2']],
    ['legacy fieldId', rule('com.atlassian.jira.workflow.validators.FieldRequiredValidator', { fieldId: 'fixVersions' }), ['fixversions']],
    ['legacy fieldKey', rule('FieldRequiredValidator', { fieldKey: 'customfield_3' }), ['customfield_3']],
    ['legacy FieldsRequiredValidator (JSU-style)', rule('com.googlecode.jsu.workflow.validator.FieldsRequiredValidator', { fieldsRequired: 'customfield_4' }), ['customfield_4']],
    ['a permission validator requires no field', rule('system:check-permission-validator', { permissionKey: 'ADMINISTER_PROJECTS' }), []],
  ])('%s', (_name, r, fields) => expect(fieldsRequiredBy(r)).toEqual(fields));
});

describe('setsResolution: both vocabularies', () => {
  it.each<[string, Rule, boolean]>([
    ['system:update-field resolution', rule('system:update-field', { field: 'resolution', value: '10000', mode: 'replace' }), true],
    ['system:update-field to empty clears it', rule('system:update-field', { field: 'resolution', value: '' }), false],
    ['system:update-field other field', rule('system:update-field', { field: 'customfield_10056', value: 'x' }), false],
    ['legacy UpdateIssueFieldFunction', rule('UpdateIssueFieldFunction', { 'field.name': 'resolution', 'field.value': '10000' }), true],
    ['legacy fully qualified', rule('com.atlassian.jira.workflow.function.issue.UpdateIssueFieldFunction', { 'field.name': 'Resolution', 'field.value': 'Done' }), true],
    ['legacy with no value clears it', rule('UpdateIssueFieldFunction', { 'field.name': 'resolution' }), false],
    ['legacy fieldId/fieldValue spelling', rule('UpdateIssueFieldFunction', { fieldId: 'resolution', fieldValue: '10000' }), true],
    ['change-assignee is not resolution', rule('system:change-assignee', { type: 'to-unassigned' }), false],
  ])('%s', (_name, r, expected) => expect(setsResolution(r)).toBe(expected));
});

describe('unassigns: both vocabularies', () => {
  it.each<[string, Rule, boolean]>([
    ['system:change-assignee to-unassigned', rule('system:change-assignee', { type: 'to-unassigned' }), true],
    ['system:change-assignee to-selected-user', rule('system:change-assignee', { type: 'to-selected-user', accountId: 'x' }), false],
    ['system:change-assignee to-current-user', rule('system:change-assignee', { type: 'to-current-user' }), false],
    ['system:update-field assignee empty', rule('system:update-field', { field: 'assignee', value: '' }), true],
    ['legacy UpdateIssueFieldFunction assignee empty', rule('UpdateIssueFieldFunction', { 'field.name': 'assignee', 'field.value': '' }), true],
    ['legacy fully qualified, no value', rule('com.atlassian.jira.workflow.function.issue.UpdateIssueFieldFunction', { 'field.name': 'assignee' }), true],
    ['legacy assignee "-1" is Automatic', rule('UpdateIssueFieldFunction', { 'field.name': 'assignee', 'field.value': '-1' }), false],
    ['legacy assignee set to someone', rule('UpdateIssueFieldFunction', { 'field.name': 'assignee', 'field.value': '557058:abc' }), false],
    ['legacy AssignToLeadFunction', rule('com.atlassian.jira.workflow.function.issue.AssignToLeadFunction'), false],
    ['legacy AssignToCurrentUserFunction', rule('AssignToCurrentUserFunction'), false],
  ])('%s', (_name, r, expected) => expect(unassigns(r)).toBe(expected));
});
