import type { CheckStatus, Severity } from '../shared/report-model';
import { STATUS_ORDER } from '../shared/report-model';
import type { Verdict } from '../requirements/check';

/** required → fail, recommended / optional → warn (docs/requirements.md). */
export function statusFor(verdict: Verdict, severity: Severity): CheckStatus {
  switch (verdict) {
    case 'holds':
      return 'pass';
    case 'violated':
      return severity === 'required' ? 'fail' : 'warn';
    case 'undecided':
      return 'error';
    case 'manual':
      return 'manual';
    case 'not_applicable':
      return 'not_applicable';
  }
}

/** fail > error > warn > manual > pass > not_applicable */
export function worstStatus(statuses: Iterable<CheckStatus>): CheckStatus {
  let worst: CheckStatus = 'not_applicable';
  for (const s of statuses) {
    if (STATUS_ORDER.indexOf(s) < STATUS_ORDER.indexOf(worst)) worst = s;
  }
  return worst;
}
