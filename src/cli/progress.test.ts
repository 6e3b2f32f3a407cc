import { rateLimitWaitProgress } from '../gather/progress';
import { formatProgress, progressReporter } from './progress';

describe('progress', () => {
  it('formats the message with the stage count', () => {
    expect(formatProgress({ stage: 'projects', done: 2, total: 5, message: 'Reading project HR' })).toBe('Reading project HR (projects 2/5)');
    expect(formatProgress({ stage: 'server', done: 0, total: 0, message: 'Reading server info\u001b[2J' })).toBe('Reading server info[2J');
  });

  it('writes stage changes and stage ends, and throttles steps within a stage', () => {
    const lines: string[] = [];
    let clock = 0;
    const report = progressReporter({ write: (s) => lines.push(s) }, () => clock, 1000);
    report({ stage: 'projects', done: 0, total: 3, message: 'a' });
    clock = 100;
    report({ stage: 'projects', done: 1, total: 3, message: 'b' }); // throttled
    clock = 1200;
    report({ stage: 'projects', done: 2, total: 3, message: 'c' });
    clock = 1300;
    report({ stage: 'projects', done: 3, total: 3, message: 'd' }); // stage end
    report({ stage: 'workflows', done: 0, total: 1, message: 'e' }); // new stage
    expect(lines).toEqual(['… a (projects 0/3)\n', '… c (projects 2/3)\n', '… d (projects 3/3)\n', '… e (workflows 0/1)\n']);
  });

  it('always writes a wait for the Jira rate limit, with how long and on which endpoint', () => {
    const lines: string[] = [];
    const report = progressReporter({ write: (s) => lines.push(s) }, () => 0, 1000);
    report({ stage: 'projects', done: 0, total: 3, message: 'a' });
    report(rateLimitWaitProgress({ endpoint: 'GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer', waitMs: 119_200 }));
    report(rateLimitWaitProgress({ endpoint: 'GET /rest/api/3/group/member', waitMs: 3000, reason: 'jira-burst-based' }));
    expect(lines).toEqual([
      '… a (projects 0/3)\n',
      "… Waiting 120 s for Jira's rate limit on GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer\n",
      "… Waiting 3 s for Jira's rate limit on GET /rest/api/3/group/member\n",
    ]);
  });
});
