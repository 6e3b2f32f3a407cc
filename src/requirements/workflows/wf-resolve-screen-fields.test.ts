import { describeCheck } from '../testing/table';
import { BASE_URL, failed, ok } from '../testing/snapshot-builder';
import { wfResolveScreenFields } from './wf-resolve-screen-fields';
import { commonInvalidCases, commonValidCases } from './testing/common-cases';
import { drop, edits, patch, RESOLVE_SCREEN, screen, workflowSite } from './testing/workflow-builder';

const screenUrl = `${BASE_URL}/secure/admin/ConfigureFieldScreen.jspa?id=10`;
const noResolutionPostFunction = patch('11', { actions: [] });
const screenWith = (...fields: string[]) => ({ screens: { [RESOLVE_SCREEN]: ok(screen(RESOLVE_SCREEN, fields)) } });

describeCheck(wfResolveScreenFields, {
  valid: [
    ...commonValidCases(),
    {
      name: 'a post function sets Resolution and no validator requires anything: nothing to set',
      site: workflowSite(screenWith('summary', 'assignee')),
      evidence: { workflows: [{ details: { resolveTransitions: [{ id: '11', fieldsToSet: [], resolutionSetByPostFunction: true }] } }] },
    },
    {
      name: 'no post function: Resolution is on the screen',
      site: workflowSite({ transitions: noResolutionPostFunction }),
      evidence: { workflows: [{ summary: 'Resolution on the Resolve screen', details: { resolveTransitions: [{ fieldsToSet: [{ id: 'resolution', name: 'Resolution' }], missing: [] }] } }] },
    },
    {
      name: 'a system:validate-field-value fieldRequired field is on the screen',
      site: workflowSite({
        transitions: patch('11', { validators: [{ ruleKey: 'system:validate-field-value', parameters: { ruleType: 'fieldRequired', fieldsRequired: 'customfield_10050', ignoreContext: 'true' } }] }),
        ...screenWith('assignee', 'customfield_10050'),
      }),
    },
    {
      name: 'a required custom field on the screen: the summary and evidence name it as the screen does',
      site: workflowSite({
        transitions: patch('11', { validators: [{ ruleKey: 'system:validate-field-value', parameters: { ruleType: 'fieldRequired', fieldsRequired: 'customfield_10060' } }] }),
        screens: { [RESOLVE_SCREEN]: ok(screen(RESOLVE_SCREEN, ['assignee', 'customfield_10060'], 'HR: Onboarding Complete Screen', { customfield_10060: 'Start date' })) },
      }),
      evidence: {
        workflows: [
          {
            summary: 'Start date on the Resolve screen',
            details: { resolveTransitions: [{ screen: { id: '10', name: 'HR: Onboarding Complete Screen' }, fieldsToSet: [{ id: 'customfield_10060', name: 'Start date' }], missing: [] }] },
          },
        ],
      },
    },
    {
      name: 'nothing must be set, so an unreadable screen does not matter here',
      site: workflowSite({ screens: { [RESOLVE_SCREEN]: failed('server', 'GET /rest/api/3/screens/{screenId}/tabs', 503) } }),
      summary: 'Every field required on resolution is on the Resolve screen',
    },
  ],
  invalid: [
    ...commonInvalidCases(),
    {
      name: 'no post function sets Resolution and it is not on the screen (required → fail)',
      verdict: 'violated',
      site: workflowSite({ transitions: noResolutionPostFunction, ...screenWith('summary', 'assignee') }),
      summary: 'lacks Resolution',
      remediationUrls: [screenUrl],
      evidence: { workflows: [{ details: { resolveTransitions: [{ id: '11', screen: { id: '10', name: 'Screen 10' }, missing: [{ id: 'resolution', name: 'Resolution' }] }] } }] },
    },
    {
      name: 'a post function that clears Resolution does not set it',
      verdict: 'violated',
      site: workflowSite({
        transitions: patch('11', { actions: [{ ruleKey: 'UpdateIssueFieldFunction', parameters: { 'field.name': 'resolution', 'field.value': '' } }] }),
        ...screenWith('assignee'),
      }),
      summary: 'lacks Resolution',
    },
    {
      name: 'system:validate-field-value requires a custom field missing from the screen',
      verdict: 'violated',
      site: workflowSite({
        transitions: patch('11', { validators: [{ ruleKey: 'system:validate-field-value', parameters: { ruleType: 'fieldRequired', fieldsRequired: 'customfield_10050,components' } }] }),
      }),
      summary: 'lacks customfield_10050, components',
      evidence: {
        workflows: [
          {
            details: {
              resolveTransitions: [
                {
                  requiredByValidators: [
                    { id: 'customfield_10050', name: 'customfield_10050' },
                    { id: 'components', name: 'components' },
                  ],
                  missing: [
                    { id: 'customfield_10050', name: 'customfield_10050' },
                    { id: 'components', name: 'components' },
                  ],
                },
              ],
            },
          },
        ],
      },
    },
    {
      name: 'legacy FieldRequiredValidator (fully qualified, fieldIds as JSON) requires a field missing from the screen',
      verdict: 'violated',
      site: workflowSite({
        transitions: patch('11', { validators: [{ ruleKey: 'com.atlassian.jira.workflow.validator.FieldRequiredValidator', parameters: { fieldIds: '["customfield_10060"]' } }] }),
      }),
      summary: 'lacks customfield_10060',
    },
    {
      name: 'a required custom field missing from a named screen: named as another screen of the run shows it',
      verdict: 'violated',
      site: workflowSite({
        transitions: patch('11', { validators: [{ ruleKey: 'system:validate-field-value', parameters: { ruleType: 'fieldRequired', fieldsRequired: 'customfield_10060' } }] }),
        screens: {
          [RESOLVE_SCREEN]: ok(screen(RESOLVE_SCREEN, ['assignee'], 'HR: Onboarding Complete Screen')),
          '20': ok(screen('20', ['customfield_10060'], 'HR: Start Screen', { customfield_10060: 'Start date' })),
        },
      }),
      summary: 'the screen “HR: Onboarding Complete Screen” of “Resolve (bot)” (11) → Resolved lacks Start date',
      remediationText: 'Add Start date to screen “HR: Onboarding Complete Screen” (used by transition “Resolve (bot)”',
      evidence: { workflows: [{ details: { resolveTransitions: [{ missing: [{ id: 'customfield_10060', name: 'Start date' }], requiredByValidators: [{ id: 'customfield_10060', name: 'Start date' }] }] } }] },
    },
    {
      name: 'legacy FieldRequiredValidator (bare name, fieldId)',
      verdict: 'violated',
      site: workflowSite({ transitions: patch('11', { validators: [{ ruleKey: 'FieldRequiredValidator', parameters: { fieldId: 'fixVersions' } }] }) }),
      summary: 'lacks Fix versions',
    },
    {
      name: 'required fields but no screen',
      verdict: 'violated',
      site: workflowSite({ transitions: edits(noResolutionPostFunction, patch('11', { transitionScreen: null })) }),
      summary: 'has no screen for Resolution',
    },
    {
      name: 'no transition into Resolved',
      verdict: 'violated',
      site: workflowSite({ transitions: drop('11') }),
      summary: 'no transition into a Resolved / Closed status',
    },
    {
      name: 'the screen could not be read',
      verdict: 'undecided',
      site: workflowSite({ transitions: noResolutionPostFunction, screens: { [RESOLVE_SCREEN]: failed('server', 'GET /rest/api/3/screens/{screenId}/tabs', 503) } }),
      summary: ['screen 10', '503'],
    },

    {
      name: 'team-managed project: Resolution missing from the screen',
      verdict: 'violated',
      project: { style: 'team-managed' },
      site: workflowSite({ transitions: noResolutionPostFunction, ...screenWith('assignee') }),
    },
  ],
});
