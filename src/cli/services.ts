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
import type { CliServices, SiteRunRequest } from './ports';
import { abortFor, preflight } from './preflight';

/** Errors the gatherer lets through because nothing else could work after them. */
const FATAL_KINDS = ['unauthorized', 'forbidden', 'network', 'timeout'];

export async function runAgainstSite(request: SiteRunRequest): Promise<Report> {
  const transport = createHttpTransport({ baseUrl: request.baseUrl, email: request.email, apiToken: request.apiToken });
  // The first call decides whether the run can start at all (exit 2) before any check is judged.
  await preflight(transport);
  const serviceAccountTransport = request.serviceAccountToken
    ? createHttpTransport({ baseUrl: request.baseUrl, email: request.settings.serviceAccount ?? '', apiToken: request.serviceAccountToken })
    : undefined;
  try {
    const { report } = await runReadiness({
      transport,
      settings: request.settings,
      ...(serviceAccountTransport ? { serviceAccountTransport } : {}),
      onProgress: request.onProgress,
    });
    return report;
  } catch (error) {
    // The gatherer stops when its own first call is refused or unanswered (e.g. the token was revoked since the preflight).
    if (isJiraError(error) && FATAL_KINDS.includes(error.kind)) throw abortFor(error, new URL(transport.baseUrl).host);
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

/** The real services, with `runDemo` running against the built-in simulated site. */
export function siteServices(runDemo: CliServices['runDemo']): CliServices {
  return {
    runSite: runAgainstSite,
    runDemo,
    readFile: (file) => fs.readFile(file, 'utf8'),
    writeFile: (file, content) => fs.writeFile(file, content, 'utf8'),
  };
}
