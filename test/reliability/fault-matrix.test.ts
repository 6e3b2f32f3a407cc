/**
 * Fault matrix: every endpoint the gatherer calls × every way Jira can fail.
 * The fault is injected on every call to the endpoint, so no retry can recover;
 * the run must still end with a report in which no check that needed the data
 * passes, the retries are bounded, and the report says why. A run may instead
 * stop with a JiraError only where the gatherer says nothing else can work
 * (the first call refused or unreachable); that error must name the cause.
 *
 * The transient variant faults only the first call: the retry recovers and the
 * report must equal the fault-free baseline.
 */
import type { RunningSimulator } from '../../dev/simulator/server';
import type { Fault, Scenario } from '../../dev/simulator/scenario';
import type { CheckResult, Report } from '../../src/shared/report-model';
import { JiraError } from '../../src/jira/jira-error';
import { DEFAULT_RETRY_POLICY } from '../../src/jira/backoff';
import { runOnSimulator, startDemoSimulator, FAULT_TIMEOUT_MS, type RunOutcome } from './helpers/demo-run';
import { ENDPOINTS, type EndpointSpec } from './helpers/endpoint-dependencies';

interface FaultSpec {
  name: string;
  fault: Fault;
  /** Attempts one call may make before giving up, by the default retry policy. */
  maxAttempts: number;
  /** Words the report (or the stopping error) must use to name the cause. */
  cause: RegExp;
  /** Paging faults only make sense on paged lists. */
  pagedOnly?: boolean;
  /** A retry gets past it when only the first call faults. */
  transient?: boolean;
  /** Per-attempt timeout for this fault's runs: short only where the fault is slowness, so load never times out a healthy call. */
  timeoutMs?: number;
}

const P = DEFAULT_RETRY_POLICY;
const FAULTS: FaultSpec[] = [
  { name: '429 Retry-After', fault: { type: 'rateLimit', style: 'retry-after', retryAfterSeconds: 2 }, maxAttempts: 1 + P.maxRateLimitRetries, cause: /rate limit|429/i, transient: true },
  { name: '429 X-RateLimit-Reset only', fault: { type: 'rateLimit', style: 'reset-only', retryAfterSeconds: 2 }, maxAttempts: 1 + P.maxRateLimitRetries, cause: /rate limit|429/i, transient: true },
  { name: '500', fault: { type: 'status', status: 500 }, maxAttempts: 1 + P.maxServerErrorRetries, cause: /500/, transient: true },
  { name: '502', fault: { type: 'status', status: 502 }, maxAttempts: 1 + P.maxTransientRetries, cause: /502/, transient: true },
  { name: '503', fault: { type: 'status', status: 503 }, maxAttempts: 1 + P.maxTransientRetries, cause: /503/, transient: true },
  { name: '504', fault: { type: 'status', status: 504 }, maxAttempts: 1 + P.maxTransientRetries, cause: /504/, transient: true },
  { name: 'slower than the timeout', fault: { type: 'delay', ms: FAULT_TIMEOUT_MS * 3 }, maxAttempts: 1 + P.maxTransientRetries, cause: /in time|timed? ?out|within/i, transient: true, timeoutMs: FAULT_TIMEOUT_MS },
  { name: 'malformed JSON', fault: { type: 'malformedJson' }, maxAttempts: 1, cause: /not JSON|malformed/i },
  { name: 'page without isLast', fault: { type: 'pagingIsLastMissing' }, maxAttempts: 1, cause: /paging|inconsistent/i, pagedOnly: true },
  { name: 'page with a wrong total', fault: { type: 'pagingWrongTotal', delta: 5 }, maxAttempts: 1, cause: /paging|inconsistent|total|size/i, pagedOnly: true },
  { name: '401', fault: { type: 'status', status: 401 }, maxAttempts: 1, cause: /401|credential|authenticat|unauthori[sz]ed/i },
  { name: '403', fault: { type: 'status', status: 403 }, maxAttempts: 1, cause: /403|permission|forbidden|not allowed/i },
  { name: '404 (gone mid-run)', fault: { type: 'status', status: 404 }, maxAttempts: 1, cause: /404|not found|no longer|does not exist|gone|no account matches|could not be found/i },
  { name: '412', fault: { type: 'status', status: 412 }, maxAttempts: 1, cause: /412|experimental|precondition/i },
];

