/**
 * The shape of the MW- checks: a setting made in Moveworks, out of Jira's sight, so
 * the check is always `manual` and an admin attests it, following the steps shown,
 * which end with Moveworks' own requirements page.
 */
import type { RemediationStep } from '../../shared/report-model';
import type { CheckOutcome, SiteCheck, SiteCheckInput } from '../check';
import { DOCS } from '../links';

export interface MoveworksAttestation {
  /** What to attest, and why Moveworks needs it. */
  summary: string;
  steps: RemediationStep[];
  evidence?: unknown;
}

export interface AttestedCheckSpec extends Pick<SiteCheck, 'requires' | 'optional'> {
  meta: Pick<SiteCheck['meta'], 'id' | 'title' | 'failureTitle' | 'description'>;
  attest(input: SiteCheckInput): MoveworksAttestation;
}

export function attestedMoveworksCheck({ meta, requires, optional, attest }: AttestedCheckSpec): SiteCheck {
  return {
    meta: { ...meta, severity: 'required', group: 'moveworks', scope: 'site', manual: true, docsUrl: DOCS.moveworksRequirements },
    requires,
    ...(optional ? { optional } : {}),
    evaluate(input): CheckOutcome {
      const { summary, steps, evidence } = attest(input);
      return {
        verdict: 'manual',
        summary,
        ...(evidence === undefined ? {} : { evidence }),
        remediation: [...steps, { text: 'Moveworks\' access requirements for Jira Service Management', url: DOCS.moveworksRequirements }],
      };
    },
  };
}
