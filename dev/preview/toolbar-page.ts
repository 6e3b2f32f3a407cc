/**
 * The preview's outer page: a toolbar (who you are, which entry point, which admin
 * sub-page, which desk, theme) outside the app frame, and the app in an iframe as Jira
 * would host it. Changing a control reloads the frame with new query parameters, read
 * by the bridge shim. The sub-page control stands in for Jira's sidebar; when the app
 * changes its route the frame says so, and the toolbar's address follows, so it is the
 * link to share.
 */
import { ADMIN_SUBPAGES } from '../../src/shared/app-pages';
import { escapeHtml } from './html';
import { ROUTE_MESSAGE, THEME_MESSAGE } from './bridge-shim';

export interface ToolbarOptions {
  personas: { id: string; label: string; displayName: string }[];
  desks: { key: string; name: string }[];
  siteLabel: string;
}

const option = (value: string, label: string) => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`;

export function renderToolbarPage(o: ToolbarOptions): string {
  const personaOptions = o.personas.map((p) => option(p.id, `${p.label} (${p.displayName})`)).join('');
  const deskOptions = o.desks.map((d) => option(d.key, `${d.name} (${d.key})`)).join('');
  const routeOptions = option('', '(the page itself)') + ADMIN_SUBPAGES.map((p) => option(p.route, p.title)).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Moveworks readiness: local preview</title>
<style>
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; background: #f7f8f9; color: #172b4d; }
  header { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; padding: 8px 16px; background: #1d2125; color: #fff; }
  header strong { margin-right: 8px; }
  header label { display: flex; gap: 6px; align-items: center; }
  header select { font: inherit; padding: 2px 4px; }
  header a { color: #fff; }
  header .site { margin-left: auto; opacity: 0.85; }
  iframe { display: block; width: 100%; height: calc(100vh - 48px); border: 0; background: #fff; }
</style>
</head>
<body>
<header role="banner" aria-label="Preview controls">
  <strong>Local preview</strong>
  <label>Signed in as <select id="as">${personaOptions}</select></label>
  <label>Page <select id="surface">${option('admin', 'Admin page')}${option('configure', 'Configure (Manage apps)')}${option('project', 'Project settings page')}</select></label>
  <label>Sub-page <select id="route">${routeOptions}</select></label>
  <label>Service desk <select id="project">${deskOptions}</select></label>
  <label>Theme <select id="theme">${option('light', 'Light')}${option('dark', 'Dark')}</select></label>
  <a href="/outbox">Outbox</a>
  <span class="site">Jira: ${escapeHtml(o.siteLabel)}</span>
</header>
<iframe id="app" title="Moveworks readiness app"></iframe>
<script>
(function () {
  var ids = ['as', 'surface', 'route', 'project', 'theme'];
  var initial = new URLSearchParams(location.search);
  // The full route may go deeper than the sidebar's entries (a project's page), so it is kept apart from the control.
  var route = initial.get('route') || '';
  var frame = document.getElementById('app');
  ids.forEach(function (id) {
    var el = document.getElementById(id);
    if (initial.get(id)) el.value = initial.get(id);
    el.addEventListener('change', function () {
      // Jira's theme changes under a running app: tell the frame, do not reload it.
      if (id === 'theme') {
        show(query());
        if (frame.contentWindow) frame.contentWindow.postMessage({ type: ${JSON.stringify(THEME_MESSAGE)}, colorMode: el.value }, location.origin);
        return;
      }
      if (id === 'route') route = el.value;
      // Another entry point opens at its own URL, as following a different link in Jira would.
      if (id === 'surface') route = '';
      load();
    });
  });
  function query() {
    var q = new URLSearchParams();
    ids.forEach(function (id) { q.set(id, id === 'route' ? route : document.getElementById(id).value); });
    // Jira gives the Configure page no sub-pages: it always opens at its own URL.
    if (q.get('surface') === 'configure') q.delete('route');
    return q;
  }
  function show(q) {
    document.getElementById('project').disabled = q.get('surface') !== 'project';
    document.getElementById('route').disabled = q.get('surface') !== 'admin';
    document.getElementById('route').value = q.get('surface') === 'admin' ? (q.get('route') || '').split('/')[0] : '';
    history.replaceState(null, '', '?' + q.toString());
  }
  function load() {
    var q = query();
    show(q);
    frame.src = 'app/index.html?' + q.toString();
  }
  window.addEventListener('message', function (e) {
    if (e.origin !== location.origin || e.source !== frame.contentWindow || !e.data || e.data.type !== ${JSON.stringify(ROUTE_MESSAGE)}) return;
    route = String(e.data.route || '');
    show(query());
  });
  load();
})();
</script>
</body>
</html>
`;
}
