/**
 * Every help text of `mw-readiness`, in one file so the commands' options, examples
 * and exit codes are read side by side and stay consistent: `--help`, `-h` and
 * `help` print the overview; `<command> --help` and `help <command>` print that
 * command's page. docs/cli.md is the same contract in prose.
 */

export type HelpTopic = 'check' | 'fix' | 'compare';
export const HELP_TOPICS: readonly HelpTopic[] = ['check', 'fix', 'compare'];

/** The options `check` and `fix` share: where the site is, who runs, what is checked. */
const SITE_OPTIONS = `  --site URL                  Jira base URL, e.g. https://acme.atlassian.net   (env JIRA_SITE)
                              http://127.0.0.1:PORT is accepted for local sites and the simulator
  --email EMAIL               account the run uses, Basic auth                   (env JIRA_EMAIL)
  --token TOKEN               its API token                                      (env JIRA_API_TOKEN)
  --service-account ID        the Moveworks service account: e-mail or accountId (env MW_SERVICE_ACCOUNT)
  --service-account-token T   optional: that account's own API token; proves SA-API-TOKEN
                              and reads its time zone from /myself               (env MW_SERVICE_ACCOUNT_TOKEN)
  --end-user-group NAME       repeatable: the group(s) whose members must be customers
  --project KEY               repeatable: limit to these service desks (default: every service desk);
                              a key the site does not have stops the run (exit 2)
  --skills LIST               comma list of software-access, group-access, ticket-interception, or none
                              (default: all three)
  --config FILE               JSON file with the same settings (and attestations); flags win
  --demo                      run against the built-in simulated site, no credentials needed`;

const SETTINGS_NOTE = `Precedence: flags, then environment variables, then the --config file.
The config file is one JSON object with any of: site, email, serviceAccount,
endUserGroups, projectKeys, skills (lists), issueTypesInScope, statusBucketOverrides,
attestations ({ "MW-CONNECTOR": { "by": "Name", "at": "2026-11-27T10:00:00Z", "note": "…" } }),
acknowledgements and parityPairs ([{ "production": "ITSD", "nonProduction": "ITSDTEST" }]). Tokens are never read from it: use the flags or the environment.`;

export const CHECK_USAGE = `Usage: mw-readiness check [options]

Checks that a Jira Service Management site is ready for the Moveworks AI assistant.
Nothing in Jira changes.

Options:
${SITE_OPTIONS}
  --pair PROD=TEST            repeatable: PROD's Moveworks set-up was tuned on the test desk TEST of
                              the same site; TEST is read in the same run and PARITY-CONFIG compares
                              them (statuses and buckets, the bot's transitions, the Resolve screen)
  --format text|json|html     default text (a readable table, colour on a terminal)
  --out FILE                  write the report there instead of standard output
  -h, --help                  show this help

Examples:
  mw-readiness check --demo
  mw-readiness check --demo --project ITSD --pair ITSD=ITSDTEST
  mw-readiness check --site https://acme.atlassian.net --email admin@acme.com \\
      --token "$JIRA_API_TOKEN" --service-account moveworks-bot@acme.com --end-user-group all-employees
  mw-readiness check --demo --project HR --format json --out hr.json

${SETTINGS_NOTE}

Exit status: 0 every required check passes (manual ones attested); 1 some required
check fails or could not be decided; 2 the run could not start or finish.
`;

export const FIX_USAGE = `Usage: mw-readiness fix --plan [options]
       mw-readiness fix --apply [--yes] [options]

Makes the changes the app knows how to make (the same fixes as the app's buttons),
as the account given by --email: Jira records them as made by that account.
  --plan   prints each change, every project and issue type it reaches, and what
           blocks it; nothing in Jira changes.
  --apply  makes the planned changes, prints what Jira answered to each (applied,
           unchanged, or refused in Jira's words), then re-runs the checks the
           fixes resolve and prints their new status.

Options:
${SITE_OPTIONS}
  --fix ID                    repeatable: only these fixes (default: every fix with something to change):
                              add-to-service-desk-team, add-missing-customers, …
  --yes                       confirm --apply without asking (required when not on a terminal)
  --format text|json          default text
  -h, --help                  show this help

Examples:
  mw-readiness fix --plan --demo --project HR
  mw-readiness fix --plan --site https://acme.atlassian.net --email admin@acme.com \\
      --token "$JIRA_API_TOKEN" --service-account moveworks-bot@acme.com --end-user-group all-employees
  mw-readiness fix --apply --yes --fix add-missing-customers --project HR --site … --email … --token …

${SETTINGS_NOTE}

Exit status: 0 nothing is left to fix (or every change was made and the checks pass);
1 changes are planned, or some were refused or blocked, or a check still fails;
2 bad arguments or the run could not start or finish.
`;

export const COMPARE_USAGE = `Usage: mw-readiness compare PROD.json NONPROD.json [options]

Compares a production report with the report of the non-production desk or sandbox
site Moveworks was tuned on: per workflow and issue type, the statuses and their
buckets, the bot's Resolve / In Progress / Reopen transitions (id, name, target),
the Resolve screen's fields, and every check's status. Differences come first, each
with what breaks in Moveworks and the side to change. Both files are readiness
reports in JSON (the app's JSON export, or "mw-readiness check --format json").

Options:
  --map PROD_KEY=TEST_KEY     repeatable: which desk of NONPROD.json each production desk is
                              compared with (default: desks with the same key in both files)
  --format text|json|html     output format (default text)

Examples:
  mw-readiness compare prod.json sandbox.json
  mw-readiness compare site.json site.json --map ITSD=ITSDTEST --format html > parity.html

Exit status: 0 the desks match; 1 they differ (or something could not be compared);
2 bad arguments, a file that cannot be read or is not a report, or a key not in its file.
`;

export const OVERVIEW = `Usage: mw-readiness <command> [options]

Checks that a Jira Service Management site is ready for the Moveworks AI assistant,
and makes the fixes the app knows how to make.

Commands:
  check     run the readiness checks and print the report (changes nothing)
  fix       --plan: show what the fixes would change; --apply: make the changes
  compare   compare a production report with its non-production (test desk or sandbox) report
  help      show this help, or "help <command>" for one command's options

Examples:
  mw-readiness check --demo
  mw-readiness check --site https://acme.atlassian.net --email admin@acme.com \\
      --token "$JIRA_API_TOKEN" --service-account moveworks-bot@acme.com --end-user-group all-employees
  mw-readiness fix --plan --demo --project HR
  mw-readiness fix --apply --yes --project HR --site … --email … --token … --service-account …
  mw-readiness compare prod.json sandbox.json --map ITSD=ITSDTEST

Options for every command:
  -h, --help       show help (after a command: that command's options)
  --version        print the version

Exit status: 0 ready / nothing left to fix; 1 not ready / something left to fix;
2 bad arguments or the run could not start or finish.
`;

export function helpText(topic?: HelpTopic): string {
  switch (topic) {
    case 'check':
      return CHECK_USAGE;
    case 'fix':
      return FIX_USAGE;
    case 'compare':
      return COMPARE_USAGE;
    default:
      return OVERVIEW;
  }
}
