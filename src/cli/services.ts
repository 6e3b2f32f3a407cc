/**
 * The CLI's real services: the engine over HTTP (runReadiness over the HTTP
 * transport) and the file system. The --demo run is handed in by whoever composes
 * them (dev/simulator/cli-demo.ts, which the launcher loads), because the simulated
 * site lives in dev/ and src never imports dev/.
 */
import { promises as fs } from 'fs';
import { runReadiness } from '../engine/run-readiness';
import type { EngineSettings, Report } from '../shared/report-model';
import { createHttpTransport } from '../jira/http-transport';
import { isJiraError } from '../jira/jira-error';
// The gatherer's own list of first-call failures it lets through: one list, so the CLI exits 2 on exactly those.
import { FATAL_FIRST_CALL_KINDS } from '../gather/gather-snapshot';
import { JiraClient, type JiraClientOptions } from '../jira/jira-client';
import type { CliServices, OpenSiteRequest, SiteRunRequest, SiteSession } from './ports';
import { abortFor, preflight } from './preflight';
import { confirmProjectKeys } from './project-keys';

/**
 * The CLI's run is the site's one caller: the pace each endpoint's gate learns is the
 * endpoint's whole room, so its longest customer lists read pages ahead into it.
 */
export const CLI_CLIENT_OPTIONS: Omit<JiraClientOptions, 'logger' | 'now'> = { readAhead: true };

export async function runAgainstSite(request: SiteRunRequest): Promise<Report> {
  const transport = createHttpTransport({ baseUrl: request.baseUrl, email: request.email, apiToken: request.apiToken });
  // The first call decides whether the run can start at all (exit 2) before any check is judged.
  await preflight(transport);
  // Named desks the site does not have stop here, before minutes of reading the others.
  await confirmProjectKeys(new JiraClient(transport), request.settings.projectKeys, new URL(transport.baseUrl).host);
  const serviceAccountTransport = request.serviceAccountToken
    ? createHttpTransport({ baseUrl: request.baseUrl, email: request.settings.serviceAccount ?? '', apiToken: request.serviceAccountToken })
    : undefined;
  try {
    const { report } = await runReadiness({
      transport,
      settings: request.settings,
      ...(serviceAccountTransport ? { serviceAccountTransport } : {}),
      onProgress: request.onProgress,
      clientOptions: CLI_CLIENT_OPTIONS,
    });
    return report;
  } catch (error) {
    // The gatherer stops when its own first call is refused or unanswered (e.g. the token was revoked since the preflight).
    if (isJiraError(error) && FATAL_FIRST_CALL_KINDS.includes(error.kind)) throw abortFor(error, new URL(transport.baseUrl).host);
    throw error;
  }
}

/** Demo settings: the demo site's service account and end-user group unless the user named others. */
export function demoSettings(settings: EngineSettings, demo: { serviceAccountEmail: string; endUserGroup: string }): EngineSettings {
  return {
    ...settings,
    serviceAccount: settings.serviceAccount ?? demo.serviceAccountEmail,
    endUserGroups: settings.endUserGroups.length > 0 ? settings.endUserGroups : [demo.endUserGroup],
  };
}

/** A site over HTTP as the account given; the demo's session comes from whoever composes the services. */
export async function openHttpSite(request: OpenSiteRequest): Promise<SiteSession> {
  if (request.target.kind !== 'site') throw new Error('openHttpSite needs a site target.');
  const transport = createHttpTransport({ baseUrl: request.target.baseUrl, email: request.target.email, apiToken: request.target.apiToken });
  return { transport, baseUrl: transport.baseUrl, settings: request.settings, close: async () => undefined };
}

/**
 * The real services, with `runDemo` running against the built-in simulated site and
 * `openDemo` starting it for a command that keeps it open (`fix --demo`).
 */
export function siteServices(runDemo: CliServices['runDemo'], openDemo?: (request: OpenSiteRequest) => Promise<SiteSession>): CliServices {
  return {
    runSite: runAgainstSite,
    runDemo,
    openSite: (request) => {
      if (request.target.kind === 'site') return openHttpSite(request);
      if (!openDemo) throw new Error('The built-in simulated site is not available here.');
      return openDemo(request);
    },
    readFile: (file) => fs.readFile(file, 'utf8'),
    writeFile: (file, content) => fs.writeFile(file, content, 'utf8'),
  };
}
