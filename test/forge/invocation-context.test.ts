import { invocationContextOf, siteUrlOf } from '../../src/forge/runtime/invocation-context';

describe('invocationContextOf', () => {
  it('reads the project only from the project settings page extension context', () => {
    expect(invocationContextOf({ accountId: 'a-1', extension: { type: 'jira:projectSettingsPage', project: { key: 'IT', id: '10000' } } })).toEqual({
      accountId: 'a-1',
      surface: 'project',
      projectKey: 'IT',
    });
  });

  it('treats the admin page and anything unrecognised as the admin surface (strictest permission)', () => {
    expect(invocationContextOf({ accountId: 'a-1', extension: { type: 'jira:adminPage' } })).toEqual({ accountId: 'a-1', surface: 'admin' });
    expect(invocationContextOf({ accountId: 'a-1', extension: { type: 'jira:issuePanel', project: { key: 'IT' } } })).toEqual({ accountId: 'a-1', surface: 'admin' });
    expect(invocationContextOf(undefined)).toEqual({ accountId: undefined, surface: 'admin' });
  });

  it('leaves the project out when the page did not give one, so authorisation denies', () => {
    expect(invocationContextOf({ accountId: 'a', extension: { type: 'jira:projectSettingsPage' } })).toEqual({ accountId: 'a', surface: 'project' });
  });

  it('accepts only an https site URL', () => {
    expect(siteUrlOf({ siteUrl: 'https://acme.atlassian.net/' })).toBe('https://acme.atlassian.net');
    expect(siteUrlOf({ siteUrl: 'javascript:alert(1)' })).toBeUndefined();
    expect(siteUrlOf({})).toBeUndefined();
  });
});
