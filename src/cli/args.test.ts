import { parseCliArgs } from './args';
import { UsageError } from './usage-error';
import { caught } from '../shared/testing/caught';

const problem = (argv: string[]): string => caught(UsageError, () => parseCliArgs(argv)).message;

describe('parseCliArgs', () => {
  it('reads every option of docs/cli.md, repeatable ones as lists', () => {
    const parsed = parseCliArgs([
      'check', '--site', 'https://acme.atlassian.net', '--email', 'a@acme.com', '--token', 't0k',
      '--service-account', 'bot@acme.com', '--service-account-token', 'sat', '--end-user-group', 'staff',
      '--end-user-group', 'contractors', '--project', 'IT', '--project=HR', '--pair', 'IT=ITTEST', '--pair=HR=HRTEST', '--skills', 'none',
      '--config', 'c.json', '--format', 'json', '--out', 'r.json',
    ]);
    expect(parsed).toEqual({
      command: 'check',
      flags: {
        site: 'https://acme.atlassian.net', email: 'a@acme.com', token: 't0k', serviceAccount: 'bot@acme.com',
        serviceAccountToken: 'sat', endUserGroups: ['staff', 'contractors'], projects: ['IT', 'HR'], pairs: ['IT=ITTEST', 'HR=HRTEST'], skills: 'none',
        config: 'c.json', format: 'json', out: 'r.json', demo: false,
      },
    });
  });

  it('reads --demo, --help, -h, help and --version', () => {
    expect(parseCliArgs(['check', '--demo'])).toMatchObject({ command: 'check', flags: { demo: true } });
    expect(parseCliArgs(['--help'])).toEqual({ command: 'help' });
    expect(parseCliArgs(['-h'])).toEqual({ command: 'help' });
    expect(parseCliArgs(['help'])).toEqual({ command: 'help' });
    expect(parseCliArgs(['check', '-h'])).toEqual({ command: 'help', topic: 'check' });
    expect(parseCliArgs(['help', 'fix'])).toEqual({ command: 'help', topic: 'fix' });
    expect(parseCliArgs(['fix', '--help'])).toEqual({ command: 'help', topic: 'fix' });
    expect(parseCliArgs(['help', 'compare'])).toEqual({ command: 'help', topic: 'compare' });
    expect(parseCliArgs(['--version'])).toEqual({ command: 'version' });
    expect(parseCliArgs(['check', '--version'])).toEqual({ command: 'version' });
  });

  it('reads fix: --plan or --apply, repeatable --fix, --yes only with --apply', () => {
    expect(parseCliArgs(['fix', '--plan', '--demo', '--project', 'HR'])).toMatchObject({
      command: 'fix',
      flags: { demo: true, projects: ['HR'] },
      fix: { mode: 'plan', fixIds: [], yes: false },
    });
    expect(parseCliArgs(['fix', '--apply', '--yes', '--fix', 'add-missing-customers', '--fix', 'add-to-service-desk-team', '--demo'])).toMatchObject({
      fix: { mode: 'apply', fixIds: ['add-missing-customers', 'add-to-service-desk-team'], yes: true },
    });
    expect(problem(['fix', '--demo'])).toBe('"fix" needs --plan (show the changes, nothing changes) or --apply (make them).');
    expect(problem(['fix', '--plan', '--apply'])).toBe('Give --plan (show the changes) or --apply (make them), not both.');
    expect(problem(['fix', '--plan', '--yes'])).toBe('--yes confirms --apply; --plan changes nothing, so leave it out.');
    expect(problem(['fix', '--plan', '--fix='])).toBe('--fix needs a fix id, e.g. --fix add-missing-customers.');
  });

  it('refuses an option that belongs to the other command, naming it', () => {
    expect(problem(['check', '--plan'])).toBe('Option --plan belongs to "mw-readiness fix", not "check"; run "mw-readiness check --help" to see its options.');
    expect(problem(['fix', '--plan', '--out', 'x.json'])).toBe('Option --out belongs to "mw-readiness check", not "fix"; run "mw-readiness fix --help" to see its options.');
    expect(problem(['fix', '--plan', '--pair', 'ITSD=ITSDTEST'])).toBe('Option --pair belongs to "mw-readiness check", not "fix"; run "mw-readiness fix --help" to see its options.');
  });

  it('turns parse errors into one sentence without the value', () => {
    expect(problem(['check', '--tokn=s3cret'])).toBe('Unknown option --tokn; run "mw-readiness --help" to see the options.');
    expect(problem(['check', '--site'])).toBe('Option --site needs a value.');
    expect(problem(['check', '--token', '-s3cret'])).toBe('Option --token needs a value; write --token=VALUE when the value starts with a dash.');
    expect(problem(['check', '--demo=yes'])).toBe('Option --demo takes no value.');
    expect(problem([])).toMatch(/^Missing command;/);
    expect(problem(['audit'])).toBe('Unknown command "audit"; the commands are check, fix, compare (run "mw-readiness --help").');
    expect(problem(['check', 'IT'])).toBe('Unexpected argument "IT" after "check"; options start with --.');
    expect(problem(['check', '--format', 'json', '--format=html'])).toBe('Option --format was given more than once; give it once.');
    for (const argv of [['check', '--tokn=s3cret'], ['check', '--token', '-s3cret']]) {
      const message = problem(argv);
      expect(message).not.toContain('s3cret');
      expect(message.split('\n')).toHaveLength(1);
    }
  });
});
