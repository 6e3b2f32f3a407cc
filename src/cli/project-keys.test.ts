import { unknownKeys, unknownKeysSentence } from './project-keys';

describe('unknown --project keys', () => {
  it('are the keys the listing marked as not on the site, not those it failed to read', () => {
    expect(
      unknownKeys([
        { key: 'HR' },
        { key: 'NOPE', unavailable: { kind: 'not_found', endpoint: 'GET /rest/servicedeskapi/servicedesk' } },
        { key: 'IT', unavailable: { kind: 'forbidden', endpoint: 'GET /rest/api/3/project/search' } },
      ]),
    ).toEqual(['NOPE']);
  });

  it('make one sentence, naming the desks that exist when they are few', () => {
    expect(unknownKeysSentence(['NOPE'], ['FAC', 'HR'], 'acme.atlassian.net')).toBe(
      '--project: no service desk project NOPE on acme.atlassian.net that this account can see; the service desks are FAC, HR.',
    );
    expect(unknownKeysSentence(['A', 'B'], Array.from({ length: 11 }, (_, i) => `K${i}`), 'x.net')).toBe(
      '--project: no service desk projects A, B on x.net that this account can see; check the key(s), or run without --project to check all 11 service desks.',
    );
    expect(unknownKeysSentence(['A'], [], 'x.net')).toBe('--project: no service desk project A on x.net that this account can see; this account sees no service desk at all.');
    expect(unknownKeysSentence(['A'], undefined, 'x.net')).toBe(
      '--project: no service desk project A on x.net that this account can see; check the key(s), or run without --project to check every service desk.',
    );
  });
});
