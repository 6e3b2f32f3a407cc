/**
 * `npm run bench`: the real gatherer and engine against a generated enterprise
 * site in the simulator (127.0.0.1 only), at 25, 50, 100 and 200 desks, with Jira-
 * like latency and per-endpoint burst limits. Prints calls against the lower bound,
 * wall time against its bound, peak RSS, the largest stored value per desk and the
 * longest single-desk job, each next to its target.
 *
 *   node --expose-gc dist/bench/run.js [--sizes 25,50,100,200] [--latency 40] [--jitter 15]
 *        [--burst 100/1000 | --no-burst] [--no-latency] [--concurrency 6] [--json out.json]
 *        [--no-forge] [--timeline]
 *
 * --timeline prints, for each size's whole-site run, the customer endpoint's accepted
 * calls per second, its 429s and when the longest desk's chain ended against the others.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { CUSTOMER_PAGING_CONCURRENCY, DEFAULT_GATHER_CONCURRENCY } from '../src/gather/gather-snapshot';
import { startChild } from './ipc';
import { ENDPOINTS, lowerBound, LOWER_BOUND_FORMULA, singleDeskLowerBound, wallTimeBound, type CallCount, type TimingModel, type WallTimeBound } from './lower-bound';
import type { MeasuredInChild } from './measure-process';
import type { RunTarget } from './measure-run';
import { callsPerMs, siteTimingOptions } from './site-options';
import type { SimulatorCounts, SimulatorStarted, SimulatorStartRequest, SimulatorTimeline } from './simulator-process';
import { endpointTimeline, formatTimeline, type EndpointTimeline } from './endpoint-timeline';
import type { SiteShape } from './site-shape';
import type { ForgeRunMeasurement, ForgeRunOptions, ForgeRunSite } from './forge-run';
import { READINESS_JOB_CONCURRENCY } from '../src/forge/run/job-pacing';
import { measureFixRechecks, type FixRecheckRow } from './fix-recheck';
import { textTable } from './table';
import { atMost, fmt, TARGETS } from './targets';

const RUN_TIMEOUT_MS = 20 * 60_000;

interface Options {
  sizes: number[];
  latency?: { meanMs: number; jitterMs: number };
  burst?: { maxRequests: number; perMs: number };
  concurrency: number;
  /** Also measure a Forge run (one job per desk, as Forge runs them) at each size. */
  forge: boolean;
  /** Print the customer endpoint's timeline of each whole-site run. */
  timeline: boolean;
  json?: string;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string', default: '25,50,100,200' },
      ...siteTimingOptions({ latency: '40', jitter: '15' }),
      'no-burst': { type: 'boolean', default: false },
      'no-latency': { type: 'boolean', default: false },
      'no-forge': { type: 'boolean', default: false },
      timeline: { type: 'boolean', default: false },
      concurrency: { type: 'string', default: String(DEFAULT_GATHER_CONCURRENCY) },
      json: { type: 'string' },
    },
  });
  const sizes = values.sizes!.split(',').map((s) => Number.parseInt(s.trim(), 10));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 2000)) throw new Error('--sizes takes desk counts from 1 to 2000, e.g. 25,50,100,200');
  const concurrency = Number.parseInt(values.concurrency!, 10);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new Error('--concurrency takes 1 to 64');
  const options: Options = { sizes: [...new Set(sizes)].sort((a, b) => a - b), concurrency, forge: !values['no-forge'], timeline: values.timeline === true };
  if (!values['no-latency']) options.latency = { meanMs: Number(values.latency), jitterMs: Number(values.jitter) };
  if (!values['no-burst']) options.burst = callsPerMs(values.burst!, 'burst');
  if (values.json) options.json = values.json;
  return options;
}

interface MeasuredRun {
  label: string;
  projectKeys: string[];
  measured: MeasuredInChild;
  simulator: SimulatorCounts;
  bound: CallCount;
  wallBound: WallTimeBound;
  timeline?: EndpointTimeline;
}

