import { MODULE_KEYS } from '../../src/shared/app-pages';
import { bridgeShimScript, installPreviewBridge, ROUTE_MESSAGE } from './bridge-shim';

const ORIGIN = 'http://127.0.0.1:3000';

/** Just enough of the app frame's window for the shim: its address, session history, parent and fetch. */
function frame(search: string) {
  const handlers: Record<string, (() => void)[]> = {};
  const posted: { message: unknown; origin: string }[] = [];
  const invoked: Record<string, unknown>[] = [];
  const setAddress = (_state: unknown, _title: string, url: string) => {
    win.location.search = url;
  };
  const win = {
    location: { search, origin: ORIGIN },
    history: { pushState: setAddress, replaceState: setAddress, back() {}, forward() {}, go() {} },
    addEventListener: (type: string, fn: () => void) => (handlers[type] ??= []).push(fn),
    parent: { postMessage: (message: unknown, origin: string) => posted.push({ message, origin }) },
    fetch: async (_url: string, init: { body: string }) => {
      invoked.push(JSON.parse(init.body) as Record<string, unknown>);
      return { ok: true, json: async () => ({ success: true, data: null }) };
    },
  };
  installPreviewBridge(win as unknown as Window & typeof globalThis, MODULE_KEYS);
  const callBridge = (win as unknown as { __bridge: { callBridge(command: string, data?: unknown): Promise<any> } }).__bridge.callBridge;
  return { win, posted, invoked, callBridge, fire: (type: string) => handlers[type]?.forEach((fn) => fn()) };
}

describe('the preview bridge gives what Forge gives each entry point', () => {
  it("the admin page opened from a sidebar sub-page: the module key, the page's location, and a history at the route", async () => {
    const f = frame('?as=site-admin&surface=admin&route=settings&theme=light');
    const context = await f.callBridge('getContext');
    expect(context.moduleKey).toBe(MODULE_KEYS.admin);
    expect(context.extension).toEqual({ type: 'jira:adminPage', location: `${ORIGIN}/jira/settings/apps/preview-app/preview-env/settings` });
    const history = await f.callBridge('createHistory');
    expect(history.location.pathname).toBe('/settings');
  });

  it('the admin page at its own URL: a history at "/"', async () => {
    const f = frame('?as=site-admin&surface=admin&theme=light');
    expect((await f.callBridge('createHistory')).location.pathname).toBe('/');
  });

  it('the Configure page: its own module key and URL, no history, and the resolvers see an admin page', async () => {
    const f = frame('?as=site-admin&surface=configure&route=history&theme=light');
    const context = await f.callBridge('getContext');
    expect(context.moduleKey).toBe(MODULE_KEYS.configure);
    expect(context.extension).toEqual({ type: 'jira:adminPage', location: `${ORIGIN}/jira/settings/apps/configure/preview-app/preview-env` });
    await expect(f.callBridge('createHistory')).rejects.toThrow(/no sub-pages/);
    await f.callBridge('invoke', { functionKey: 'getSettings' });
    expect(f.invoked[0]).toMatchObject({ functionKey: 'getSettings', surface: 'admin', persona: 'site-admin' });
  });

  it("a desk's project settings page: the project in the extension, and a history", async () => {
    const f = frame('?as=project-admin&surface=project&project=HR&theme=dark');
    const context = await f.callBridge('getContext');
    expect(context.moduleKey).toBe(MODULE_KEYS.projectSettings);
    expect(context.extension).toEqual({
      type: 'jira:projectSettingsPage',
      project: { key: 'HR', type: 'service_desk' },
      location: `${ORIGIN}/jira/servicedesk/projects/HR/settings/apps/preview-app/preview-env`,
    });
    expect(context.theme).toEqual({ colorMode: 'dark' });
    expect((await f.callBridge('createHistory')).location.pathname).toBe('/');
  });
});

describe("the preview's history", () => {
  it('keeps a pushed route in the frame address, tells listeners and the toolbar, and follows back and forward', async () => {
    const f = frame('?as=site-admin&surface=admin&route=overview&theme=light');
    const history = await f.callBridge('createHistory');
    const heard: [string, string][] = [];
    const unlisten = history.listen((location: { pathname: string }, action: string) => heard.push([location.pathname, action]));

    history.push('/history');
    expect(new URLSearchParams(f.win.location.search).get('route')).toBe('history');
    expect(history.location.pathname).toBe('/history');
    expect(f.posted).toEqual([{ message: { type: ROUTE_MESSAGE, route: 'history' }, origin: ORIGIN }]);

    // The browser's back button: the frame's address is the earlier one again.
    f.win.location.search = '?as=site-admin&surface=admin&route=overview&theme=light';
    f.fire('popstate');
    expect(heard).toEqual([
      ['/history', 'PUSH'],
      ['/overview', 'POP'],
    ]);
    const context = await f.callBridge('getContext');
    expect(context.extension.location).toBe(`${ORIGIN}/jira/settings/apps/preview-app/preview-env/overview`);

    unlisten();
    history.push('/');
    expect(heard).toHaveLength(2);
    expect(new URLSearchParams(f.win.location.search).has('route')).toBe(false);
  });

  it('is served with the module keys of the one list the manifest follows', () => {
    expect(bridgeShimScript()).toContain(JSON.stringify(MODULE_KEYS));
  });
});
