import { rateLimitWaitProgress } from '../gather/progress';
import { formatBar, formatProgress, progressReporter } from './progress';

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

  it('on a terminal rewrites one line with a bar of desks done / total, and clears it at the end', () => {
    const chunks: string[] = [];
    let clock = 0;
    const tty = { write: (s: string) => chunks.push(s), isTTY: true, columns: 100 };
    const report = progressReporter(tty, () => clock);
    report({ stage: 'projects', done: 0, total: 1, message: 'Listing service desks' });
    clock = 200;
    report({ stage: 'project-details', done: 1, total: 4, message: 'Read FAC' });
    clock = 250;
    report({ stage: 'project-details', done: 2, total: 4, message: 'Read HR' }); // within 100 ms: skipped
    clock = 400;
    report({ stage: 'project-details', done: 4, total: 4, message: 'Read ITSD' });
    report.end();
    expect(chunks).toEqual([
      '\r[--------------------] 0/1 projects · Listing service desks',
      '\r\u001b[K[#####---------------] 1/4 desks · Read FAC',
      '\r\u001b[K[####################] 4/4 desks · Read ITSD',
      '\r\u001b[K',
    ]);
    expect(chunks.join('')).not.toContain('\n'); // one line, rewritten
  });

  it('on a terminal puts a wait for the rate limit on its own line above the bar', () => {
    const chunks: string[] = [];
    const report = progressReporter({ write: (s: string) => chunks.push(s), isTTY: true }, () => 0);
    report({ stage: 'project-details', done: 1, total: 2, message: 'Read HR' });
    report(rateLimitWaitProgress({ endpoint: 'GET /rest/api/3/group/member', waitMs: 3000 }));
    report({ stage: 'project-details', done: 2, total: 2, message: 'Read IT' });
    expect(chunks).toEqual([
      '\r[##########----------] 1/2 desks · Read HR',
      "\r\u001b[K… Waiting 3 s for Jira's rate limit on GET /rest/api/3/group/member\n",
      '\r[####################] 2/2 desks · Read IT',
    ]);
  });

  it('writes plain lines, never \\r, when standard error is not a terminal', () => {
    const chunks: string[] = [];
    const report = progressReporter({ write: (s: string) => chunks.push(s), isTTY: false }, () => 0);
    report({ stage: 'project-details', done: 1, total: 2, message: 'Read HR' });
    report.end();
    expect(chunks).toEqual(['… Read HR (project-details 1/2)\n']);
  });

  it('cuts the bar to the terminal width', () => {
    const line = formatBar({ stage: 'project-details', done: 1, total: 3, message: 'x'.repeat(200) }, 60);
    expect(line).toHaveLength(59);
    expect(line.endsWith('…')).toBe(true);
    expect(formatBar({ stage: 'changes', done: 1, total: 2, message: 'add-missing-customers: applied' })).toBe('[##########----------] 1/2 changes · add-missing-customers: applied');
  });
});
