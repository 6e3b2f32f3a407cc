/** @jest-environment jsdom */
import { followHostTheme } from './host-theme';

function host() {
  const root = document.createElement('html');
  const applied: string[] = [];
  let listener: (() => void) | null = null;
  const deps = {
    root,
    apply: (mode: 'light' | 'dark') => {
      applied.push(mode);
      root.setAttribute('data-color-mode', mode);
      listener?.();
    },
    observe: (_root: HTMLElement, onChange: () => void) => {
      listener = onChange;
      return () => {
        listener = null;
      };
    },
  };
  /** The host changing its theme, as Forge does on the iframe's <html>. */
  const hostSets = (mode: string) => {
    root.setAttribute('data-color-mode', mode);
    listener?.();
  };
  return { deps, applied, hostSets };
}

describe('following the host theme', () => {
  it('enables theming through the bridge and takes the mode the host puts on <html>', async () => {
    const { deps, applied, hostSets } = host();
    const enable = jest.fn(async () => hostSets('dark'));
    await followHostTheme({ ...deps, enable, fallback: 'light' });
    expect(enable).toHaveBeenCalledTimes(1);
    expect(applied).toEqual(['light', 'dark']);
  });

  it('follows the host when the user changes theme in Jira, without looping on its own writes', async () => {
    const { deps, applied, hostSets } = host();
    await followHostTheme({ ...deps, enable: async () => hostSets('light'), fallback: 'light' });
    hostSets('dark');
    hostSets('dark');
    hostSets('light');
    expect(applied).toEqual(['light', 'dark', 'light']);
  });

  it('keeps the fallback when the host cannot theme', async () => {
    const { deps, applied, hostSets } = host();
    await followHostTheme({ ...deps, enable: async () => Promise.reject(new Error('no theming here')), fallback: 'dark' });
    hostSets('light');
    expect(applied).toEqual(['dark']);
  });
});
