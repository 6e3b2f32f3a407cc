/**
 * The preview's outer page: a toolbar (who you are, which surface, which desk, theme)
 * outside the app frame, and the app in an iframe as Jira would host it. Changing a
 * control reloads the frame with new query parameters, read by the bridge shim.
 */
import { escapeHtml } from './html';

export interface ToolbarOptions {
  personas: { id: string; label: string; displayName: string }[];
  desks: { key: string; name: string }[];
  siteLabel: string;
}

const option = (value: string, label: string) => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`;

export function renderToolbarPage(o: ToolbarOptions): string {
  const personaOptions = o.personas.map((p) => option(p.id, `${p.label} (${p.displayName})`)).join('');
  const deskOptions = o.desks.map((d) => option(d.key, `${d.name} (${d.key})`)).join('');
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
  <label>Page <select id="surface">${option('admin', 'Admin page')}${option('project', 'Project settings page')}</select></label>
  <label>Service desk <select id="project">${deskOptions}</select></label>
  <label>Theme <select id="theme">${option('light', 'Light')}${option('dark', 'Dark')}</select></label>
  <a href="/outbox">Outbox</a>
  <span class="site">Jira: ${escapeHtml(o.siteLabel)}</span>
</header>
<iframe id="app" title="Moveworks readiness app"></iframe>
<script>
(function () {
  var ids = ['as', 'surface', 'project', 'theme'];
  var initial = new URLSearchParams(location.search);
  ids.forEach(function (id) {
    var el = document.getElementById(id);
    if (initial.get(id)) el.value = initial.get(id);
    el.addEventListener('change', load);
  });
  function load() {
    var q = new URLSearchParams();
    ids.forEach(function (id) { q.set(id, document.getElementById(id).value); });
    document.getElementById('project').disabled = q.get('surface') !== 'project';
    history.replaceState(null, '', '?' + q.toString());
    document.getElementById('app').src = 'app/index.html?' + q.toString();
  }
  load();
})();
</script>
</body>
</html>
`;
}
