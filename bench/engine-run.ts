/**
 * Runs the real gatherer and engine against a site over HTTP, as the CLI does
 * (runReadiness over the HTTP transport, with the CLI's client options). The one
 * place the benchmark touches the engine.
 */
import { runReadiness } from '../src/engine/run-readiness';
import type { EngineSettings, Report } from '../src/shared/report-model';
import { createHttpTransport } from '../src/jira/http-transport';
import { CLI_CLIENT_OPTIONS } from '../src/cli/services';

export interface EngineRunArgs {
  baseUrl: string;
  email: string;
  apiToken: string;
  settings: EngineSettings;
  concurrency?: number;
  /** As a Forge queue job runs (one of several clients sharing Jira's limits), not as the CLI. */
  asForgeJob?: boolean;
}

export async function runEngine(args: EngineRunArgs): Promise<Report> {
  const transport = createHttpTransport({ baseUrl: args.baseUrl, email: args.email, apiToken: args.apiToken });
  const { report } = await runReadiness({
    transport,
    settings: args.settings,
    ...(args.concurrency !== undefined ? { concurrency: args.concurrency } : {}),
    ...(args.asForgeJob ? {} : { clientOptions: CLI_CLIENT_OPTIONS }),
  });
  return report;
}
