/**
 * A tiny HTTP client for the simulator's own tests: Basic auth as a demo user,
 * JSON in and out, nothing clever (the app's real client is tested elsewhere).
 */
import type { RunningSimulator } from '../server';

export interface Credentials {
  email: string;
  token: string;
}

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  json<T = any>(): T;
}

export async function call(
  sim: Pick<RunningSimulator, 'url'>,
  method: string,
  path: string,
  options: { as?: Credentials; body?: unknown; headers?: Record<string, string> } = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { Accept: 'application/json', ...(options.headers ?? {}) };
  if (options.as) headers.Authorization = `Basic ${Buffer.from(`${options.as.email}:${options.as.token}`).toString('base64')}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}

export const OPT_IN = { 'X-ExperimentalApi': 'opt-in' } as const;
