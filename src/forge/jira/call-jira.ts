/**
 * The few bounded Jira calls the resolvers and fixes make themselves (permission
 * checks, pickers, one-click fixes). Each answers a status and parsed JSON; Jira's
 * own error text is kept (never a header or token) so a failure can say why.
 */
import type { HttpMethod, JiraTransport } from '../../jira/transport';

export interface JiraAnswer<T = unknown> {
  status: number;
  ok: boolean;
  body: T | undefined;
  /** Jira's errorMessages / errors / errorMessage joined, or a generic sentence. */
  message: string;
}

/** Jira platform: {errorMessages:[], errors:{}}; JSM: {errorMessage, i18nErrorMessage}. */
export function jiraErrorText(body: unknown, status: number): string {
  const parts: string[] = [];
  if (body && typeof body === 'object') {
    const b = body as { errorMessages?: unknown; errors?: unknown; errorMessage?: unknown; message?: unknown };
    if (Array.isArray(b.errorMessages)) parts.push(...b.errorMessages.filter((m): m is string => typeof m === 'string'));
    if (b.errors && typeof b.errors === 'object') parts.push(...Object.values(b.errors as Record<string, unknown>).filter((m): m is string => typeof m === 'string'));
    if (typeof b.errorMessage === 'string') parts.push(b.errorMessage);
    if (parts.length === 0 && typeof b.message === 'string') parts.push(b.message);
  }
  return parts.length > 0 ? parts.join(' ').slice(0, 500) : `Jira answered HTTP ${status}.`;
}

export async function callJira<T = unknown>(
  transport: JiraTransport,
  method: HttpMethod,
  path: string,
  options: { body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<JiraAnswer<T>> {
  const response = await transport.request({
    method,
    path,
    headers: { Accept: 'application/json', ...(options.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...options.headers },
    body: options.body,
    timeoutMs: options.timeoutMs ?? 10_000,
  });
  const text = await response.text();
  let body: T | undefined;
  try {
    body = text ? (JSON.parse(text) as T) : undefined;
  } catch {
    body = undefined;
  }
  const ok = response.status >= 200 && response.status < 300;
  return { status: response.status, ok, body, message: ok ? '' : jiraErrorText(body, response.status) };
}
