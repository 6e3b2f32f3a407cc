/**
 * Progress lines on standard error, so standard output carries nothing but the
 * document. Accepts the engine's progress events loosely: whatever stage name
 * and project counts it reports are shown, one line per change.
 */
import { stripControlChars } from '../report/escape';
import type { Writable } from './redact';

export interface ProgressEvent {
  stage?: string;
  message?: string;
  projectsDone?: number;
  projectsTotal?: number;
  projectKey?: string;
}

export function formatProgress(event: ProgressEvent): string | null {
  const parts: string[] = [];
  if (event.stage) parts.push(stripControlChars(event.stage));
  if (typeof event.projectsTotal === 'number') {
    parts.push(`projects ${event.projectsDone ?? 0}/${event.projectsTotal}`);
  }
  if (event.projectKey) parts.push(stripControlChars(event.projectKey));
  if (event.message) parts.push(stripControlChars(event.message));
  return parts.length ? parts.join(': ') : null;
}

export function progressReporter(stderr: Writable): (event: ProgressEvent) => void {
  let last = '';
  return (event) => {
    const line = formatProgress(event);
    if (line && line !== last) {
      last = line;
      stderr.write(`… ${line}\n`);
    }
  };
}
