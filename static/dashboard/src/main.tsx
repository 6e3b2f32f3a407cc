/**
 * Entry point inside Jira (and the local preview, whose page provides the same
 * bridge). Reads where it is mounted and the history Forge gives full pages (whose
 * path is the sub-page route), follows Jira's theme through the bridge, renders the
 * app, and records how long the first render with stored data took.
 */
import '@atlaskit/css-reset';
import './styles.css';
import React from 'react';
import { createRoot } from 'react-dom/client';
import { invoke, view } from '@forge/bridge';
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';
import { App } from './App';
import { ResolverClientProvider } from './api/client-context';
import { createResolverClient } from './api/resolver-client';
import { colorModeFromContext, surfaceFromContext, type ColorMode, type Surface } from './model/surface';
import { followHostTheme } from './model/host-theme';
import type { RouteHistory } from './api/use-routed-state';

const client = createResolverClient((name, payload) => invoke(name, payload as Record<string, unknown>));

function applyTheme(mode: ColorMode) {
  void setGlobalTheme({ colorMode: mode, light: 'light', dark: 'dark', spacing: 'spacing', typography: 'typography' });
}

function Root({ surface, history }: { surface: Surface; history: RouteHistory | null }) {
  return (
    <ResolverClientProvider client={client}>
      <App surface={surface} history={history} />
    </ResolverClientProvider>
  );
}

async function start() {
  performance.mark('mw-start');
  // Asked together so the history costs no extra round trip before the first render.
  const historyAsked = view.createHistory().then(
    (h) => h as unknown as RouteHistory,
    // Not every page has a history (Jira gives the Configure page no sub-pages): tabs then stay out of the address.
    () => null,
  );
  let context: unknown = null;
  try {
    context = await view.getContext();
  } catch {
    // Without a context the app shows its "no access" state rather than guessing a surface.
  }
  const history = await historyAsked;
  const prefersDark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
  // Jira's theme, as the host sets it and changes it; no switch of the app's own.
  void followHostTheme({ enable: () => view.theme.enable(), root: document.documentElement, apply: applyTheme, fallback: colorModeFromContext(context, prefersDark) });
  const container = document.getElementById('root');
  if (!container) return;
  createRoot(container).render(<Root surface={surfaceFromContext(context)} history={history} />);
}

void start();
