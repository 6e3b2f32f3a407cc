/** Loads one resolver's data with explicit loading / error / data states and a reload. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DataOf, PayloadOf, ResolverName } from '../../../../src/shared/resolver-api';
import { useResolverClient } from './client-context';
import { ResolverCallError } from './resolver-client';

export type LoadState<T> =
  | { kind: 'loading' }
  | { kind: 'error'; error: ResolverCallError }
  | { kind: 'ready'; data: T };

export function useResolver<K extends ResolverName>(name: K, payload: PayloadOf<K>) {
  const client = useResolverClient();
  const [state, setState] = useState<LoadState<DataOf<K>>>({ kind: 'loading' });
  const key = JSON.stringify(payload);
  const latest = useRef(0);

  const load = useCallback(
    async (quiet: boolean) => {
      const ticket = ++latest.current;
      if (!quiet) setState({ kind: 'loading' });
      try {
        const data = await client.call(name, JSON.parse(key) as PayloadOf<K>);
        if (ticket === latest.current) setState({ kind: 'ready', data });
      } catch (e) {
        const error = e instanceof ResolverCallError ? e : new ResolverCallError(name, [{ errorType: 'INTERNAL', message: String(e) }]);
        if (ticket === latest.current) setState({ kind: 'error', error });
      }
    },
    [client, name, key],
  );

  useEffect(() => {
    void load(false);
  }, [load]);

  return { state, reload: () => load(false), refresh: () => load(true) };
}
