/**
 * An enterprise-scale Forge run: by default a generated site of 1,000 service desks
 * and 100,000 end users, re-checked as Forge runs it (bench/forge-run.ts: the app's
 * start-run and consumer, one job per desk, 4 at once under the shared key, each job
 * in a container process, one metered kvs) against a simulator with Jira-like
 * latency, a burst limit per endpoint and a site-wide quota. Prints calls and wall
 * time against their bounds, every job against Forge's 900 s, each container's peak
 * RSS, kvs's largest value and busiest minute, and checks left undecided.
 *
 * Time can be scaled so the run fits a build machine: --time-scale 4 divides the
 * latency by 4 and multiplies the burst limit and the quota's rate by 4, so the run
 * meets the same limits four times faster; CPU does not scale, so what CPU costs
 * weighs four times more in the scaled figures, and times are shown both as measured
 * and multiplied back.
 *
 *   npm run build:node && node dist/bench/forge-scale.js [--desks 1000] [--end-users 100000]
 *        [--time-scale 4] [--latency 40] [--jitter 15] [--burst 100/1000] [--quota 100000/3600000]
 *        [--first-run] [--json out.json]
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { CUSTOMER_PAGING_CONCURRENCY, DEFAULT_GATHER_CONCURRENCY } from '../src/gather/gather-snapshot';
import { READINESS_JOB_CONCURRENCY } from '../src/forge/run/job-pacing';
import { CONSUMER_INVOCATION_LIMIT_MS } from '../src/forge/consumer/job-deadline';
import type { ForgeRunMeasurement, ForgeRunOptions, ForgeRunSite } from './forge-run';
import { startChild } from './ipc';
import { JIRA_CAPS, lowerBound, wallTimeBound } from './lower-bound';
import { KVS_LIMITS } from './kvs-meter';
import type { SimulatorCounts, SimulatorStartRequest } from './simulator-process';
import type { SiteShape } from './site-shape';
import { textTable } from './table';
import { atMost, fmt, TARGETS } from './targets';

interface SimulatorStarted extends Omit<ForgeRunSite, 'baseUrl'> {
  url: string;
  shape: SiteShape;
}

/** Forge's per-invocation memory for the consumer (the manifest's default runtime memory). */
const INVOCATION_MEMORY_BYTES = 256 * 1024 * 1024;

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      desks: { type: 'string', default: '1000' },
      'end-users': { type: 'string', default: '100000' },
      'time-scale': { type: 'string', default: '4' },
      latency: { type: 'string', default: '40' },
      jitter: { type: 'string', default: '15' },
      burst: { type: 'string', default: '100/1000' },
      quota: { type: 'string', default: '100000/3600000' },
      'first-run': { type: 'boolean', default: false },
      json: { type: 'string' },
    },
  });
  const desks = Number.parseInt(values.desks!, 10);
  const endUsers = Number.parseInt(values['end-users']!, 10);
  const scale = Number(values['time-scale']);
  if (!Number.isInteger(desks) || desks < 1 || desks > 2000) throw new Error('--desks takes 1 to 2000');
  if (!Number.isInteger(endUsers) || endUsers < 100) throw new Error('--end-users takes a whole number of at least 100');
  if (!(scale >= 1 && scale <= 20)) throw new Error('--time-scale takes 1 to 20');
  const pair = (text: string, name: string): [number, number] => {
    const m = /^(\d+)\/(\d+)$/.exec(text);
    if (!m) throw new Error(`--${name} takes calls/milliseconds, e.g. 100/1000`);
    return [Number(m[1]), Number(m[2])];
  };
  const [burstCalls, burstMs] = pair(values.burst!, 'burst');
  const [quotaCalls, quotaMs] = pair(values.quota!, 'quota');
  const request: SimulatorStartRequest = {
    desks,
    endUsers,
    latency: { meanMs: Number(values.latency) / scale, jitterMs: Number(values.jitter) / scale },
    burst: { maxRequests: Math.round(burstCalls * scale), perMs: burstMs },
    quota: { maxRequests: quotaCalls, perMs: Math.round(quotaMs / scale) },
  };
  return { request, scale, firstRun: values['first-run']!, json: values.json, real: { latencyMs: Number(values.latency), burst: { maxRequests: burstCalls, perMs: burstMs }, quota: { maxRequests: quotaCalls, perMs: quotaMs } } };
}

const pages = (n: number, cap: number): number => Math.max(1, Math.ceil(n / cap));

