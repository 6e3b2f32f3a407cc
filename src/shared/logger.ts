/**
 * Where the app writes its operational log: Forge's console in the app, the preview's
 * console locally, a recorder in tests. A port every layer may take (JiraClient logs
 * its waits, a run logs what it gave up on) without knowing who fills it.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