interface SizeResult {
  desks: number;
  shape: SiteShape;
  full: MeasuredRun;
  singles: MeasuredRun[];
  /** A Forge run of one job per desk if every job read what the desks share itself: Σ single-desk bounds, end-user groups once. */
  forgeRunBound: number;
  /** The measured Forge run, its calls and 429s as the site answered them, its wall-time bound. */
  forgeRun?: { measured: ForgeRunMeasurement; simulator: SimulatorCounts; wallBound: WallTimeBound };
  /** At the largest size: the re-check after each kind of fix, on the desk with the most customers. */
  fixRechecks?: { desk: string; rows: FixRecheckRow[] };
}

async function measuredRun(sim: SimulatorStarted, simChild: ReturnType<typeof startChild>, projectKeys: string[], timing: TimingModel, label: string, options: Options): Promise<MeasuredRun> {
  const child = startChild('measure-process.js');
  try {
    const target: RunTarget = {
      baseUrl: sim.url,
      email: sim.email,
      apiToken: sim.apiToken,
      serviceAccount: sim.serviceAccount,
      endUserGroups: sim.endUserGroups,
      projectKeys,
      concurrency: options.concurrency,
    };
    const measured = await child.ask<MeasuredInChild>({ type: 'run', target }, RUN_TIMEOUT_MS);
    // Before the counts, which start the next run afresh.
    const traced = options.timeline && projectKeys.length === 0 ? await simChild.ask<SimulatorTimeline>({ type: 'timeline', endpoint: ENDPOINTS.customers }, 60_000) : undefined;
    const simulator = await simChild.ask<SimulatorCounts>({ type: 'counts' }, 60_000);
    const bound = projectKeys.length === 1 ? singleDeskLowerBound(sim.shape, projectKeys[0]!) : lowerBound(sim.shape);
    const wallBound = wallTimeBound(sim.shape, bound, timing, projectKeys.length > 0 ? projectKeys : undefined);
    return { label, projectKeys, measured, simulator, bound, wallBound, ...(traced ? { timeline: endpointTimeline(ENDPOINTS.customers, traced.calls, traced.runStartMs) } : {}) };
  } finally {
    await child.stop();
  }
}

/**
 * A Forge run in its own process. The order its jobs start in comes from each desk's
 * customer pages as a previous run records them; here they are what the site holds.
 */
async function measuredForgeRun(sim: SimulatorStarted, simChild: ReturnType<typeof startChild>, timing: TimingModel): Promise<NonNullable<SizeResult['forgeRun']>> {
  const child = startChild('forge-run-process.js');
  try {
    const site: ForgeRunSite = { baseUrl: sim.url, email: sim.email, apiToken: sim.apiToken, serviceAccount: sim.serviceAccount, endUserGroups: sim.endUserGroups };
    const forgeOptions: ForgeRunOptions = { previousCustomerPages: previousCustomerPages(sim.shape) };
    const measured = await child.ask<ForgeRunMeasurement>({ type: 'forge-run', site, options: forgeOptions }, RUN_TIMEOUT_MS * 3);
    const simulator = await simChild.ask<SimulatorCounts>({ type: 'counts' }, 60_000);
    return { measured, simulator, wallBound: forgeWallBound(sim.shape, timing) };
  } finally {
    await child.stop();
  }
}

/** What a previous run leaves for the order of the next: each desk's customer pages (at least one). */
export function previousCustomerPages(shape: SiteShape): Record<string, number> {
  return Object.fromEntries(shape.deskShapes.map((d) => [d.key, Math.max(1, Math.ceil(d.customers / 50))]));
}

/** A Forge run's wall-time bound: the whole-site bound with every job's requests in flight at once (the key's limit × each job's). */
function forgeWallBound(shape: SiteShape, timing: TimingModel): WallTimeBound {
  return wallTimeBound(shape, lowerBound(shape), { ...timing, concurrency: timing.concurrency * READINESS_JOB_CONCURRENCY.limit });
}

