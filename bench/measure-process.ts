/**
 * Child process: one measured run of the gatherer and engine (the whole site, or
 * one desk as a Forge queue job would), then its own peak RSS. A fresh process
 * per run, so the peak belongs to that run alone.
 */
import { serve } from './ipc';
import { measureRun, type RunMeasurement, type RunTarget } from './measure-run';

export interface MeasuredInChild extends RunMeasurement {
  /** process.resourceUsage().maxRSS, in bytes. */
  peakRssBytes: number;
  /** CPU time of this process (user + system), ms: the gatherer's and engine's own work. */
  cpuMs: number;
}

const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;

serve(async (message) => {
  if (message.type !== 'run') throw new Error(`Unknown request ${message.type}`);
  const measurement = await measureRun(message.target as RunTarget);
  const result: MeasuredInChild = { ...measurement, peakRssBytes: process.resourceUsage().maxRSS * 1024, cpuMs: cpuMs(process.cpuUsage()) };
  setImmediate(() => process.exit(0));
  return result;
});
