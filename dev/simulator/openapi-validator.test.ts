import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { specOperations, toJsonSchema, validateAgainstSpec } from './openapi-validator';

const transition = {
  id: '901',
  name: 'Resolve',
  type: 'GLOBAL',
  toStatusReference: '10003',
  links: [],
  transitionScreen: { ruleKey: 'system:transition-screen', parameters: { screenId: '10000' } },
  conditions: { operation: 'ALL', conditions: [{ ruleKey: 'system:restrict-from-all-users', parameters: { restrictMode: 'users' } }], conditionGroups: [] },
  validators: [],
  actions: [],
};

const workflowsBody = (t: unknown) => ({
  workflows: [{ id: 'w1', name: 'WF', statuses: [{ statusReference: '10003' }], transitions: [t] }],
  statuses: [{ id: '10003', name: 'Resolved', statusCategory: 'DONE', statusReference: '10003', scope: { type: 'GLOBAL' } }],
});

describe('validateAgainstSpec', () => {
  it('accepts a well-formed workflow read response', () => {
    expect(validateAgainstSpec('POST', '/rest/api/3/workflows', 200, workflowsBody(transition))).toMatchObject({ checked: true, valid: true });
  });

  it('follows $refs deep into the document: a bad transition type is caught', () => {
    const result = validateAgainstSpec('POST', '/rest/api/3/workflows', 200, workflowsBody({ ...transition, type: 'FROM_ANY' }));
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/transitions\/0\/type/);
  });

  it('treats OpenAPI nullable as allowing null (a transition without a screen)', () => {
    expect(validateAgainstSpec('POST', '/rest/api/3/workflows', 200, workflowsBody({ ...transition, transitionScreen: null })).valid).toBe(true);
  });

  it('rejects properties the schema does not declare (additionalProperties: false)', () => {
    const result = validateAgainstSpec('GET', '/rest/api/3/myself', 200, { accountId: 'a', displayName: 'A', favouriteColour: 'blue' });
    expect(result.valid).toBe(false);
  });

  it('checks formats (self must be a URI) and enums (accountType)', () => {
    expect(validateAgainstSpec('GET', '/rest/api/3/user', 200, { accountId: 'a', self: 'not a uri' }).valid).toBe(false);
    expect(validateAgainstSpec('GET', '/rest/api/3/user', 200, { accountId: 'a', accountType: 'robot' }).valid).toBe(false);
  });

  it('validates JSM bodies against the service desk document', () => {
    expect(validateAgainstSpec('GET', '/rest/servicedeskapi/servicedesk/{serviceDeskId}/customer', 200, { values: [{ accountId: 7 }], isLastPage: true }).valid).toBe(false);
    expect(validateAgainstSpec('GET', '/rest/servicedeskapi/servicedesk/{serviceDeskId}/customer', 404, { errorMessage: 'x', i18nErrorMessage: { i18nKey: 'k', parameters: [] } }).valid).toBe(true);
  });

  it('reports undocumented statuses and unknown operations without calling them schema violations', () => {
    expect(validateAgainstSpec('GET', '/rest/servicedeskapi/servicedesk/{serviceDeskId}/customer', 412, {})).toMatchObject({ knownOperation: true, documentedStatus: false, checked: false, valid: true });
    expect(validateAgainstSpec('GET', '/rest/api/3/nothing', 200, {})).toMatchObject({ knownOperation: false, valid: false });
  });

  it('lists every operation of both trimmed documents', () => {
    const ops = specOperations();
    expect(ops).toContain('POST /rest/api/3/workflows');
    expect(ops).toContain('GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer');
    expect(ops).toContain('GET /rest/servicedeskapi/servicedesk/{serviceDeskId}');
    // As many as the two trimmed documents declare, each once.
    const declared = ['jira-platform', 'jira-servicedesk']
      .map((name) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'spec', `${name}.trimmed.json`), 'utf8')) as { paths: Record<string, Record<string, unknown>> })
      .flatMap((doc) => Object.values(doc.paths).flatMap((item) => Object.keys(item).filter((m) => ['get', 'post', 'put', 'delete', 'patch'].includes(m))));
    expect(new Set(ops).size).toBe(ops.length);
    expect(ops.length).toBe(declared.length);
  });
});

describe('toJsonSchema', () => {
  it('turns nullable types and enums into JSON Schema and points $refs at the document', () => {
    expect(toJsonSchema({ type: 'string', nullable: true, enum: ['a'] }, 'doc')).toEqual({ type: ['string', 'null'], enum: ['a', null] });
    expect(toJsonSchema({ $ref: '#/components/schemas/User' }, 'doc')).toEqual({ $ref: 'doc#/components/schemas/User' });
  });

  it('keeps property names that look like keywords', () => {
    expect(toJsonSchema({ properties: { nullable: { type: 'boolean' } } }, 'doc')).toEqual({ properties: { nullable: { type: 'boolean' } } });
  });
});
