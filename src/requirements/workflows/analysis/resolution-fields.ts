/**
 * What the Resolve transition makes someone set: the fields its validators require,
 * plus Resolution when no post function sets it (otherwise the ticket would be
 * resolved with no resolution, and Jira treats it as unresolved).
 */
import { fieldsRequiredBy, setsResolution } from './rule-vocabulary';
import type { TransitionView } from './workflow-view';

export interface FieldsToSet {
  /** Field ids required by the transition's validators. */
  byValidators: string[];
  /** Whether a post function gives Resolution a value. */
  resolutionSetByPostFunction: boolean;
  /** Everything that has to be on the screen. */
  all: string[];
}

export function fieldsToSetOnResolve(t: TransitionView): FieldsToSet {
  const byValidators = [...new Set((t.raw.validators ?? []).flatMap((v) => fieldsRequiredBy(v)))];
  const resolutionSetByPostFunction = (t.raw.actions ?? []).some((a) => setsResolution(a));
  const all = resolutionSetByPostFunction || byValidators.includes('resolution') ? byValidators : [...byValidators, 'resolution'];
  return { byValidators, resolutionSetByPostFunction, all };
}
