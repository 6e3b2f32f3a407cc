/** A scripted ResolverClient for component tests: answers per resolver name and records every call. */
import type { DataOf, PayloadOf, ResolverError, ResolverName } from '../../../../src/shared/resolver-api';
import { ResolverCallError, type ResolverClient } from '../api/resolver-client';

type Answer<K extends ResolverName> = DataOf<K> | ((payload: PayloadOf<K>) => DataOf<K> | Promise<DataOf<K>>) | { errors: ResolverError[] };
export type Script = { [K in ResolverName]?: Answer<K> };

export function fakeClient(script: Script): ResolverClient & { calls: { name: ResolverName; payload: unknown }[] } {
  const calls: { name: ResolverName; payload: unknown }[] = [];
  return {
    calls,
    async call(name, payload) {
      calls.push({ name, payload });
      const answer: unknown = (script as Record<string, unknown>)[name];
      if (answer === undefined) throw new ResolverCallError(name, [{ errorType: 'INTERNAL', message: `unscripted ${name}` }]);
      if (typeof answer === 'function') return (answer as (p: unknown) => unknown)(payload) as never;
      if (answer && typeof answer === 'object' && 'errors' in (answer as object) && Array.isArray((answer as { errors: unknown }).errors)) {
        throw new ResolverCallError(name, (answer as { errors: ResolverError[] }).errors);
      }
      return answer as never;
    },
  };
}
