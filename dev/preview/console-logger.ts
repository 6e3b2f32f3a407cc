/** A Logger for the preview: one line per event on standard error, fields as JSON. Never given tokens. */
import type { Logger } from '../../src/shared/logger';

export function consoleLogger(options: { quiet?: boolean } = {}): Logger {
  const line = (level: string, message: string, fields?: Record<string, unknown>) => {
    if (options.quiet && level === 'info') return;
    process.stderr.write(`[preview] ${level} ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`);
  };
  return {
    info: (m, f) => line('info', m, f),
    warn: (m, f) => line('warn', m, f),
    error: (m, f) => line('error', m, f),
  };
}
