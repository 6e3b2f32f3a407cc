/**
 * `mw-readiness check --demo`: the CLI's run against the built-in simulated site. It
 * lives with the simulator because dev/ may import src but src never imports dev/;
 * the launcher (bin/mw-readiness.js) and the CLI's end-to-end tests hand
 * `cliServices()` to main(). The simulator is loaded only when a demo run starts.
 */
import type { CliServices, DemoRunRequest } from '../../src/cli/ports';
import { demoSettings, runAgainstSite, siteServices } from '../../src/cli/services';
import type { Report } from '../../src/shared/report-model';

export async function runDemo(request: DemoRunRequest): Promise<Report> {
  const { startSimulator } = await import('./server');
  const demo = await import('./sites/demo');
  const simulator = await startSimulator({ site: demo.buildDemoSite(), host: '127.0.0.1', port: 0 });
  try {
    return await runAgainstSite({
      baseUrl: simulator.url,
      email: demo.DEMO_CREDENTIALS.admin.email,
      apiToken: demo.DEMO_CREDENTIALS.admin.token,
      settings: demoSettings(request.settings, { serviceAccountEmail: demo.DEMO_SERVICE_ACCOUNT_EMAIL, endUserGroup: demo.DEMO_END_USER_GROUP }),
      onProgress: request.onProgress,
    });
  } finally {
    await simulator.close();
  }
}

/** The CLI's services as installed: Jira over HTTP, the file system, and --demo over the simulator. */
export function cliServices(): CliServices {
  return siteServices(runDemo);
}
