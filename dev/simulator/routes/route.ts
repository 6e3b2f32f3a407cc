/**
 * The shape of a simulated endpoint: its method and path template (exactly as in
 * the official OpenAPI document), which API family words its errors, and a
 * handler that reads the model and the authenticated caller.
 */
import type { SiteModel, SimUser } from '../model';
import type { ApiFamily, SimResponse } from '../responses';
import type { Scenario } from '../scenario';

export interface RecordedNotification {
  at: string;
  issueKey: string;
  /** accountId of the caller that sent it. */
  from: string;
  subject: string;
  textBody?: string;
  htmlBody?: string;
  recipients: { accountId: string; displayName: string; emailAddress?: string }[];
  /** Resolved recipients Jira did not mail (it still answered 204), and why: they cannot see the issue. */
  dropped?: { accountId: string; displayName: string; reason: string }[];
}

export interface RouteContext {
  model: SiteModel;
  caller: SimUser;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  /** Base URL of the simulated site, e.g. http://127.0.0.1:53817 (used for self links). */
  baseUrl: string;
  /** Path without query, for paging links. */
  path: string;
  scenario: Scenario;
  notifications: RecordedNotification[];
  now(): Date;
}

export interface Route {
  method: 'GET' | 'POST';
  template: string;
  api: ApiFamily;
  handle(ctx: RouteContext): SimResponse;
}

/** `expand=groups,applicationRoles` → Set. */
export function expandSet(query: URLSearchParams): Set<string> {
  return new Set(
    (query.get('expand') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** Multi-valued query parameters as Jira reads them: repeated keys or comma lists. */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringArray(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return undefined;
  return value as string[];
}
