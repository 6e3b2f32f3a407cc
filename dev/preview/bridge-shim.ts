/**
 * The Custom UI bridge the preview provides in place of Jira's. @forge/bridge reads
 * `globalThis.__bridge.callBridge` when it loads, so the preview serves this script
 * before the unchanged production bundle: `invoke` becomes a POST to the preview
 * server (which runs the real resolvers) and `getContext` answers with the surface
 * chosen in the toolbar (given to the frame as query parameters).
 *
 * The function is sent to the browser as its source text, so it must not use
 * anything from outside its own body.
 */
export interface PreviewFrameParams {
  persona: string;
  surface: 'admin' | 'project';
  projectKey?: string;
  theme: 'light' | 'dark';
}

export function installPreviewBridge(win: Window & typeof globalThis): void {
  const params = new URLSearchParams(win.location.search);
  const persona = params.get('as') || 'site-admin';
  const surface = params.get('surface') === 'project' ? 'project' : 'admin';
  const projectKey = params.get('project') || undefined;
  const colorMode = params.get('theme') === 'dark' ? 'dark' : 'light';
  const context =
    surface === 'project'
      ? {
          moduleKey: 'mw-readiness-project-settings',
          extension: { type: 'jira:projectSettingsPage', project: { key: projectKey, type: 'service_desk' } },
          theme: { colorMode },
          locale: 'en-US',
        }
      : { moduleKey: 'mw-readiness-admin', extension: { type: 'jira:adminPage' }, theme: { colorMode }, locale: 'en-US' };

  async function invoke(data: { functionKey: string; payload?: unknown }): Promise<unknown> {
    const response = await fetch('/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ functionKey: data.functionKey, payload: data.payload ?? {}, persona, surface, projectKey }),
    });
    if (!response.ok) throw new Error(`The preview server answered ${response.status} for ${data.functionKey}.`);
    return response.json();
  }

  (win as unknown as { __bridge: unknown }).__bridge = {
    callBridge: async (command: string, data?: unknown) => {
      if (command === 'getContext') return context;
      if (command === 'invoke') return invoke(data as { functionKey: string; payload?: unknown });
      // Navigation, resizing, flags and the rest have no meaning outside Jira.
      return undefined;
    },
  };
}

/** The script text served at /app/preview-bridge.js. */
export function bridgeShimScript(): string {
  return `(${installPreviewBridge.toString()})(window);\n`;
}
