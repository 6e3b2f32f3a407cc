import { buildRequestPath } from './request-path';

describe('buildRequestPath', () => {
  it('sends a JSM project identifier with its colon as Atlassian writes it (servicedesk/projectId:10012)', () => {
    expect(buildRequestPath('/rest/servicedeskapi/servicedesk/{serviceDeskId}', { serviceDeskId: 'projectId:10012' })).toBe('/rest/servicedeskapi/servicedesk/projectId:10012');
  });

  it('still escapes what would change the path: slashes, spaces, query characters', () => {
    expect(buildRequestPath('/rest/api/3/project/{projectIdOrKey}/role', { projectIdOrKey: 'a/b c?d#e' })).toBe('/rest/api/3/project/a%2Fb%20c%3Fd%23e/role');
    expect(buildRequestPath('/rest/api/3/user/search', {}, { query: 'a:b&c' })).toBe('/rest/api/3/user/search?query=a%3Ab%26c');
  });
});
