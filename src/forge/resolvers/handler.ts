import type { DataOf, ResolverName } from '../../shared/resolver-api';
import type { Caller } from '../authz/authorise';
import type { AppDeps } from '../deps';

/** A resolver's work once the caller is authorised; the payload is still unchecked input. */
export type Handler<K extends ResolverName> = (deps: AppDeps, caller: Caller, payload: unknown) => Promise<DataOf<K>>;

/** The project a project-scoped call acts on: the page's own project on the project settings page. */
export function scopeProject(caller: Caller, requested: string | undefined): string | undefined {
  return caller.limitedToProject ?? requested;
}
