/**
 * One measured run of the real gatherer and engine against a running simulator:
 * calls (the client's own count, per endpoint), wall time, and the size of every
 * desk's report as Forge storage would store it (report-repo's storableProject,
 * which caps evidence lists and keeps counts).
 */
import { DEFAULT_ENGINE_SETTINGS, type EngineSettings, type Report } from '../src/shared/report-model';
import { storableProject } from '../src/forge/storage/report-repo';
import { byteSize } from '../src/forge/storage/trim-evidence';
import { runEngine } from './engine-run';

/** kvs's limit on one value. */
export const KVS_VALUE_LIMIT_BYTES = 240 * 1024;

export interface RunTarget {
  baseUrl: string;
  email: string;
  apiToken: string;
  serviceAccount: string;
  endUserGroups: string[];
  /** Empty: every desk (the CLI); one key: a Forge queue job. */
  projectKeys: string[];
  concurrency?: number;
}

export interface DeskSize {
  key: string;
  /** JSON size of the engine's ProjectReport, evidence uncapped. */
  rawBytes: number;
  /** JSON size of the value Forge storage writes for it. */
  storedBytes: number;
}

export interface RunMeasurement {
  wallMs: number;
  totalCalls: number;
  retries: number;
  callsByEndpoint: Record<string, number>;
  /** Desks with a report whose every check has a status. */
  desksJudged: number;
  desksInReport: number;
  /** Desks whose CUST-COVERAGE or workflow checks could not decide, with the first reason. */
  undecided: { key: string; check: string; summary: string }[];
  sizes: DeskSize[];
  statusCounts: Record<string, number>;
}

export function settingsFor(target: RunTarget): EngineSettings {
  return { ...DEFAULT_ENGINE_SETTINGS, serviceAccount: target.serviceAccount, endUserGroups: target.endUserGroups, projectKeys: target.projectKeys };
}

/** Pure: what a report says about judging and storage size. */
export function summariseReport(report: Report): Pick<RunMeasurement, 'desksJudged' | 'desksInReport' | 'undecided' | 'sizes' | 'statusCounts'> {
  const statusCounts: Record<string, number> = {};
  const undecided: RunMeasurement['undecided'] = [];
  let desksJudged = 0;
  const sizes: DeskSize[] = [];
  for (const project of report.projects) {
    const judged = project.checks.length > 0 && project.checks.every((c) => typeof c.status === 'string');
    if (judged) desksJudged += 1;
    for (const check of project.checks) {
      statusCounts[check.status] = (statusCounts[check.status] ?? 0) + 1;
      if (check.status === 'error' && undecided.length < 20) undecided.push({ key: project.key, check: check.id, summary: check.summary });
    }
    sizes.push({ key: project.key, rawBytes: byteSize(project), storedBytes: byteSize(storableProject(project, 'bench-run')) });
  }
  return { desksJudged, desksInReport: report.projects.length, undecided, sizes, statusCounts };
}

export async function measureRun(target: RunTarget): Promise<RunMeasurement> {
  const started = process.hrtime.bigint();
  const report = await runEngine({
    baseUrl: target.baseUrl,
    email: target.email,
    apiToken: target.apiToken,
    settings: settingsFor(target),
    ...(target.concurrency !== undefined ? { concurrency: target.concurrency } : {}),
    // One desk stands for a Forge queue job: a client that shares Jira's limits with the run's other jobs.
    asForgeJob: target.projectKeys.length > 0,
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const stats = report.stats;
  return {
    wallMs,
    totalCalls: stats?.totalCalls ?? 0,
    retries: stats?.retries ?? 0,
    callsByEndpoint: stats?.callsByEndpoint ?? {},
    ...summariseReport(report),
  };
}
