/**
 * Runs the real gatherer and engine against a site over HTTP, as the CLI does.
 * The one place the benchmark touches the engine, so swapping the entry point
 * changes one file.
 */
import { gatherSnapshot } from '../src/gather/gather-snapshot';
import { judge } from '../src/engine/judge';
import type { EngineSettings, Report } from '../src/engine/types';
import { createHttpTransport } from '../src/jira/http-transport';
import { JiraClient } from '../src/jira/jira-client';

export interface EngineRunArgs {
  baseUrl: string;
  email: string;
  apiToken: string;
  settings: EngineSettings;
  concurrency?: number;
}

export async function runEngine(args: EngineRunArgs): Promise<Report> {
  const transport = createHttpTransport({ baseUrl: args.baseUrl, email: args.email, apiToken: args.apiToken });
  const client = new JiraClient(transport);
  const snapshot = await gatherSnapshot(client, args.settings, args.concurrency !== undefined ? { concurrency: args.concurrency } : {});
  return judge(snapshot, args.settings, { stats: client.stats() });
}
