/** Logger for Forge's log stream: one line per event, fields as JSON. Callers never pass tokens or payloads. */
import type { Logger } from '../../shared/logger';

const line = (message: string, fields?: Record<string, unknown>) => (fields ? `${message} ${JSON.stringify(fields)}` : message);

export const consoleLogger: Logger = {
  info: (message, fields) => console.log(line(message, fields)),
  warn: (message, fields) => console.warn(line(message, fields)),
  error: (message, fields) => console.error(line(message, fields)),
};
