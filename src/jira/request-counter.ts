/**
 * Counts what a run asked of Jira: calls per endpoint template, the total, and how
 * many of them were retries. Shared by every view of one JiraClient.
 */
import type { RunStats } from '../shared/report-model';

export class RequestCounter {
  private readonly byEndpoint = new Map<string, number>();
  private total = 0;
  private retryCount = 0;

  /** One HTTP attempt (first try or retry) against `endpoint`, e.g. "GET /rest/api/3/group/member". */
  countCall(endpoint: string): void {
    this.byEndpoint.set(endpoint, (this.byEndpoint.get(endpoint) ?? 0) + 1);
    this.total += 1;
  }

  countRetry(): void {
    this.retryCount += 1;
  }

  get totalCalls(): number {
    return this.total;
  }

  get retries(): number {
    return this.retryCount;
  }

  callsTo(endpoint: string): number {
    return this.byEndpoint.get(endpoint) ?? 0;
  }

  stats(durationMs: number): RunStats {
    const callsByEndpoint: Record<string, number> = {};
    for (const key of [...this.byEndpoint.keys()].sort()) callsByEndpoint[key] = this.byEndpoint.get(key)!;
    return { callsByEndpoint, totalCalls: this.total, retries: this.retryCount, durationMs };
  }
}
