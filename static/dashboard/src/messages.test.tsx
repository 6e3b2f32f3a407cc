/**
 * One vocabulary: the dashboard says "service desk" (what a JSM admin calls it), never
 * "project", and a check the app cannot decide from Jira "needs attestation", never
 * "manual". Every string messages.ts can show is read: plain strings as they are, and
 * the text of each parameterised string (its literals, not the values put into them).
 */
import { messages } from './messages';

/** The literal text of a function's source: quoted strings and template text outside ${…}. */
function literalsOf(source: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < source.length) {
    const q = source[i];
    if (q === "'" || q === '"' || q === '`') {
      let text = '';
      let depth = 0;
      i++;
      while (i < source.length) {
        const c = source[i];
        if (depth === 0 && c === '\\') {
          text += source[i + 1] ?? '';
          i += 2;
          continue;
        }
        if (q === '`' && depth === 0 && c === '$' && source[i + 1] === '{') {
          depth = 1;
          text += ' ';
          i += 2;
          continue;
        }
        if (depth > 0) {
          if (c === '{') depth++;
          if (c === '}') depth--;
          i++;
          continue;
        }
        if (c === q) break;
        text += c;
        i++;
      }
      out.push(text);
    }
    i++;
  }
  return out;
}

function shownText(value: unknown, path: string, out: { path: string; text: string }[]): void {
  if (typeof value === 'string') out.push({ path, text: value });
  else if (typeof value === 'function') for (const text of literalsOf(value.toString())) out.push({ path, text });
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) shownText(v, `${path}.${k}`, out);
}

const ALL = (() => {
  const out: { path: string; text: string }[] = [];
  shownText(messages, 'messages', out);
  return out;
})();

describe('one vocabulary in the dashboard', () => {
  it('reads the strings it judges', () => {
    expect(ALL.some((s) => s.text.includes('service desk'))).toBe(true);
    expect(literalsOf('(n) => `${n} of ${total} projects`')).toEqual(['  of   projects']);
  });

  it('says "service desk", never "project", in any string the user sees', () => {
    const offending = ALL.filter((s) => /\bprojects?\b/i.test(s.text)).map((s) => `${s.path}: ${s.text}`);
    expect(offending).toEqual([]);
  });

  it('says "Needs attestation", never "Manual", for a check an admin confirms', () => {
    expect(messages.status.manual).toBe('Needs attestation');
    const offending = ALL.filter((s) => /\bmanual\b/i.test(s.text)).map((s) => `${s.path}: ${s.text}`);
    expect(offending).toEqual([]);
  });
});
