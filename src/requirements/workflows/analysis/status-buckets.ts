/**
 * Moveworks' four status buckets and how a Jira status falls into one.
 * Pure: the checks, the dashboard and the hand-off bundle all bucket statuses
 * with these functions, so an admin sees the same mapping everywhere.
 */
import type { StatusBucket } from '../../../shared/report-model';

export const BUCKETS: readonly StatusBucket[] = ['new', 'in_progress', 'waiting', 'resolved'];

/** The names Moveworks' own documentation uses for the buckets. */
export const BUCKET_LABELS: Record<StatusBucket, string> = {
  new: 'New / Reopened',
  in_progress: 'In Progress',
  waiting: 'Waiting for User',
  resolved: 'Resolved / Closed',
};

export type BucketSource = 'override' | 'category' | 'none';

export interface StatusLike {
  id?: string;
  name?: string;
  statusCategory?: string;
}

export interface BucketAssignment {
  bucket: StatusBucket | null;
  source: BucketSource;
}

export function isStatusBucket(value: unknown): value is StatusBucket {
  return typeof value === 'string' && (BUCKETS as readonly string[]).includes(value);
}

// "Waiting for support" waits on the agents, so it stays In Progress: only a wait
// on the person who raised the request (or a bare "pending") is Waiting for User.
const WAIT_WORD = /\b(a?wait\w*|on hold|hold for|needs?|requires?)\b/i;
const REQUESTER_WORD = /\b(customers?|users?|reporters?|requesters?|requestors?|end[- ]?users?|callers?|employees?|requester'?s|customer'?s)\b/i;
const PENDING_WORD = /\bpending\b/i;

/** Whether an In Progress status's name reads like waiting for the customer / user / reporter, or pending. */
export function readsLikeWaitingForUser(name: string): boolean {
  if (PENDING_WORD.test(name)) return true;
  return WAIT_WORD.test(name) && REQUESTER_WORD.test(name);
}

/** The bucket a category gives by default; null for a missing or unknown category. */
export function bucketFromCategory(statusCategory: string | undefined, name: string): StatusBucket | null {
  switch ((statusCategory ?? '').toUpperCase()) {
    case 'TODO':
    case 'NEW': // the status category key the older REST resources use for To Do
      return 'new';
    case 'DONE':
      return 'resolved';
    case 'IN_PROGRESS':
    case 'INDETERMINATE': // the older key for In Progress
      return readsLikeWaitingForUser(name) ? 'waiting' : 'in_progress';
    default:
      return null;
  }
}

/**
 * The bucket of one status: the admin's override (by status id first, then the exact
 * name) wins over the category default. Overrides naming no known bucket are ignored,
 * because settings come from storage and may be stale.
 */
export function bucketForStatus(status: StatusLike, overrides: Readonly<Record<string, StatusBucket>> = {}): BucketAssignment {
  const byId = status.id !== undefined ? own(overrides, status.id) : undefined;
  if (isStatusBucket(byId)) return { bucket: byId, source: 'override' };
  const byName = status.name !== undefined ? own(overrides, status.name) : undefined;
  if (isStatusBucket(byName)) return { bucket: byName, source: 'override' };
  const bucket = bucketFromCategory(status.statusCategory, status.name ?? '');
  return bucket ? { bucket, source: 'category' } : { bucket: null, source: 'none' };
}

function own(record: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
