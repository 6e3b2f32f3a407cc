/**
 * `mw-readiness check --demo`: the CLI's run against the built-in simulated site. It
 * lives with the simulator because dev/ may import src but src never imports dev/;
 * the launcher (bin/mw-readiness.js) and the CLI's end-to-end tests hand
 * `cliServices()` to main(). The simulator is loaded only when a demo run starts.
 */
import type { CliServices, DemoRunRequest, OpenSiteRequest, SiteSession } from '../../src/cli/ports';
import { createHttpTransport } from '../../src/jira/http-transport';
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

/** `fix --demo`: a simulated site started for the command, as its admin, until the session is closed; its changes die with it. */
export async function openDemo(request: OpenSiteRequest): Promise<SiteSession> {
  const { startSimulator } = await import('./server');
  const demo = await import('./sites/demo');
  const simulator = await startSimulator({ site: demo.buildDemoSite(), host: '127.0.0.1', port: 0 });
  return {
    transport: createHttpTransport({ baseUrl: simulator.url, email: demo.DEMO_CREDENTIALS.admin.email, apiToken: demo.DEMO_CREDENTIALS.admin.token }),
    baseUrl: simulator.url,
    settings: demoSettings(request.settings, { serviceAccountEmail: demo.DEMO_SERVICE_ACCOUNT_EMAIL, endUserGroup: demo.DEMO_END_USER_GROUP }),
    close: () => simulator.close(),
  };
}

/** The CLI's services as installed: Jira over HTTP, the file system, and --demo over the simulator. */
export function cliServices(): CliServices {
  return siteServices(runDemo, openDemo);
}
