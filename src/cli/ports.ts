/**
 * What `mw-readiness` gets from outside the process: its standard streams and
 * environment (CliIo) and its services (Jira, the demo site, files). The launcher
 * (bin/mw-readiness.js) hands in the real ones, tests their own, so the commands
 * run in-process and never reach for a service themselves.
 */
import type { EngineSettings, Report } from '../shared/report-model';
import type { ProgressEvent } from './progress';
import type { Writable } from './redact';
import type { Env } from './run-plan';

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  env: Env;
  /** Standard output is a terminal (colour is used only then, and only without NO_COLOR). */
  isTTY: boolean;
  /** Relative --config and --out paths resolve against this; default process.cwd(). */
  cwd?: string;
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

export interface CliServices {
  /** Runs the checks against a site; throws RunAbortedError when it is unreachable or refuses the credentials. */
  runSite(request: SiteRunRequest): Promise<Report>;
  /** Starts the built-in simulated site, runs against it and closes it. */
  runDemo(request: DemoRunRequest): Promise<Report>;
  readFile(file: string): Promise<string>;
  writeFile(file: string, content: string): Promise<void>;
}