/** The desks a Forge job is hardest on: most customers, fewest, and a team-managed one. */
function singleDeskPicks(shape: SiteShape): string[] {
  const byCustomers = [...shape.deskShapes].sort((a, b) => b.customers - a.customers);
  const picks = [byCustomers[0]?.key, byCustomers[byCustomers.length - 1]?.key, shape.deskShapes.find((d) => d.style === 'team-managed')?.key];
  return [...new Set(picks.filter((k): k is string => k !== undefined))];
}

async function measureSize(desks: number, options: Options, withSingles: boolean): Promise<SizeResult> {
  const simChild = startChild('simulator-process.js');
  try {
    const request: SimulatorStartRequest = { desks, ...(options.latency ? { latency: options.latency } : {}), ...(options.burst ? { burst: options.burst } : {}) };
    const sim = await simChild.ask<SimulatorStarted>({ type: 'start', ...request }, 5 * 60_000);
    // Customer pages have a lane of their own beside the gatherer's requests: both are in flight at once.
    const timing: TimingModel = { latencyMs: options.latency?.meanMs ?? 0, concurrency: options.concurrency + CUSTOMER_PAGING_CONCURRENCY, ...(options.burst ? { burst: options.burst } : {}) };
    process.stderr.write(`[bench] ${desks} desks: full run…\n`);
    const full = await measuredRun(sim, simChild, [], timing, `${desks} desks`, options);
    const singles: MeasuredRun[] = [];
    if (withSingles) {
      for (const key of singleDeskPicks(sim.shape)) {
        process.stderr.write(`[bench] ${desks} desks: single-desk job ${key}…\n`);
        singles.push(await measuredRun(sim, simChild, [key], timing, key, options));
      }
    }
    let forgeRun: SizeResult['forgeRun'];
    if (options.forge) {
      process.stderr.write(`[bench] ${desks} desks: Forge run (one job per desk, ${READINESS_JOB_CONCURRENCY.limit} at once)…\n`);
      forgeRun = await measuredForgeRun(sim, simChild, timing);
    }
    let fixRechecks: SizeResult['fixRechecks'];
    if (withSingles) {
      const desk = [...sim.shape.deskShapes].sort((a, b) => b.customers - a.customers)[0]!.key;
      process.stderr.write(`[bench] ${desks} desks: re-checks after fixes on ${desk}…\n`);
      const site: ForgeRunSite = { baseUrl: sim.url, email: sim.email, apiToken: sim.apiToken, serviceAccount: sim.serviceAccount, endUserGroups: sim.endUserGroups };
      const rows = await measureFixRechecks(site, desk, async () => (await simChild.ask<SimulatorCounts>({ type: 'counts' }, 60_000)).total);
      fixRechecks = { desk, rows };
    }
    const perDesk = sim.shape.deskShapes.map((d) => singleDeskLowerBound(sim.shape, d.key));
    const groupPages = perDesk[0]?.byEndpoint[ENDPOINTS.groupMember] ?? 0;
    const forgeRunBound = perDesk.reduce((sum, b) => sum + b.total, 0) - groupPages * Math.max(0, perDesk.length - 1);
    await simChild.ask({ type: 'stop' }, 30_000).catch(() => undefined);
    return { desks, shape: sim.shape, full, singles, forgeRunBound, ...(forgeRun ? { forgeRun } : {}), ...(fixRechecks ? { fixRechecks } : {}) };
  } finally {
    await simChild.stop();
  }
}

function largestStored(run: MeasuredRun): { key: string; storedBytes: number; rawBytes: number } {
  return run.measured.sizes.reduce((a, b) => (b.storedBytes > a.storedBytes ? b : a), { key: '-', storedBytes: 0, rawBytes: 0 });
}

