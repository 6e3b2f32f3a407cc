/**
 * Theming in the preview as Forge's host does it: nothing on <html> until the app
 * calls view.theme.enable(), then the toolbar's colour mode, which follows the
 * toolbar's Theme without reloading the app (Jira's theme changing under it).
 */
import { MODULE_KEYS } from '../../src/shared/app-pages';
import { installPreviewBridge, THEME_MESSAGE } from './bridge-shim';

const ORIGIN = 'http://127.0.0.1:3000';

function frame(search: string) {
  const attributes: Record<string, string> = {};
  const listeners: ((e: unknown) => void)[] = [];
  const parent = { postMessage() {} };
  const win = {
    location: { search, origin: ORIGIN },
    history: { pushState() {}, replaceState() {}, back() {}, forward() {}, go() {} },
    parent,
    document: { documentElement: { setAttribute: (name: string, value: string) => (attributes[name] = value) } },
    addEventListener: (type: string, fn: (e: unknown) => void) => {
      if (type === 'message') listeners.push(fn);
    },
  };
  installPreviewBridge(win as unknown as Window & typeof globalThis, MODULE_KEYS);
  const callBridge = (win as unknown as { __bridge: { callBridge(command: string): Promise<unknown> } }).__bridge.callBridge;
  const toolbarSays = (colorMode: string, from: { origin: string; source: unknown } = { origin: ORIGIN, source: parent }) =>
    listeners.forEach((l) => l({ ...from, data: { type: THEME_MESSAGE, colorMode } }));
  return { attributes, callBridge, toolbarSays };
}

describe('the preview host theme', () => {
  it('puts the colour mode on <html> only once the app enables theming', async () => {
    const f = frame('?as=site-admin&surface=admin&theme=dark');
    expect(f.attributes['data-color-mode']).toBeUndefined();
    await f.callBridge('enableTheming');
    expect(f.attributes['data-color-mode']).toBe('dark');
  });

  it("follows the toolbar's Theme without a reload, and only from the toolbar", async () => {
    const f = frame('?as=site-admin&surface=admin&theme=light');
    await f.callBridge('enableTheming');
    f.toolbarSays('dark');
    expect(f.attributes['data-color-mode']).toBe('dark');
    f.toolbarSays('light', { origin: 'https://elsewhere.example', source: {} });
    expect(f.attributes['data-color-mode']).toBe('dark');
  });
});
