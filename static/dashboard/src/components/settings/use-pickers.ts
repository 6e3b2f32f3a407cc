/**
 * The people and group pickers' loaders. Opening a picker loads suggestions (the
 * resolvers answer an empty query); names picked are remembered so a chosen person
 * stays a name, not an accountId.
 */
import { useCallback, useState } from 'react';
import { useResolverClient } from '../../api/client-context';
import { personOption, type Option } from '../../model/settings-pickers';

export function usePickers(initialNames: Readonly<Record<string, string>> = {}) {
  const client = useResolverClient();
  const [names, setNames] = useState<Record<string, string>>({ ...initialNames });
  const loadPeople = useCallback(
    async (query: string): Promise<Option[]> => {
      const options = (await client.call('searchUsers', { query: query.trim() })).map(personOption);
      return options;
    },
    [client],
  );
  const loadGroups = useCallback(
    async (query: string): Promise<Option[]> => (await client.call('searchGroups', { query: query.trim() })).map((g) => ({ value: g.name, label: g.name })),
    [client],
  );
  const remember = useCallback((options: readonly Option[]) => {
    setNames((prev) => {
      const next = { ...prev };
      for (const o of options) if (o.label !== o.value) next[o.value] = o.label;
      return next;
    });
  }, []);
  return { names, loadPeople, loadGroups, remember };
}