interface Cell {
  endpoint: EndpointSpec;
  fault: FaultSpec;
  outcome: RunOutcome;
  /** Attempts per distinct request (path and query) to the faulted endpoint. */
  attemptsPerRequest: Map<string, number>;
  baseline: Baseline;
}

interface Baseline {
  report: Report;
  calls: Record<string, number>;
  /** Calls per request path in the fault-free run (POST /workflows asks for different workflows under one path). */
  callsPerPath: Map<string, number>;
}

const POOL = 4;
const HEALTHY_TIMEOUT_MS = 10_000;
let sims: RunningSimulator[] = [];
/** Each simulator's own fault-free run: every demo site is built afresh, with its own generated ids. */
const baselines = new Map<RunningSimulator, Baseline>();
let baseline: Baseline;
const cells: Cell[] = [];

function allChecks(report: Report): Array<CheckResult & { projectKey?: string }> {
  return [...report.checks, ...report.projects.flatMap((p) => p.checks.map((c) => ({ ...c, projectKey: p.key })))];
}

/** The report without what legitimately differs between two runs of the same site (timings, call counts). */
function comparable(report: Report): unknown {
  const { stats: _stats, ...rest } = report;
  return rest;
}

function attemptsPerRequest(sim: RunningSimulator, endpoint: string): Map<string, number> {
  const attempts = new Map<string, number>();
  for (const r of sim.requests) if (r.endpoint === endpoint) attempts.set(r.path, (attempts.get(r.path) ?? 0) + 1);
  return attempts;
}

function sameReport(a: Report, b: Report): boolean {
  return JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));
}

async function runPool<T>(items: T[], work: (item: T, sim: RunningSimulator) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    sims.map(async (sim) => {
      while (next < items.length) await work(items[next++]!, sim);
    }),
  );
}

/**
 * A timed-out call is still answered (and recorded) by the simulator after its
 * delay; wait for that so it is not counted against the next run on this simulator.
 */
async function drain(fault: Fault): Promise<void> {
  if (fault.type === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms + 200));
}

function scenario(endpoint: string, fault: Fault, calls?: number[]): Scenario {
  return { name: 'matrix', faults: [{ endpoint, fault, ...(calls ? { calls } : {}) }] };
}

beforeAll(async () => {
  sims = await Promise.all(Array.from({ length: POOL }, () => startDemoSimulator()));
  for (const sim of sims) {
    const base = await runOnSimulator(sim, {}, HEALTHY_TIMEOUT_MS);
    if (!base.ok) throw base.error;
    const callsPerPath = new Map<string, number>();
    for (const r of sim.requests) callsPerPath.set(r.path, (callsPerPath.get(r.path) ?? 0) + 1);
    baselines.set(sim, { report: base.result.report, calls: base.result.stats.callsByEndpoint, callsPerPath });
  }
  baseline = baselines.get(sims[0]!)!;

  const work: Array<{ endpoint: EndpointSpec; fault: FaultSpec }> = [];
  for (const endpoint of ENDPOINTS) for (const fault of FAULTS) if (!fault.pagedOnly || endpoint.paged) work.push({ endpoint, fault });
  await runPool(work, async ({ endpoint, fault }, sim) => {
    const outcome = await runOnSimulator(sim, scenario(endpoint.endpoint, fault.fault), fault.timeoutMs ?? HEALTHY_TIMEOUT_MS);
    cells.push({ endpoint, fault, outcome, attemptsPerRequest: attemptsPerRequest(sim, endpoint.endpoint), baseline: baselines.get(sim)! });
    await drain(fault.fault);
  });
}, 300_000);

