/**
 * Progress lines on standard error, so standard output carries nothing but the
 * document. A big site reports thousands of steps, so within a stage a line is
 * written at most once a second (and always for the stage's first and last step).
 * A wait for Jira's rate limit is always written: it explains a pause.
 */
import type { GatherProgress } from '../gather/progress';
import { stripControlChars } from '../report/escape';
import type { Writable } from './redact';

export type ProgressEvent = GatherProgress;

export function formatProgress(event: ProgressEvent): string {
  const count = event.total > 0 ? ` (${event.stage} ${event.done}/${event.total})` : '';
  const message = stripControlChars(event.message || event.stage).replace(/[\r\n]+/g, ' ');
  return `${message}${count}`;
}

export function progressReporter(stderr: Writable, now: () => number = Date.now, intervalMs = 1000): (event: ProgressEvent) => void {
  let lastStage: string | undefined;
  let lastAt = -Infinity;
  return (event) => {
    const t = now();
    const stageChanged = event.stage !== lastStage;
    const stageDone = event.total > 0 && event.done >= event.total;
    const waiting = event.stage === 'rate-limit-wait';
    if (!stageChanged && !stageDone && !waiting && t - lastAt < intervalMs) return;
    lastStage = event.stage;
    lastAt = t;
    stderr.write(`… ${formatProgress(event)}\n`);
  };
}
