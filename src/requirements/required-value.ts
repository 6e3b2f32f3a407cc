/**
 * The value of an artifact a check `requires`. The check runner evaluates a check
 * only once each of them was read, so reaching the throw means the check reads an
 * artifact it did not declare: the engine turns that into `error` naming it.
 */
import type { ArtifactKind } from '../gather/artifact-kind';
import type { Fetched } from '../shared/fetched';

export function requiredValue<T>(fetched: Fetched<T> | undefined, kind: ArtifactKind): T {
  if (!fetched?.ok) throw new Error(`it read ${kind}, which it does not require, so the runner did not make sure it was read`);
  return fetched.value;
}
