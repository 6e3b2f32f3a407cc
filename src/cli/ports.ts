/**
 * What `mw-readiness` gets from outside the process: its standard streams and
 * environment (CliIo) and its services (Jira, the demo site, files). The launcher
 * (bin/mw-readiness.js) hands in the real ones, tests their own, so the commands
 * run in-process and never reach for a service themselves.
 */
import type { JiraTransport } from '../jira/transport';
import type { EngineSettings, Report } from '../shared/report-model';
import type { ProgressEvent } from './progress';
import type { Writable } from './redact';
import type { Env, RunTarget } from './run-plan';

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  env: Env;
  /** Standard output is a terminal (colour is used only then, and only without NO_COLOR). */
  isTTY: boolean;
  /** Relative --config and --out paths resolve against this; default process.cwd(). */
  cwd?: string;
  /**
   * Asks a yes/no question on the terminal (`fix --apply` without --yes). Absent when
   * standard input is not a terminal: then --apply needs --yes.
   */
  confirm?: (question: string) => Promise<boolean>;
}

export interface SiteRunRequest {
  baseUrl: string;
  email: string;
  apiToken: string;
  serviceAccountToken?: string;
  settings: EngineSettings;
  onProgress: (event: ProgressEvent) => void;
}

export interface DemoRunRequest {
  settings: EngineSettings;
  onProgress: (event: ProgressEvent) => void;
}

/** Jira as the account given, open until `close`: `fix` reads, writes and reads again over it. */
export interface SiteSession {
  transport: JiraTransport;
  baseUrl: string;
  /** The settings asked for; for --demo with the demo's service account and end-user group filled in. */
  settings: EngineSettings;
  close(): Promise<void>;
}

export interface OpenSiteRequest {
  target: RunTarget;
  settings: EngineSettings;
}

export interface CliServices {
  /** Runs the checks against a site; throws RunAbortedError when it is unreachable or refuses the credentials. */
  runSite(request: SiteRunRequest): Promise<Report>;
  /** Starts the built-in simulated site, runs against it and closes it. */
  runDemo(request: DemoRunRequest): Promise<Report>;
  /** The site over HTTP, or the built-in simulated site started for this command (--demo) as its admin. */
  openSite(request: OpenSiteRequest): Promise<SiteSession>;
  readFile(file: string): Promise<string>;
  writeFile(file: string, content: string): Promise<void>;
}
