/**
 * Starts a re-check and polls its progress until it ends. `onAdvance` fires whenever
 * another project finishes, so the page can show results as they land rather than
 * only at the end.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunProgress } from '../../../../src/shared/resolver-api';
import { useResolverClient } from './client-context';
import { ResolverCallError } from './resolver-client';

export const POLL_MS = 1000;

export function useRecheck(onAdvance: () => void, initial: RunProgress | null, projectKeys?: string[]) {
  const client = useResolverClient();
  const [progress, setProgress] = useState<RunProgress | null>(initial);
  const [error, setError] = useState<ResolverCallError | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const advance = useRef(onAdvance);
  advance.current = onAdvance;
  const done = useRef(initial?.projectsDone ?? 0);

  const poll = useCallback(() => {
    timer.current = setTimeout(async () => {
      try {
        const p = await client.call('getProgress', {});
        setProgress(p);
        if (p && (p.projectsDone !== done.current || p.state !== 'running')) {
          done.current = p.projectsDone;
          advance.current();
        }
        if (p && p.state === 'running') poll();
      } catch (e) {
        setError(e as ResolverCallError);
      }
    }, POLL_MS);
  }, [client]);

  useEffect(() => {
    if (initial?.state === 'running') poll();
    return () => clearTimeout(timer.current);
    // Resume only for the progress the page was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const start = useCallback(async () => {
    setError(null);
    try {
      const p = await client.call('startRecheck', projectKeys ? { projectKeys } : {});
      done.current = p.projectsDone;
      setProgress(p);
      clearTimeout(timer.current);
      if (p.state === 'running') poll();
      else advance.current();
    } catch (e) {
      setError(e as ResolverCallError);
    }
  }, [client, poll, projectKeys]);

  const running = progress?.state === 'running';
  return { progress, running, error, start };
}
