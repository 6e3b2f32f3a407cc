/**
 * The app follows Jira's theme, never its own: `view.theme.enable()` asks the host to
 * put its colour mode on <html data-color-mode> and to keep it there as the user
 * changes theme. The tokens' stylesheet for that mode is loaded when the mode first
 * appears and whenever the host changes it. A host that cannot theme (the call fails)
 * leaves the mode Forge's context gave, or the browser's preference.
 */
import type { ColorMode } from './surface';

export interface HostThemeDeps {
  /** @forge/bridge's view.theme.enable. */
  enable: () => Promise<void>;
  root: HTMLElement;
  /** Loads the tokens for a mode (setGlobalTheme), which also sets data-color-mode. */
  apply: (mode: ColorMode) => void;
  /** The mode from the context or the browser, used until (or unless) the host says. */
  fallback: ColorMode;
  observe?: (root: HTMLElement, onChange: () => void) => () => void;
}

export function hostColorMode(root: HTMLElement): ColorMode | null {
  const mode = root.getAttribute('data-color-mode');
  return mode === 'dark' || mode === 'light' ? mode : null;
}

function observeAttribute(root: HTMLElement, onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(root, { attributes: true, attributeFilter: ['data-color-mode'] });
  return () => observer.disconnect();
}

/** Applies the fallback at once (no unstyled first paint), then follows the host. Returns a stop function. */
export async function followHostTheme(deps: HostThemeDeps): Promise<() => void> {
  let applied: ColorMode = deps.fallback;
  deps.apply(applied);
  const sync = () => {
    const mode = hostColorMode(deps.root);
    // setGlobalTheme writes the same attribute: applying only a different mode keeps this from looping.
    if (mode && mode !== applied) {
      applied = mode;
      deps.apply(mode);
    }
  };
  try {
    await deps.enable();
  } catch {
    return () => {};
  }
  sync();
  return (deps.observe ?? observeAttribute)(deps.root, sync);
}
