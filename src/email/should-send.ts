import type { ReportDiff } from '../shared/report-model';
import { hasChanges } from '../engine/diff';
import type { AppSettings } from '../shared/resolver-api';

/**
 * Whether a finished run's report goes out: a test send always does; 'always' sends
 * every scheduled report; 'changes' only when something newly fails, got fixed or
 * newly errors. Without a previous run (`diff` null) there is no change to report,
 * but the first report is still sent, so a new recipient learns where things stand.
 */
export function shouldSend(sendWhen: AppSettings['sendWhen'] | undefined, diff: ReportDiff | null, isTest = false): boolean {
  if (isTest) return true;
  if (sendWhen !== 'changes') return true;
  return diff === null || hasChanges(diff);
}