function render(results: SizeResult[], options: Options): string {
  const out: string[] = [];
  const last = results[results.length - 1]!;
  out.push('Moveworks Readiness benchmark — a SIMULATED Jira site (dev/simulator), never a real one.');
  out.push(
    `Latency ${options.latency ? `${options.latency.meanMs} ± ${options.latency.jitterMs} ms per call` : 'none'}; burst limit ${
      options.burst ? `${options.burst.maxRequests} calls per ${options.burst.perMs} ms per endpoint (429 + Retry-After)` : 'none'
    }; gatherer concurrency ${options.concurrency} + ${CUSTOMER_PAGING_CONCURRENCY} customer pages.`,
  );
  const s = last.shape;
  const team = s.deskShapes.filter((d) => d.style === 'team-managed').length;
  const customers = s.deskShapes.map((d) => d.customers);
  out.push(
    `Site at ${last.desks} desks: ${last.desks - team} company-managed + ${team} team-managed; end-user groups ${Object.entries(s.groupMembers)
      .map(([g, n]) => `${g} ${fmt.int(n)}`)
      .join(', ')}; customers per desk ${fmt.int(Math.min(...customers))}–${fmt.int(Math.max(...customers))} (${fmt.int(customers.reduce((a, b) => a + b, 0))} in all).`,
  );
  out.push(`Machine: ${os.cpus().length} CPU(s), load average ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} at the end (other work on the machine slows both processes and stretches wall time).`);
  out.push('');

  out.push('Growth with size (each size measured in its own process; calls = every HTTP call the simulator answered, 429s included):');
  out.push(
    textTable(
      ['desks', 'calls', 'lower bound', 'calls/bound', '429s', 'wall', 'wall bound', 'wall/bound', 'bound set by', 'client CPU', 'simulator CPU', 'peak RSS', 'largest stored desk', 'uncapped'],
      results.map((r) => {
        const big = largestStored(r.full);
        return [
          String(r.desks),
          fmt.int(r.full.simulator.total),
          fmt.int(r.full.bound.total),
          fmt.ratio(r.full.simulator.total / r.full.bound.total),
          fmt.int(r.full.simulator.rateLimited),
          fmt.seconds(r.full.measured.wallMs),
          fmt.seconds(r.full.wallBound.ms),
          r.full.wallBound.ms > 0 ? fmt.ratio(r.full.measured.wallMs / r.full.wallBound.ms) : '-',
          r.full.wallBound.limitedBy,
          fmt.seconds(r.full.measured.cpuMs),
          fmt.seconds(r.full.simulator.cpuMs),
          fmt.mib(r.full.measured.peakRssBytes),
          fmt.kib(big.storedBytes),
          fmt.kib(big.rawBytes),
        ];
      }),
    ),
  );
  out.push('');

  const timelines = results.filter((r) => r.full.timeline);
  if (timelines.length > 0) {
    out.push('Where the whole-site runs spent their time on the busiest endpoint (seconds from the first call, as the simulator answered):');
    for (const r of timelines) out.push(...formatTimeline(`${r.desks} desks`, r.full.timeline!));
    out.push('');
  }

  const forgeRows = results.filter((r) => r.forgeRun);
  if (forgeRows.length > 0) {
    out.push(`A Forge run at each size (one job per desk through the app's start-run and queue consumer, ${READINESS_JOB_CONCURRENCY.limit} jobs at once under the shared key, each in its own container process; jobs ordered by each desk's customer pages as a previous run records them):`);
    out.push(
      textTable(
        ['desks', 'calls', 'whole-site bound', 'calls/bound', '429s', 'wall', 'wall bound', 'wall/bound', 'longest job', 'container peak RSS', 'largest kvs value', 'kvs read units/min', 'undecided'],
        forgeRows.map((r) => {
          const f = r.forgeRun!;
          const longest = Math.max(0, ...f.measured.jobs.map((j) => j.wallMs));
          return [
            String(r.desks),
            fmt.int(f.simulator.total),
            fmt.int(r.full.bound.total),
            fmt.ratio(f.simulator.total / r.full.bound.total),
            fmt.int(f.simulator.rateLimited),
            fmt.seconds(f.measured.wallMs),
            fmt.seconds(f.wallBound.ms),
            fmt.ratio(f.measured.wallMs / f.wallBound.ms),
            fmt.seconds(longest),
            fmt.mib(f.measured.peakRssBytes),
            fmt.kib(f.measured.kvs.largestValueBytes),
            fmt.int(f.measured.kvs.peakReadUnitsPerMinute),
            fmt.int(f.measured.checksUndecided + f.measured.jobsFailed),
          ];
        }),
      ),
    );
    out.push('');
  }

  const full = last.full;
  out.push(`Calls per endpoint at ${last.desks} desks (client count; the simulator answered ${fmt.int(full.simulator.total)}, ${fmt.int(full.simulator.rateLimited)} of them 429):`);
  const endpoints = [...new Set([...Object.keys(full.measured.callsByEndpoint), ...Object.keys(full.bound.byEndpoint)])].sort();
  out.push(
    textTable(
      ['endpoint', 'calls', 'lower bound', 'extra'],
      endpoints.map((e) => {
        const calls = full.measured.callsByEndpoint[e] ?? 0;
        const bound = full.bound.byEndpoint[e] ?? 0;
        return [e, fmt.int(calls), fmt.int(bound), fmt.int(calls - bound)];
      }),
    ),
  );
  out.push('');

  if (last.singles.length > 0) {
    out.push(`Single-desk jobs at ${last.desks} desks (as the Forge queue consumer runs them: settings.projectKeys = [key], one process each):`);
    out.push(
      textTable(
        ['desk', 'style', 'customers', 'calls', 'lower bound', 'wall', 'vs 900 s', 'peak RSS', 'stored'],
        last.singles.map((r) => {
          const desk = last.shape.deskShapes.find((d) => d.key === r.projectKeys[0]);
          return [
            r.label,
            desk?.style ?? '?',
            fmt.int(desk?.customers ?? 0),
            fmt.int(r.simulator.total),
            fmt.int(r.bound.total),
            fmt.seconds(r.measured.wallMs),
            `${((r.measured.wallMs / TARGETS.forgeJobLimitMs) * 100).toFixed(1)}%`,
            fmt.mib(r.measured.peakRssBytes),
            fmt.kib(r.measured.sizes[0]?.storedBytes ?? 0),
          ];
        }),
      ),
    );
    out.push(
      `A Forge run's first job reads what the desks share (server, service account, end-user groups, listing, request types, organizations, schemes, workflows, screens) once for the run; had every job read it itself, the run's bound would be ${fmt.int(last.forgeRunBound)} calls against ${fmt.int(full.bound.total)} for one whole-site run.`,
    );
    out.push('');
  }

  if (last.fixRechecks) {
    out.push(`Re-check after a fix at ${last.desks} desks, on ${last.fixRechecks.desk} (the desk with the most customers): calls of the fix run's re-check (only what the fix changed), of the same checks read afresh, and of a whole desk's job:`);
    out.push(
      textTable(
        ['fix', 'changes', 'fix re-check', 'same checks, all read', 'whole desk'],
        last.fixRechecks.rows.map((r) => [r.fix, r.changes, fmt.int(r.recheck), fmt.int(r.recheckWithoutPlan), fmt.int(r.fullDesk)]),
      ),
    );
    out.push('');
  }

  out.push('Targets:');
  const verdicts: [string, ReturnType<typeof atMost>][] = [];
  for (const r of results) {
    const errors = r.full.measured.statusCounts.error ?? 0;
    const ratio = r.full.simulator.total / r.full.bound.total;
    // Fewer calls than the bound only means artifacts were given up on: not a pass.
    const calls = errors > 0 ? { met: false, text: `not comparable: ${errors} check(s) could not decide, so some artifacts were never read` } : atMost(ratio, TARGETS.callsRatio, fmt.ratio);
    verdicts.push([`calls at ${r.desks} desks ${fmt.ratio(ratio)} × bound`, calls]);
    if (r.full.wallBound.ms > 0) {
      const wallRatio = r.full.measured.wallMs / r.full.wallBound.ms;
      // A run that gave up on artifacts finished early for the wrong reason.
      const wall = errors > 0 ? { met: false, text: `not comparable: ${errors} check(s) could not decide` } : atMost(wallRatio, TARGETS.wallRatio, fmt.ratio);
      verdicts.push([`wall time at ${r.desks} desks ${fmt.ratio(wallRatio)} × bound`, wall]);
    }
  }
  for (const r of forgeRows) {
    const f = r.forgeRun!;
    const ratio = f.simulator.total / r.full.bound.total;
    const broken = f.measured.checksUndecided + f.measured.jobsFailed;
    verdicts.push([`Forge run calls at ${r.desks} desks ${fmt.ratio(ratio)} × the whole-site bound`, broken > 0 ? { met: false, text: `not comparable: ${broken} check(s) or job(s) did not decide` } : atMost(ratio, TARGETS.callsRatio, fmt.ratio)]);
    verdicts.push([`Forge run wall time at ${r.desks} desks ${fmt.ratio(f.measured.wallMs / f.wallBound.ms)} × its bound`, atMost(f.measured.wallMs / f.wallBound.ms, TARGETS.wallRatio, fmt.ratio)]);
    const longest = Math.max(0, ...f.measured.jobs.map((j) => j.wallMs));
    verdicts.push([`longest Forge job at ${r.desks} desks ${fmt.seconds(longest)}`, atMost(longest, TARGETS.forgeJobWellUnderMs, fmt.seconds)]);
  }
  verdicts.push([`peak RSS at ${last.desks} desks ${fmt.mib(full.measured.peakRssBytes)}`, atMost(full.measured.peakRssBytes, TARGETS.peakRssBytes, fmt.mib)]);
  const biggest = Math.max(...results.map((r) => largestStored(r.full).storedBytes));
  verdicts.push([`largest stored desk value ${fmt.kib(biggest)}`, atMost(biggest, TARGETS.kvsValueBytes, fmt.kib)]);
  if (last.singles.length > 0) {
    const longest = Math.max(...last.singles.map((r) => r.measured.wallMs));
    verdicts.push([`longest single-desk job ${fmt.seconds(longest)}`, atMost(longest, TARGETS.forgeJobWellUnderMs, fmt.seconds)]);
  }
  const undecided = results.flatMap((r) => r.full.measured.undecided.map((u) => `${r.desks} desks: ${u.key} ${u.check}: ${u.summary}`));
  for (const r of results) {
    const errors = r.full.measured.statusCounts.error ?? 0;
    const decided = r.full.measured.desksJudged === r.desks && errors === 0;
    verdicts.push([`every desk judged, no check left undecided, at ${r.desks} desks`, { met: decided, text: decided ? 'met' : `MISSED (${r.full.measured.desksJudged} of ${r.desks} desks judged; ${errors} check(s) error)` }]);
  }
  for (const [label, verdict] of verdicts) out.push(`  ${verdict.met ? '✓' : '✗'} ${label}: ${verdict.text}`);
  if (undecided.length > 0) {
    out.push(`Checks that could not decide (first ${Math.min(undecided.length, 10)}):`);
    for (const line of undecided.slice(0, 10)) out.push(`  ${line}`);
  }
  out.push('');
  out.push('Lower bound of calls (every artifact the checks need read once, full pages at Jira\'s caps):');
  out.push(LOWER_BOUND_FORMULA);
  out.push('Wall-time bound = max(bound calls × mean latency / concurrency, busiest endpoint\'s bound calls at the burst rate, longest sequential chain × latency).');
  return out.join('\n');
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const results: SizeResult[] = [];
  const largest = options.sizes[options.sizes.length - 1]!;
  for (const desks of options.sizes) results.push(await measureSize(desks, options, desks === largest));
  const text = render(results, options);
  process.stdout.write(`${text}\n`);
  if (options.json) writeFileSync(options.json, JSON.stringify({ options, results }, null, 2));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
