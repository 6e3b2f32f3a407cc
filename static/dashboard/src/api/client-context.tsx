/** Makes the resolver client available to every page without prop drilling. */
import React, { createContext, useContext } from 'react';
import type { ResolverClient } from './resolver-client';

const ClientContext = createContext<ResolverClient | null>(null);

export function ResolverClientProvider({ client, children }: { client: ResolverClient; children: React.ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useResolverClient(): ResolverClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('ResolverClientProvider is missing');
  return client;
}
