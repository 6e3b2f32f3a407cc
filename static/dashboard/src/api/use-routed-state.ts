/**
 * A page choice kept in the address through the history Forge's view.createHistory()
 * gives: each change pushes its route, and the browser's back and forward (which
 * Forge reports to the history's listeners) change the page back. Without a history
 * it is plain state.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

/** The part of Forge's history the dashboard uses; paths are relative to the module's URL. */
export interface RouteHistory {
  location: { pathname: string };
  push(path: string): void;
  listen(listener: (update: unknown) => void): (() => void) | unknown;
}

/**
 * The path a history update names. Forge documents its listeners as called with the
 * location (the `history` package's v4 style); v5 of that package passes
 * `{ action, location }` instead, so both are read.
 */
export function pathnameOfUpdate(update: unknown): string {
  const u = update as { pathname?: unknown; location?: { pathname?: unknown } } | null;
  if (typeof u?.pathname === 'string') return u.pathname;
  if (typeof u?.location?.pathname === 'string') return u.location.pathname;
  return '';
}

export function useRoutedState<V>(history: RouteHistory | null, initial: V, fromPath: (pathname: string) => V, toPath: (value: V) => string): [V, (next: V) => void] {
  const [value, setValue] = useState(initial);
  const parse = useRef(fromPath);
  parse.current = fromPath;

  useEffect(() => {
    if (!history) return undefined;
    const unlisten = history.listen((update) => setValue(parse.current(pathnameOfUpdate(update))));
    return () => {
      if (typeof unlisten === 'function') unlisten();
    };
  }, [history]);

  const go = useCallback(
    (next: V) => {
      setValue(next);
      if (!history) return;
      const path = toPath(next);
      if (history.location?.pathname !== path) history.push(path);
    },
    [history, toPath],
  );
  return [value, go];
}
