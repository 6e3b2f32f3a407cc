/**
 * A desk too large for one Forge job, as a Forge run reads it: one generated desk
 * of 150,000 customers (3,000 pages) re-checked through the app's own start-run and
 * consumer (bench/forge-run.ts: each job in a container process, one metered kvs),
 * against a simulator with Jira-like latency and burst limits, with the job's stop
 * time scaled down with the desk. At Jira's pace a desk of a million customers is
 * 20,000 pages, about 800 s, and a job stops its paging at 600 s; this desk is
 * 3,000 pages, so its stop time is 600 s × 3,000 / 20,000 = 90 s, and time scaled 4×
 * (latency ÷ 4, burst × 4) it is 22.5 s. Prints the jobs the desk took, its calls
 * against its bound, customer pages read twice (must be 0), each container's peak
 * RSS and the largest kvs value.
 *
 *   npm run build:node && node dist/bench/forge-giant-desk.js [--customers 150000]
 *        [--time-scale 4] [--latency 40] [--jitter 15] [--burst 100/1000] [--stop-after-ms N]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { JOB_CUSTOMER_PAGING_MS } from '../src/forge/consumer/job-deadline';
import type { ForgeRunMeasurement, ForgeRunOptions, ForgeRunSite } from './forge-run';
import { startChild } from './ipc';
import { JIRA_CAPS, lowerBound } from './lower-bound';
import type { SimulatorCounts, SimulatorStartRequest, SimulatorStarted } from './simulator-process';
import { textTable } from './table';
import { atMost, fmt } from './targets';

/** The desk a million customers make: 20,000 pages of 50. */
const MILLION_PAGES = 20_000;
const INVOCATION_MEMORY_BYTES = 256 * 1024 * 1024;
const KVS_VALUE_LIMIT_BYTES = 240 * 1024;

function parseOptions(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      customers: { type: 'string', default: '150000' },
      'time-scale': { type: 'string', default: '4' },
      latency: { type: 'string', default: '40' },
      jitter: { type: 'string', default: '15' },
      burst: { type: 'string', default: '100/1000' },
      'stop-after-ms': { type: 'string' },
    },
  });
  const customers = Number.parseInt(values.customers!, 10);
  const scale = Number(values['time-scale']);
  if (!Number.isInteger(customers) || customers < 1_000) throw new Error('--customers takes a whole number of at least 1,000');
  if (!(scale >= 1 && scale <= 20)) throw new Error('--time-scale takes 1 to 20');
  const burst = /^(\d+)\/(\d+)$/.exec(values.burst!);
  if (!burst) throw new Error('--burst takes calls/milliseconds, e.g. 100/1000');
  const pages = Math.ceil(customers / JIRA_CAPS.customers);
  // The job's stop time, scaled with the desk (a million customers: 600 s) and with time.
  const stopAfterMs = values['stop-after-ms'] ? Number(values['stop-after-ms']) : Math.round((JOB_CUSTOMER_PAGING_MS * pages) / MILLION_PAGES / scale);
  const request: SimulatorStartRequest = {
    desks: 1,
    endUsers: customers,
    maxCustomers: customers,
    latency: { meanMs: Number(values.latency) / scale, jitterMs: Number(values.jitter) / scale },
    burst: { maxRequests: Math.round(Number(burst[1]) * scale), perMs: Number(burst[2]) },
  };
  return { request, scale, pages, stopAfterMs, latencyMs: Number(values.latency) };
}

