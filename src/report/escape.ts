/**
 * Escaping for everything the renderers put in front of a reader. Report text
 * comes from Jira (group names, workflow names, display names) and must never
 * be able to inject markup, a link scheme or a terminal control sequence.
 */

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"'`]/g, (c) => HTML_ENTITIES[c]);
}

/**
 * The URL when it is an absolute http(s) URL, else null. `javascript:`, `data:`
 * and relative URLs are never turned into links.
 */
export function safeHttpUrl(url: string | undefined | null): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const parsed = new URL(trimmed);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * Removes C0/C1 control characters (ESC starts ANSI sequences) except tab and
 * newline, so text from Jira cannot recolour or rewrite a terminal.
 */
export function stripControlChars(value: unknown): string {
  // eslint-disable-next-line no-control-regex
  return String(value ?? '').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}
