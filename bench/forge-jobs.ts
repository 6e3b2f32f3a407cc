/**
 * Forge jobs share one concurrency key: does it bound the 429s? A re-check of a
 * generated site (default 200 desks) as Forge runs it: one job per desk, each with
 * its own JiraClient (its rate gates see only its own calls), against a simulator
 * in its own process whose every endpoint has one site-wide burst limit answered
 * with 429 + Retry-After. Run once per concurrency limit; prints 429s, calls, wall
 * time and jobs that failed for each.
 *
 *   npm run build:node && node dist/bench/forge-jobs.js [--desks 200] [--limits 4,unlimited]
 *        [--latency 5] [--jitter 2] [--burst 100/1000] [--json out.json]
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { measureForgeJobs, type ForgeJobsMeasurement, type JobLimit } from './forge-jobs-run';
import { startChild } from './ipc';
import { callsPerMs, siteTimingOptions } from './site-options';
import type { SimulatorCounts, SimulatorStarted, SimulatorStartRequest } from './simulator-process';
import { markdownTable, textTable } from './table';

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      desks: { type: 'string', default: '200' },
      limits: { type: 'string', default: '4,unlimited' },
      ...siteTimingOptions({ latency: '5', jitter: '2' }),
      json: { type: 'string' },
    },
  });
  const desks = Number.parseInt(values.desks!, 10);
  if (!Number.isInteger(desks) || desks < 1 || desks > 1000) throw new Error('--desks takes 1 to 1000');
  const limits: JobLimit[] = values.limits!.split(',').map((s) => {
    const t = s.trim();
    if (t === 'unlimited') return 'unlimited';
    const n = Number.parseInt(t, 10);
    if (!Number.isInteger(n) || n < 1) throw new Error('--limits takes whole numbers of at least 1 or "unlimited", e.g. 4,unlimited');
    return n;
  });
  const request: SimulatorStartRequest = {
    desks,
    latency: { meanMs: Number(values.latency), jitterMs: Number(values.jitter) },
    burst: callsPerMs(values.burst!, 'burst'),
  };
  return { request, limits, json: values.json };
}

interface Row extends ForgeJobsMeasurement {
  rateLimited: number;
  calls: number;
}

async function main(): Promise<void> {
  const { request, limits, json } = parseOptions(process.argv.slice(2));
  const simChild = startChild('simulator-process.js');
  const rows: Row[] = [];
  try {
    const sim = await simChild.ask<SimulatorStarted>({ type: 'start', ...request }, 5 * 60_000);
    console.log(`Simulated site: ${request.desks} desks, latency ${request.latency!.meanMs} ± ${request.latency!.jitterMs} ms, burst ${request.burst!.maxRequests} calls per ${request.burst!.perMs} ms per endpoint (site-wide, 429 + Retry-After)`);
    for (const limit of limits) {
      await simChild.ask<SimulatorCounts>({ type: 'counts' }, 60_000); // clean counters and burst windows
      const measured = await measureForgeJobs({ baseUrl: sim.url, email: sim.email, apiToken: sim.apiToken, serviceAccount: sim.serviceAccount, endUserGroups: sim.endUserGroups }, limit);
      const counts = await simChild.ask<SimulatorCounts>({ type: 'counts' }, 60_000);
      const row = { ...measured, rateLimited: counts.rateLimited, calls: counts.total };
      rows.push(row);
      console.log(`limit ${limit}: ${row.rateLimited} × 429 of ${row.calls} calls, ${(row.wallMs / 1000).toFixed(1)} s, ${row.jobsDone} jobs done, ${row.jobsFailed} failed, at most ${row.peakJobs} at once`);
      for (const f of row.failures) console.log(`  failed: ${f}`);
    }
  } finally {
    await simChild.stop();
  }
  const headers = ['jobs at once', '429s', 'calls', '429 share', 'wall time', 'jobs done', 'jobs failed', 'peak jobs'];
  const cells = rows.map((r) => [
    String(r.limit),
    String(r.rateLimited),
    String(r.calls),
    `${((100 * r.rateLimited) / Math.max(1, r.calls)).toFixed(2)}%`,
    `${(r.wallMs / 1000).toFixed(1)} s`,
    String(r.jobsDone),
    String(r.jobsFailed),
    String(r.peakJobs),
  ]);
  console.log(`\n${textTable(headers, cells)}\n\n${markdownTable(headers, cells)}`);
  if (json) writeFileSync(json, JSON.stringify(rows, null, 2));
}

main().then(
  // A run of more than 50 desks leaves a hand-on timer that would keep the process a minute longer.
  () => process.exit(0),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