afterAll(async () => {
  await Promise.all(sims.map((s) => s.close()));
});

describe('fault matrix', () => {
  it('the baseline calls every endpoint of the matrix, and nothing else', () => {
    expect(Object.keys(baseline.calls).sort()).toEqual(ENDPOINTS.map((e) => e.endpoint).sort());
  });

  it('no check that needed the faulted data passes', () => {
    const falsePasses: string[] = [];
    for (const cell of cells) {
      if (!cell.outcome.ok) continue;
      const report = cell.outcome.result.report;
      // A paging fault the client read through correctly (same report as the baseline) is not a false pass.
      if (cell.fault.pagedOnly && sameReport(report, cell.baseline.report)) continue;
      for (const check of allChecks(report)) {
        if (check.status === 'pass' && cell.endpoint.dependents.includes(check.id) && cell.endpoint.appliesTo(check.projectKey)) {
          falsePasses.push(`${cell.endpoint.endpoint} × ${cell.fault.name}: ${check.id}${check.projectKey ? ` (${check.projectKey})` : ''} passed`);
        }
      }
    }
    const stopped = cells.filter((c) => !c.outcome.ok).length;
    console.log(`Fault matrix: ${cells.length} cells (${ENDPOINTS.length} endpoints × ${FAULTS.length} faults, paging faults on paged endpoints only); ${cells.length - stopped} completed with a report, ${stopped} stopped with a named error; false passes: ${falsePasses.length}`);
    expect(falsePasses).toEqual([]);
  });

  it("each endpoint's dependent checks really are affected by its faults (the map is not vacuous)", () => {
    const unaffected = ENDPOINTS.filter(
      (endpoint) =>
        !endpoint.namesOnly &&
        !cells.some(
          (cell) =>
            cell.endpoint === endpoint &&
            (!cell.outcome.ok ||
              allChecks(cell.outcome.result.report).some((c) => c.status === 'error' && endpoint.dependents.includes(c.id) && endpoint.appliesTo(c.projectKey)) ||
              (cell.outcome.result.report as Report & { projectListingError?: unknown }).projectListingError !== undefined),
        ),
    ).map((e) => e.endpoint);
    expect(unaffected).toEqual([]);
  });

  it('every run completes with a report, or stops only where nothing else could work, naming the cause', () => {
    const bad: string[] = [];
    for (const cell of cells) {
      if (cell.outcome.ok) continue;
      const error = cell.outcome.error;
      const label = `${cell.endpoint.endpoint} × ${cell.fault.name}`;
      if (!cell.endpoint.mayStopRun) bad.push(`${label}: run threw ${String(error)}`);
      else if (!(error instanceof JiraError)) bad.push(`${label}: threw a ${String(error)} instead of a JiraError`);
      else if (!cell.fault.cause.test(error.message)) bad.push(`${label}: the error does not name the cause: ${error.message}`);
    }
    expect(bad).toEqual([]);
  });

  it('the report names the cause wherever the fault changed a judgement', () => {
    const unnamed: string[] = [];
    let unaffected = 0;
    for (const cell of cells) {
      if (!cell.outcome.ok) continue;
      const report = cell.outcome.result.report;
      const before = new Map(allChecks(cell.baseline.report).map((c) => [`${c.id}/${c.projectKey ?? ''}`, c]));
      const changed = allChecks(report).filter((c) => {
        const was = before.get(`${c.id}/${c.projectKey ?? ''}`);
        // A names-only endpoint changes how a summary names things, which is no judgement.
        return !was || was.status !== c.status || (!cell.endpoint.namesOnly && was.summary !== c.summary);
      });
      const listingError = (report as Report & { projectListingError?: { message: string } }).projectListingError;
      if (changed.length === 0 && !listingError) {
        unaffected += 1;
        continue;
      }
      const said = [...changed.map((c) => `${c.summary} ${JSON.stringify(c.evidence ?? '')}`), listingError?.message ?? ''].join('\n');
      if (!cell.fault.cause.test(said)) unnamed.push(`${cell.endpoint.endpoint} × ${cell.fault.name}: nothing names the cause; said: ${said.slice(0, 300)}`);
    }
    console.log(`Fault matrix: ${unaffected} faults left every judgement as in the fault-free run (the data was read in full or not needed)`);
    expect(unnamed).toEqual([]);
  });

  it('a names-only endpoint’s faults change no check’s status', () => {
    const changed: string[] = [];
    for (const cell of cells.filter((c) => c.endpoint.namesOnly)) {
      if (!cell.outcome.ok) {
        changed.push(`${cell.endpoint.endpoint} × ${cell.fault.name}: run threw ${String(cell.outcome.error)}`);
        continue;
      }
      const before = new Map(allChecks(cell.baseline.report).map((c) => [`${c.id}/${c.projectKey ?? ''}`, c.status]));
      for (const c of allChecks(cell.outcome.result.report)) {
        const was = before.get(`${c.id}/${c.projectKey ?? ''}`);
        if (was !== c.status) changed.push(`${cell.endpoint.endpoint} × ${cell.fault.name}: ${c.id}${c.projectKey ? ` (${c.projectKey})` : ''} ${was} → ${c.status}`);
      }
    }
    expect(changed).toEqual([]);
  });

  it('retries are bounded by the policy', () => {
    const unbounded: string[] = [];
    for (const cell of cells) {
      for (const [path, attempts] of cell.attemptsPerRequest) {
        const asked = cell.baseline.callsPerPath.get(path) ?? 1;
        if (attempts > asked * cell.fault.maxAttempts) {
          unbounded.push(`${cell.endpoint.endpoint} × ${cell.fault.name}: ${path} tried ${attempts} times, at most ${asked} × ${cell.fault.maxAttempts} expected`);
        }
      }
      // Our own back-off is capped; the rate-limit faults here ask for 2 s, so no wait may exceed the cap either.
      const longest = Math.max(0, ...cell.outcome.sleeps);
      if (longest > P.maxDelayMs) unbounded.push(`${cell.endpoint.endpoint} × ${cell.fault.name}: waited ${longest} ms`);
    }
    expect(unbounded).toEqual([]);
  });

  it('the rate-limit faults are waited out as the server asked (Retry-After and X-RateLimit-Reset alike)', () => {
    for (const cell of cells.filter((c) => c.fault.fault.type === 'rateLimit')) {
      expect(cell.outcome.sleeps.length).toBeGreaterThan(0);
      // The simulator asks for 2 s either way; the reset-only form is a timestamp, so allow clock rounding.
      for (const ms of cell.outcome.sleeps) expect(Math.abs(ms - 2000)).toBeLessThanOrEqual(1000);
    }
  });
});

describe('transient faults (first call only)', () => {
  it('the retried run reports exactly what the fault-free run reports', async () => {
    const work: Array<{ endpoint: EndpointSpec; fault: FaultSpec }> = [];
    for (const endpoint of ENDPOINTS) for (const fault of FAULTS) if (fault.transient) work.push({ endpoint, fault });
    const different: string[] = [];
    await runPool(work, async ({ endpoint, fault }, sim) => {
      const outcome = await runOnSimulator(sim, scenario(endpoint.endpoint, fault.fault, [1]), fault.timeoutMs ?? HEALTHY_TIMEOUT_MS);
      await drain(fault.fault);
      if (!outcome.ok) different.push(`${endpoint.endpoint} × ${fault.name}: threw ${String(outcome.error)}`);
      else if (!sameReport(outcome.result.report, baselines.get(sim)!.report)) {
        different.push(`${endpoint.endpoint} × ${fault.name}: report differs from the baseline`);
      } else if (outcome.result.stats.retries < 1) different.push(`${endpoint.endpoint} × ${fault.name}: no retry was counted`);
    });
    console.log(`Transient faults: ${work.length} cells, ${work.length - different.length} equal to the baseline`);
    expect(different).toEqual([]);
  }, 300_000);
});
