/**
 * The Custom UI bridge the preview provides in place of Jira's. @forge/bridge reads
 * `globalThis.__bridge.callBridge` when it loads, so the preview serves this script
 * before the unchanged production bundle: `invoke` becomes a POST to the preview
 * server (which runs the real resolvers), `getContext` answers as Forge does for the
 * entry point chosen in the toolbar (given to the frame as query parameters), and
 * `createHistory` gives a history whose paths are relative to the module's URL.
 *
 * It gives only what Forge gives: the module key, the extension's `type` and
 * `location` (and the project on a project settings page), a history on the pages
 * that have sub-pages, and theming: once the app calls `view.theme.enable()`, the
 * host's colour mode sits on the frame's <html data-color-mode> and follows the
 * toolbar's Theme as Jira's follows the user's choice, without reloading the app. The Configure page gets no history: Jira gives it no sub-pages,
 * so an app that leans on one there would work here and not in Jira.
 *
 * The function is sent to the browser as its source text, so it must not use
 * anything from outside its own body; the module keys come in as an argument.
 */
import { MODULE_KEYS } from '../../src/shared/app-pages';

/** Which entry point Jira opened: the admin page, its Configure page, or a project's settings page. */
export type PreviewEntry = 'admin' | 'configure' | 'project';

export interface PreviewFrameParams {
  persona: string;
  surface: PreviewEntry;
  /** The sub-page route Jira's sidebar appends to the module's URL (admin and project settings pages). */
  route?: string;
  projectKey?: string;
  theme: 'light' | 'dark';
}

/** What the frame tells the toolbar when the app changes its route, so the toolbar's address can be shared. */
export const ROUTE_MESSAGE = 'mw-preview-route';
/** What the toolbar tells the frame when its Theme changes: the host's theme changing under the app. */
export const THEME_MESSAGE = 'mw-preview-theme';

type ModuleKeys = { admin: string; configure: string; projectSettings: string };

export function installPreviewBridge(win: Window & typeof globalThis, moduleKeys: ModuleKeys): void {
  const params = new URLSearchParams(win.location.search);
  const persona = params.get('as') || 'site-admin';
  const asked = params.get('surface');
  const entry: PreviewEntry = asked === 'project' ? 'project' : asked === 'configure' ? 'configure' : 'admin';
  const projectKey = params.get('project') || undefined;
  let colorMode = params.get('theme') === 'dark' ? 'dark' : 'light';
  let theming = false;
  // The resolvers go by the extension type, and the Configure page is a jira:adminPage.
  const surface = entry === 'project' ? 'project' : 'admin';
  const origin = win.location.origin;
  // The URLs Jira gives each entry point; the app and environment ids are the preview's own.
  const moduleUrl =
    entry === 'project'
      ? `${origin}/jira/servicedesk/projects/${encodeURIComponent(projectKey ?? '')}/settings/apps/preview-app/preview-env`
      : entry === 'configure'
        ? `${origin}/jira/settings/apps/configure/preview-app/preview-env`
        : `${origin}/jira/settings/apps/preview-app/preview-env`;

  const routeIn = (search: string) => (new URLSearchParams(search).get('route') || '').replace(/^\/+|\/+$/g, '');
  let pathname = entry === 'configure' ? '/' : `/${routeIn(win.location.search)}`;

  function context() {
    const location = moduleUrl + (pathname === '/' ? '' : pathname);
    return entry === 'project'
      ? {
          moduleKey: moduleKeys.projectSettings,
          extension: { type: 'jira:projectSettingsPage', project: { key: projectKey, type: 'service_desk' }, location },
          theme: { colorMode },
          locale: 'en-US',
        }
      : {
          moduleKey: entry === 'configure' ? moduleKeys.configure : moduleKeys.admin,
          extension: { type: 'jira:adminPage', location },
          theme: { colorMode },
          locale: 'en-US',
        };
  }

  // Forge's history: paths relative to the module's URL, listeners told (location, action).
  type Location = { pathname: string; search: string; hash: string; state?: unknown };
  type Listener = (location: Location, action: string) => void;
  const listeners: Listener[] = [];
  const locationOf = (p: string): Location => ({ pathname: p, search: '', hash: '' });
  const normalise = (to: unknown) => {
    const raw = typeof to === 'string' ? to : ((to as { pathname?: string } | null)?.pathname ?? '/');
    return `/${raw.replace(/^\/+|\/+$/g, '')}`;
  };
  // The frame keeps the route in its own address, so the browser's back and forward walk it.
  const frameAddress = (p: string) => {
    const q = new URLSearchParams(win.location.search);
    if (p === '/') q.delete('route');
    else q.set('route', p.slice(1));
    return `?${q.toString()}`;
  };
  const history = {
    action: 'POP',
    location: locationOf(pathname),
    push(to: unknown) {
      pathname = normalise(to);
      win.history.pushState(null, '', frameAddress(pathname));
      announce('PUSH');
    },
    replace(to: unknown) {
      pathname = normalise(to);
      win.history.replaceState(null, '', frameAddress(pathname));
      announce('REPLACE');
    },
    go: (n: number) => win.history.go(n),
    goBack: () => win.history.back(),
    goForward: () => win.history.forward(),
    listen(listener: Listener) {
      listeners.push(listener);
      return () => {
        const i = listeners.indexOf(listener);
        if (i >= 0) listeners.splice(i, 1);
      };
    },
  };
  function announce(action: string) {
    history.action = action;
    history.location = locationOf(pathname);
    for (const l of listeners.slice()) l(history.location, action);
    if (win.parent && win.parent !== win) win.parent.postMessage({ type: 'mw-preview-route', route: pathname.slice(1) }, origin);
  }
  win.addEventListener('popstate', () => {
    if (entry === 'configure') return;
    pathname = `/${routeIn(win.location.search)}`;
    announce('POP');
  });

  async function invoke(data: { functionKey: string; payload?: unknown }): Promise<unknown> {
    const response = await win.fetch('/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ functionKey: data.functionKey, payload: data.payload ?? {}, persona, surface, projectKey }),
    });
    if (!response.ok) throw new Error(`The preview server answered ${response.status} for ${data.functionKey}.`);
    return response.json();
  }

  // As Forge's host does after enableTheming: the mode on <html>, kept in step with the host's theme.
  const showTheme = () => {
    if (theming) win.document?.documentElement?.setAttribute('data-color-mode', colorMode);
  };
  win.addEventListener('message', (e: MessageEvent) => {
    if (e.origin !== origin || e.source !== win.parent || !e.data || e.data.type !== 'mw-preview-theme') return;
    colorMode = e.data.colorMode === 'dark' ? 'dark' : 'light';
    showTheme();
  });

  (win as unknown as { __bridge: unknown }).__bridge = {
    callBridge: async (command: string, data?: unknown) => {
      if (command === 'getContext') return context();
      if (command === 'enableTheming') {
        theming = true;
        showTheme();
        return undefined;
      }
      if (command === 'invoke') return invoke(data as { functionKey: string; payload?: unknown });
      if (command === 'createHistory') {
        if (entry === 'configure') throw new Error('This page has no history: Jira gives the Configure page no sub-pages.');
        return history;
      }
      // Navigation, resizing, flags and the rest have no meaning outside Jira.
      return undefined;
    },
  };
}

/** The script text served at /app/preview-bridge.js. */
export function bridgeShimScript(): string {
  return `(${installPreviewBridge.toString()})(window, ${JSON.stringify(MODULE_KEYS)});\n`;
}