async function main(): Promise<void> {
  const { request, scale, pages, stopAfterMs, latencyMs } = parseOptions(process.argv.slice(2));
  const simChild = startChild('simulator-process.js');
  let measured: ForgeRunMeasurement;
  let counts: SimulatorCounts;
  let started: SimulatorStarted;
  try {
    process.stderr.write(`[forge-giant-desk] generating one desk of ${request.maxCustomers} customers…\n`);
    started = await simChild.ask<SimulatorStarted>({ type: 'start', ...request }, 10 * 60_000);
    const runChild = startChild('forge-run-process.js');
    try {
      const site: ForgeRunSite = { baseUrl: started.url, email: started.email, apiToken: started.apiToken, serviceAccount: started.serviceAccount, endUserGroups: started.endUserGroups };
      const options: ForgeRunOptions = { customerPaging: { stopAfterMs }, withinMs: 20 * 60_000 };
      process.stderr.write(`[forge-giant-desk] Forge run, each job paging customers for ${fmt.seconds(stopAfterMs)} (time scaled ${scale}×)…\n`);
      measured = await runChild.ask<ForgeRunMeasurement>({ type: 'forge-run', site, options }, 30 * 60_000);
    } finally {
      await runChild.stop();
    }
    counts = await simChild.ask<SimulatorCounts>({ type: 'counts' }, 60_000);
  } finally {
    await simChild.stop();
  }

  const shape = started.shape;
  const desk = shape.deskShapes[0]!;
  // The whole-site bound plus the desk list the run's start pages.
  const whole = lowerBound(shape);
  const bound = whole.total + Math.max(1, Math.ceil(shape.desks / JIRA_CAPS.serviceDesks));
  const over = Object.entries(counts.byEndpoint)
    .filter(([endpoint, n]) => n > (whole.byEndpoint[endpoint] ?? 0))
    .map(([endpoint, n]) => `${endpoint} ${n} (bound ${whole.byEndpoint[endpoint] ?? 0})`);
  const deskJobs = measured.jobs.filter((j) => j.key === desk.key);
  const customerCalls = counts.byEndpoint['GET /rest/servicedeskapi/servicedesk/{serviceDeskId}/customer'] ?? 0;
  const longest = deskJobs.reduce((a, b) => (b.wallMs > a.wallMs ? b : a), deskJobs[0]!);

  const out: string[] = [];
  out.push('Moveworks Readiness — a desk too large for one Forge job, on a SIMULATED Jira site (dev/simulator), never a real one.');
  out.push(`Site: one desk ${desk.key} of ${fmt.int(desk.customers)} customers (${fmt.int(pages)} pages of 50); end-user groups ${Object.entries(shape.groupMembers).map(([g, n]) => `${g} ${fmt.int(n)}`).join(', ')}.`);
  out.push(`Jira as simulated, time scaled ${scale}×: latency ${latencyMs} ms → ${request.latency!.meanMs.toFixed(1)} ms; burst ${request.burst!.maxRequests}/${request.burst!.perMs} ms per endpoint.`);
  out.push(`Each job pages its desk's customers for ${fmt.seconds(stopAfterMs)} (the app's ${fmt.seconds(JOB_CUSTOMER_PAGING_MS)} × ${fmt.int(pages)} / ${fmt.int(MILLION_PAGES)} pages ÷ ${scale}), then hands the rest on.`);
  out.push(`Machine: ${os.cpus().length} CPU(s), load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end.`);
  out.push('');
  const rows: [string, string, string][] = [
    ['jobs the desk took', fmt.int(deskJobs.length), deskJobs.map((j) => `part ${j.part}: ${j.state}, ${fmt.seconds(j.wallMs)}`).join('; ')],
    ['calls (the site answered, 429s included)', fmt.int(counts.total), `the desk's bound ${fmt.int(bound)} (every artifact once, lists in full pages, + the start's desk list)`],
    ['calls / bound', fmt.ratio(counts.total / bound), over.length > 0 ? `over the whole-site bound: ${over.join('; ')}` : ''],
    ['customer pages asked for', fmt.int(customerCalls), `${fmt.int(pages)} pages in the desk`],
    ['customer pages read twice', fmt.int(counts.customerPagesReadTwice), 'must be 0'],
    ['429s', fmt.int(counts.rateLimited), ''],
    ['wall time', fmt.seconds(measured.wallMs), `unscaled ${fmt.seconds(measured.wallMs * scale)}`],
    ['longest job', fmt.seconds(longest?.wallMs ?? 0), `unscaled ${fmt.seconds((longest?.wallMs ?? 0) * scale)} of Forge's 900 s`],
    ['peak RSS of any container', fmt.mib(measured.peakRssBytes), `invocation memory ${fmt.mib(INVOCATION_MEMORY_BYTES)}`],
    ['largest kvs value', fmt.kib(measured.kvs.largestValueBytes), `limit 240 KiB (${measured.kvs.largestValueKey.replace(/:run:[^:]+:/, ':run:…:')})`],
    ['kvs write units / busiest minute', `${fmt.int(measured.kvs.writeUnits)} / ${fmt.int(measured.kvs.peakWriteUnitsPerMinute)}`, 'units of 10 KB; Forge allows 4,000 a minute'],
    ['checks undecided, jobs failed', `${fmt.int(measured.checksUndecided)}, ${fmt.int(measured.jobsFailed)}`, measured.undecided.slice(0, 2).join(' | ')],
    ['run finished (history, e-mail)', measured.runFinished ? 'yes' : 'NO', ''],
    ['shared entries left after the run', fmt.int(measured.sharedEntriesLeft), 'the run-shared store and the desk\'s parts, dropped'],
  ];
  out.push(textTable(['', 'figure', 'against'], rows));
  out.push('');
  const verdicts: [string, ReturnType<typeof atMost>][] = [
    ['no customer page read twice', atMost(counts.customerPagesReadTwice, 0, fmt.int)],
    ['calls ≤ 1.05 × the desk\'s bound', atMost(counts.total / bound, 1.05, fmt.ratio)],
    ['more than one job, every one ≤ 900 s unscaled', { met: deskJobs.length > 1 && (longest?.wallMs ?? 0) * scale <= 900_000, text: `${deskJobs.length} jobs, longest ${fmt.seconds((longest?.wallMs ?? 0) * scale)} unscaled` }],
    ['peak RSS per invocation ≤ 256 MB', atMost(measured.peakRssBytes, INVOCATION_MEMORY_BYTES, fmt.mib)],
    ['no kvs value over 240 KiB', atMost(measured.kvs.largestValueBytes, KVS_VALUE_LIMIT_BYTES, fmt.kib)],
    ['the desk judged, nothing undecided, the run finished', { met: measured.checksUndecided + measured.jobsFailed === 0 && measured.runFinished, text: measured.runFinished ? `${measured.checksUndecided} undecided` : 'NOT finished' }],
  ];
  for (const [label, verdict] of verdicts) out.push(`  ${verdict.met ? '✓' : '✗'} ${label}: ${verdict.text}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`forge-giant-desk failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
