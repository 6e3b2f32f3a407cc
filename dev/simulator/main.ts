/**
 * Runs the simulated site on its own: `npx ts-node dev/simulator/main.ts` or, after
 * `npm run build:node`, `node dist/dev/simulator/main.js [--port N] [--ready]
 * [--scenario NAME] [--validate]`. Prints the URL and the demo credentials.
 */
import { FAULT_SCENARIOS, type FaultScenarioName } from './fault-scenarios';
import { startSimulator } from './server';
import { buildDemoSite, buildReadySite, DEMO_CREDENTIALS, DEMO_END_USER_GROUP } from './sites/demo';

export function parseArgs(argv: string[]): { port: number; ready: boolean; scenario?: FaultScenarioName; validate: boolean } {
  const value = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const port = Number(value('--port') ?? process.env.SIMULATOR_PORT ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got ${value('--port')}`);
  const scenario = value('--scenario');
  if (scenario !== undefined && !(scenario in FAULT_SCENARIOS)) {
    throw new Error(`Unknown scenario '${scenario}'. Known: ${Object.keys(FAULT_SCENARIOS).join(', ')}`);
  }
  return { port, ready: argv.includes('--ready'), scenario: scenario as FaultScenarioName | undefined, validate: argv.includes('--validate') };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const sim = await startSimulator({
    site: args.ready ? buildReadySite() : buildDemoSite(),
    port: args.port,
    scenario: args.scenario ? FAULT_SCENARIOS[args.scenario] : undefined,
    validateResponses: args.validate,
  });
  const lines = [
    `Simulated Jira Cloud site (${args.ready ? 'ready' : 'demo'}${args.scenario ? `, scenario ${args.scenario}` : ''}) at ${sim.url}`,
    '',
    'Demo credentials (fake, they only open this simulator):',
    `  site admin       ${DEMO_CREDENTIALS.admin.email}  token ${DEMO_CREDENTIALS.admin.token}`,
    `  service account  ${DEMO_CREDENTIALS.serviceAccount.email}  token ${DEMO_CREDENTIALS.serviceAccount.token}`,
    `  agent            ${DEMO_CREDENTIALS.agent.email}  token ${DEMO_CREDENTIALS.agent.token}`,
    `  HR project admin ${DEMO_CREDENTIALS.projectAdmin.email}  token ${DEMO_CREDENTIALS.projectAdmin.token}`,
    '',
    `Try: mw-readiness check --site ${sim.url} --email ${DEMO_CREDENTIALS.admin.email} --token ${DEMO_CREDENTIALS.admin.token} \\`,
    `       --service-account ${DEMO_CREDENTIALS.serviceAccount.email} --end-user-group ${DEMO_END_USER_GROUP}`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  const stop = () => {
    if (args.validate && sim.violations.length > 0) process.stderr.write(`${sim.violations.length} contract violation(s):\n${JSON.stringify(sim.violations, null, 2)}\n`);
    void sim.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  });
}