async function main(): Promise<void> {
  const { request, scale, firstRun, json, real } = parseOptions(process.argv.slice(2));
  const simChild = startChild('simulator-process.js');
  let measured: ForgeRunMeasurement;
  let counts: SimulatorCounts;
  let shape: SiteShape;
  try {
    process.stderr.write(`[forge-scale] generating ${request.desks} desks, ${request.endUsers} end users…\n`);
    const sim = await simChild.ask<SimulatorStarted>({ type: 'start', ...request }, 10 * 60_000);
    shape = sim.shape;
    const runChild = startChild('forge-run-process.js');
    try {
      const options: ForgeRunOptions = firstRun ? {} : { previousCustomerPages: Object.fromEntries(shape.deskShapes.map((d) => [d.key, pages(d.customers, JIRA_CAPS.customers)])) };
      process.stderr.write(`[forge-scale] Forge run (time scaled ${scale}×)…\n`);
      measured = await runChild.ask<ForgeRunMeasurement>({ type: 'forge-run', site: { baseUrl: sim.url, email: sim.email, apiToken: sim.apiToken, serviceAccount: sim.serviceAccount, endUserGroups: sim.endUserGroups }, options }, 3 * 60 * 60_000);
    } finally {
      await runChild.stop();
    }
    counts = await simChild.ask<SimulatorCounts>({ type: 'counts' }, 60_000);
  } finally {
    await simChild.stop();
  }

  const bound = lowerBound(shape);
  // A Forge run also pages the desk list once at its start (to know its jobs): the only call it adds.
  const forgeBound = bound.total + pages(shape.desks, JIRA_CAPS.serviceDesks);
  const timing = { latencyMs: request.latency!.meanMs, concurrency: (DEFAULT_GATHER_CONCURRENCY + CUSTOMER_PAGING_CONCURRENCY) * READINESS_JOB_CONCURRENCY.limit, burst: request.burst! };
  const wallBound = wallTimeBound(shape, bound, timing);
  const longestJob = measured.jobs.reduce((a, b) => (b.wallMs > a.wallMs ? b : a), measured.jobs[0]!);
  const customers = shape.deskShapes.map((d) => d.customers);
  const runMinutes = Math.max(1, measured.wallMs / 60_000);

  const out: string[] = [];
  out.push('Moveworks Readiness — an enterprise-scale Forge run on a SIMULATED Jira site (dev/simulator), never a real one.');
  out.push(
    `Site: ${shape.desks} desks (${shape.deskShapes.filter((d) => d.style === 'team-managed').length} team-managed); end-user groups ${Object.entries(shape.groupMembers)
      .map(([g, n]) => `${g} ${fmt.int(n)}`)
      .join(', ')}; customers per desk ${fmt.int(Math.min(...customers))}–${fmt.int(Math.max(...customers))} (${fmt.int(customers.reduce((a, b) => a + b, 0))} memberships).`,
  );
  out.push(
    `Jira as simulated, time scaled ${scale}×: latency ${real.latencyMs} ms → ${request.latency!.meanMs.toFixed(1)} ± ${request.latency!.jitterMs.toFixed(1)} ms; burst ${real.burst.maxRequests}/${real.burst.perMs} ms → ${request.burst!.maxRequests}/${request.burst!.perMs} ms per endpoint; quota ${fmt.int(real.quota.maxRequests)} calls per ${real.quota.perMs / 60_000} min → per ${(request.quota!.perMs / 60_000).toFixed(1)} min site-wide (429 + Retry-After).`,
  );
  out.push(`Forge as simulated: ${READINESS_JOB_CONCURRENCY.limit} jobs at once (shared key), pushes within 50 a push and 500 a minute, each job in a container process reused for later jobs, kvs values ≤ 240 KiB, kvs metered per installation (${KVS_LIMITS.requestsPerSecond} requests/s, ${KVS_LIMITS.readUnitsPerMinute} read and ${KVS_LIMITS.writeUnitsPerMinute} write units of 10 KB a minute).`);
  out.push(`Job order: ${firstRun ? 'a first run (no previous sizes: listing order)' : 'longest customer chain first, as a previous run records them'}.`);
  out.push(`Machine: ${os.cpus().length} CPU(s), load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end.`);
  out.push('');
  const rows: [string, string, string][] = [
    ['calls (the site answered, 429s included)', fmt.int(counts.total), `whole-site bound ${fmt.int(bound.total)}; Forge run's ${fmt.int(forgeBound)} (+ the desk list start-run pages)`],
    ['calls / whole-site bound', fmt.ratio(counts.total / bound.total), `target ≤ ${TARGETS.callsRatio}`],
    ['429s (burst and quota)', fmt.int(counts.rateLimited), ''],
    ['wall time, measured', fmt.seconds(measured.wallMs), `bound ${fmt.seconds(wallBound.ms)} (${wallBound.limitedBy}) → ${fmt.ratio(measured.wallMs / wallBound.ms)} ×`],
    ['wall time, unscaled (× time scale)', fmt.seconds(measured.wallMs * scale), `bound ${fmt.seconds(wallBound.ms * scale)}`],
    ['jobs done / failed', `${measured.jobs.length - measured.jobsFailed} / ${measured.jobsFailed}`, `at most ${measured.peakJobsAtOnce} at once`],
    ['longest job, measured', fmt.seconds(longestJob?.wallMs ?? 0), `${longestJob?.key ?? '-'}; unscaled ${fmt.seconds((longestJob?.wallMs ?? 0) * scale)} of Forge's ${fmt.seconds(CONSUMER_INVOCATION_LIMIT_MS)}`],
    ['peak RSS of any container', fmt.mib(measured.peakRssBytes), `invocation memory ${fmt.mib(INVOCATION_MEMORY_BYTES)}`],
    ['largest kvs value', fmt.kib(measured.kvs.largestValueBytes), `limit 240 KiB (${measured.kvs.largestValueKey.replace(/:run:[^:]+:/, ':run:…:')})`],
    ['kvs reads / writes', `${fmt.int(measured.kvs.reads)} / ${fmt.int(measured.kvs.writes + measured.kvs.deletes)}`, `${fmt.int(measured.kvs.readUnits)} / ${fmt.int(measured.kvs.writeUnits)} units of 10 KB`],
    ['kvs busiest minute (read / write units)', `${fmt.int(measured.kvs.peakReadUnitsPerMinute)} / ${fmt.int(measured.kvs.peakWriteUnitsPerMinute)}`, `limit ${KVS_LIMITS.readUnitsPerMinute} / ${KVS_LIMITS.writeUnitsPerMinute}; unscaled average ${fmt.int(measured.kvs.readUnits / (runMinutes * scale))} / ${fmt.int(measured.kvs.writeUnits / (runMinutes * scale))} a minute`],
    ['kvs reads by what they are for', measured.kvs.readUnitsByKind.slice(0, 3).map(([k, n]) => `${k} ${fmt.int(n)}`).join('; '), 'units of 10 KB'],
    ['kvs busiest second (requests)', fmt.int(measured.kvs.peakRequestsPerSecond), `limit ${KVS_LIMITS.requestsPerSecond}`],
    ['events pushed in the busiest minute', fmt.int(measured.peakEventsPerMinute), 'Forge: 500'],
    ['checks undecided', fmt.int(measured.checksUndecided), measured.undecided.slice(0, 3).join(' | ')],
    ['containers that died mid-job', fmt.int(measured.containersDied.length), measured.containersDied.map((d) => `${d.key} (exit ${d.code})`).join(', ')],
    ['run finished (history, e-mail)', measured.runFinished ? 'yes' : 'NO', 'by the job that finishes the run'],
    ['shared entries left after the run', fmt.int(measured.sharedEntriesLeft), 'dropped when the run ends'],
  ];
  out.push(textTable(['', 'figure', 'against'], rows));
  out.push('');
  const verdicts: [string, ReturnType<typeof atMost>][] = [
    ['calls ≤ 1.05 × whole-site bound', atMost(counts.total / bound.total, TARGETS.callsRatio, fmt.ratio)],
    ['wall time ≤ 1.2 × its bound (measured, scaled)', atMost(measured.wallMs / wallBound.ms, TARGETS.wallRatio, fmt.ratio)],
    ['every job ≤ 900 s (unscaled)', atMost((longestJob?.wallMs ?? 0) * scale, CONSUMER_INVOCATION_LIMIT_MS, fmt.seconds)],
    ['peak RSS per invocation ≤ 256 MB', atMost(measured.peakRssBytes, INVOCATION_MEMORY_BYTES, fmt.mib)],
    ['no kvs value over 240 KiB', atMost(measured.kvs.largestValueBytes, TARGETS.kvsValueBytes, fmt.kib)],
    ['0 checks undecided, 0 jobs failed', atMost(measured.checksUndecided + measured.jobsFailed + measured.containersDied.length, 0, String)],
    ['the run finished (its last job appended history)', { met: measured.runFinished, text: measured.runFinished ? 'met' : 'MISSED' }],
  ];
  for (const [label, verdict] of verdicts) out.push(`  ${verdict.met ? '✓' : '✗'} ${label}: ${verdict.text}`);
  process.stdout.write(`${out.join('\n')}\n`);
  if (json) writeFileSync(json, JSON.stringify({ request, scale, counts, bound, forgeBound, wallBound, measured: { ...measured, jobs: measured.jobs } }, null, 2));
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`forge-scale failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
