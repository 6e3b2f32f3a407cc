/**
 * Progress on standard error, so standard output carries nothing but the document.
 *
 * On a terminal: one line rewritten in place with \r, a bar of the current stage's
 * done / total (desks, workflows, screens, or a fix's changes), so a long run shows
 * how far it is without scrolling. Anywhere else (a pipe, a log file, CI): plain
 * lines; a big site reports thousands of steps, so within a stage a line is written
 * at most once a second (and always for the stage's first and last step).
 * A wait for Jira's rate limit is always written on its own line: it explains a pause.
 */
import type { GatherProgress } from '../gather/progress';
import { stripControlChars } from '../report/escape';
import type { Writable } from './redact';

export type ProgressEvent = GatherProgress;

/** A gather event, or any other long step (a fix's changes) with its own stage name. */
export interface ProgressStep {
  stage: string;
  done: number;
  total: number;
  message: string;
}

/** Standard error as the reporter sees it: a terminal says so (Node's streams carry isTTY and columns). */
export type ProgressStream = Writable;

export interface ProgressReporter {
  (event: ProgressStep): void;
  /** Clears a bar still on screen, so what the CLI writes next starts on a clean line. */
  end(): void;
}

const RATE_LIMIT_WAIT = 'rate-limit-wait';
/** What a stage counts, as the bar names it. */
const UNITS: Record<string, string> = { 'project-details': 'desks', changes: 'changes', workflows: 'workflows', screens: 'screens' };
const BAR_WIDTH = 20;
const CLEAR_LINE = '\r\u001b[K';

const oneLine = (text: string) => stripControlChars(text).replace(/[\r\n]+/g, ' ');

export function formatProgress(event: ProgressStep): string {
  const count = event.total > 0 ? ` (${event.stage} ${event.done}/${event.total})` : '';
  return `${oneLine(event.message || event.stage)}${count}`;
}

/** "[#########-----------] 9/20 desks · Read HR", cut to the terminal's width. */
export function formatBar(event: ProgressStep, columns = 80): string {
  const message = oneLine(event.message || event.stage);
  let line = message;
  if (event.total > 0) {
    const done = Math.min(Math.max(event.done, 0), event.total);
    const filled = Math.round((done / event.total) * BAR_WIDTH);
    line = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${event.total} ${UNITS[event.stage] ?? event.stage} · ${message}`;
  }
  const width = Math.max(20, columns - 1);
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

export function progressReporter(stderr: ProgressStream, now: () => number = Date.now, intervalMs = 1000): ProgressReporter {
  return stderr.isTTY ? barReporter(stderr, now) : lineReporter(stderr, now, intervalMs);
}

function lineReporter(stderr: Writable, now: () => number, intervalMs: number): ProgressReporter {
  let lastStage: string | undefined;
  let lastAt = -Infinity;
  const report = (event: ProgressStep) => {
    const t = now();
    const stageChanged = event.stage !== lastStage;
    const stageDone = event.total > 0 && event.done >= event.total;
    const waiting = event.stage === RATE_LIMIT_WAIT;
    if (!stageChanged && !stageDone && !waiting && t - lastAt < intervalMs) return;
    lastStage = event.stage;
    lastAt = t;
    stderr.write(`… ${formatProgress(event)}\n`);
  };
  return Object.assign(report, { end: () => undefined });
}

/** Redrawn at most ten times a second: a terminal keeps up, and the bar still moves smoothly. */
const BAR_INTERVAL_MS = 100;

function barReporter(stderr: ProgressStream, now: () => number): ProgressReporter {
  let shown = false;
  let lastStage: string | undefined;
  let lastAt = -Infinity;
  const report = (event: ProgressStep) => {
    if (event.stage === RATE_LIMIT_WAIT) {
      // Kept on screen above the bar: the pause and its reason stay readable.
      stderr.write(`${shown ? CLEAR_LINE : ''}… ${formatProgress(event)}\n`);
      shown = false;
      return;
    }
    const t = now();
    const stageDone = event.total > 0 && event.done >= event.total;
    if (event.stage === lastStage && !stageDone && t - lastAt < BAR_INTERVAL_MS) return;
    lastStage = event.stage;
    lastAt = t;
    stderr.write(`${shown ? CLEAR_LINE : '\r'}${formatBar(event, stderr.columns)}`);
    shown = true;
  };
  return Object.assign(report, {
    end: () => {
      if (shown) stderr.write(CLEAR_LINE);
      shown = false;
    },
  });
}
