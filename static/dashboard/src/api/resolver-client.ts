/**
 * Typed calls to the Forge resolvers. The transport (Forge's `invoke`, or a fake in
 * tests) is injected so components never import @forge/bridge directly; every call
 * unwraps the shared Envelope and turns `success: false` into a ResolverCallError.
 */
import type { DataOf, Envelope, PayloadOf, ResolverError, ResolverName } from '../../../../src/shared/resolver-api';

export type RawInvoke = (name: string, payload: unknown) => Promise<unknown>;

export class ResolverCallError extends Error {
  constructor(
    readonly resolver: ResolverName,
    readonly errors: ResolverError[],
  ) {
    super(errors.map((e) => e.message).join(' ') || `${resolver} failed`);
    this.name = 'ResolverCallError';
  }

  has(type: ResolverError['errorType']): boolean {
    return this.errors.some((e) => e.errorType === type);
  }
}

export interface ResolverClient {
  call<K extends ResolverName>(name: K, payload: PayloadOf<K>): Promise<DataOf<K>>;
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { success?: unknown }).success === 'boolean';
}

export function createResolverClient(invoke: RawInvoke): ResolverClient {
  return {
    async call(name, payload) {
      let raw: unknown;
      try {
        raw = await invoke(name, payload);
      } catch (e) {
        // The bridge itself failed (network, resolver crashed): same shape as a resolver error.
        throw new ResolverCallError(name, [{ errorType: 'INTERNAL', message: e instanceof Error ? e.message : String(e) }]);
      }
      if (!isEnvelope(raw)) {
        throw new ResolverCallError(name, [{ errorType: 'INTERNAL', message: `${name} returned an unexpected answer.` }]);
      }
      if (raw.success) return raw.data as DataOf<typeof name>;
      throw new ResolverCallError(name, raw.errors.length ? raw.errors : [{ errorType: 'INTERNAL', message: `${name} failed.` }]);
    },
  };
}
