/**
 * The benchmark's targets and the pure verdict of each figure against its target.
 */
export const TARGETS = {
  /** Calls at most this multiple of the lower bound. */
  callsRatio: 1.05,
  /** Wall time at most this multiple of its bound. */
  wallRatio: 1.2,
  /** Peak RSS at the largest size. */
  peakRssBytes: 256 * 1024 * 1024,
  /** Forge's queue consumer limit; "well under" means at most a third of it. */
  forgeJobLimitMs: 900_000,
  forgeJobWellUnderMs: 300_000,
  kvsValueBytes: 240 * 1024,
} as const;

export interface Verdict {
  met: boolean;
  text: string;
}

export function atMost(value: number, limit: number, format: (n: number) => string): Verdict {
  return { met: value <= limit, text: `${value <= limit ? 'met' : 'MISSED'} (≤ ${format(limit)})` };
}

export const fmt = {
  ratio: (n: number) => n.toFixed(3),
  seconds: (ms: number) => `${(ms / 1000).toFixed(1)} s`,
  mib: (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`,
  kib: (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`,
  int: (n: number) => n.toLocaleString('en-GB'),
};
