import { parseCliArgs } from './args';
import { UsageError } from './usage-error';

function problem(argv: string[]): string {
  try {
    parseCliArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('parseCliArgs', () => {
  it('reads every option of docs/cli.md, repeatable ones as lists', () => {
    const parsed = parseCliArgs([
      'check', '--site', 'https://acme.atlassian.net', '--email', 'a@acme.com', '--token', 't0k',
      '--service-account', 'bot@acme.com', '--service-account-token', 'sat', '--end-user-group', 'staff',
      '--end-user-group', 'contractors', '--project', 'IT', '--project=HR', '--skills', 'none',
      '--config', 'c.json', '--format', 'json', '--out', 'r.json',
    ]);
    expect(parsed).toEqual({
      command: 'check',
      flags: {
        site: 'https://acme.atlassian.net', email: 'a@acme.com', token: 't0k', serviceAccount: 'bot@acme.com',
        serviceAccountToken: 'sat', endUserGroups: ['staff', 'contractors'], projects: ['IT', 'HR'], skills: 'none',
        config: 'c.json', format: 'json', out: 'r.json', demo: false,
      },
    });
  });

  it('reads --demo and --help', () => {
    expect(parseCliArgs(['check', '--demo'])).toMatchObject({ command: 'check', flags: { demo: true } });
    expect(parseCliArgs(['--help'])).toEqual({ command: 'help' });
    expect(parseCliArgs(['check', '-h'])).toEqual({ command: 'help' });
  });

  it('turns parse errors into one sentence without the value', () => {
    expect(problem(['check', '--tokn=s3cret'])).toBe('Unknown option --tokn; run "mw-readiness --help" to see the options.');
    expect(problem(['check', '--site'])).toBe('Option --site needs a value.');
    expect(problem(['check', '--token', '-s3cret'])).toBe('Option --token needs a value; write --token=VALUE when the value starts with a dash.');
    expect(problem(['check', '--demo=yes'])).toBe('Option --demo takes no value.');
    expect(problem([])).toMatch(/^Missing command;/);
    expect(problem(['audit'])).toBe('Unknown command "audit"; the only command is "check".');
    expect(problem(['check', 'IT'])).toBe('Unexpected argument "IT" after "check"; options start with --.');
    expect(problem(['check', '--format', 'json', '--format=html'])).toBe('Option --format was given more than once; give it once.');
    for (const argv of [['check', '--tokn=s3cret'], ['check', '--token', '-s3cret']]) {
      const message = problem(argv);
      expect(message).not.toContain('s3cret');
      expect(message.split('\n')).toHaveLength(1);
    }
  });
});
