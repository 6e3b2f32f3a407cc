/**
 * The checks' documentation, kept true to the catalogue: every check has a page
 * docs/checks/<ID>.md with four fixed sections, and the index in docs/checks/README.md
 * and the "## Checks" table of README.md are rendered from the catalogue (plus each
 * page's one-line lead). Pure: `npm run docs:checks` (scripts/generate-check-docs.mjs)
 * writes what these functions render, and test/docs/check-docs.test.ts fails when
 * the files on disk differ from it.
 */
import type { DocBlock } from '../shared/doc-blocks';
import type { Check, CheckMeta } from './check';

/** The sections every check page has, in this order. */
export const CHECK_DOC_SECTIONS = ['Why Moveworks needs it', 'How the app decides', 'How to fix it', 'What `error` means for it'] as const;

export const WHY_SECTION = CHECK_DOC_SECTIONS[0];

/** Generated blocks sit between these markers; everything outside them is written by hand. */
export const MARKERS = {
  index: { start: '<!-- check-index:start: written by npm run docs:checks from the catalogue -->', end: '<!-- check-index:end -->' },
  facts: { start: '<!-- check-facts:start: written by npm run docs:checks from the check\'s meta -->', end: '<!-- check-facts:end -->' },
} as const;

export type Marker = (typeof MARKERS)[keyof typeof MARKERS];

export function pageFileName(id: string): string {
  return `${id}.md`;
}

/** "required", "required, manual". */
export function severityLabel(meta: CheckMeta): string {
  return meta.manual ? `${meta.severity}, manual` : meta.severity;
}

/** The heading a check's page starts with. */
export function pageTitle(meta: CheckMeta): string {
  return `# ${meta.id}: ${meta.title}`;
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();

/**
 * The index table: one row per check in catalogue order. `linkPrefix` is where the
 * pages are as seen from the file the table is in ('' in docs/checks, 'docs/checks/' in README.md).
 */
export function checkIndexTable(checks: readonly Check[], leads: Readonly<Record<string, string>>, linkPrefix: string): string {
  const rows = checks.map(({ meta }) => {
    const lead = leads[meta.id];
    if (lead === undefined) throw new Error(`No one-line description for ${meta.id}: docs/checks/${pageFileName(meta.id)} has no lead paragraph`);
    return `| [${meta.id}](${linkPrefix}${pageFileName(meta.id)}) | ${cell(meta.title)} | ${meta.scope} | ${severityLabel(meta)} | ${cell(lead)} |`;
  });
  return ['| ID | Title | Scope | Severity | What it checks |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The facts line at the top of a check's page. */
export function factsBlock(check: Check): string {
  const { meta } = check;
  const reads = check.requires.length > 0 ? check.requires.map((a) => `\`${a}\``).join(', ') : 'nothing from Jira';
  return [
    `**Scope:** ${meta.scope === 'site' ? 'site (once per run)' : 'project (every service desk in scope)'} · `,
    `**Severity:** ${severityLabel(meta)} · `,
    `**Snapshot artifacts it requires:** ${reads} · `,
    `**Further reading:** <${meta.docsUrl}>`,
  ].join('');
}

/** `text` with the part between the marker's lines replaced by `content`. */
export function replaceBlock(text: string, marker: Marker, content: string): string {
  const start = text.indexOf(marker.start);
  const end = text.indexOf(marker.end);
  if (start < 0 || end < start) throw new Error(`Markers not found: ${marker.start} … ${marker.end}`);
  return `${text.slice(0, start + marker.start.length)}\n${content}\n${text.slice(end)}`;
}

/** What is between the marker's lines now, or null when the markers are missing. */
export function blockContent(text: string, marker: Marker): string | null {
  const start = text.indexOf(marker.start);
  const end = text.indexOf(marker.end);
  if (start < 0 || end < start) return null;
  return text.slice(start + marker.start.length, end).trim();
}

/** The page's `## ` sections in order, each with its body (without the heading). */
export function sectionsOf(markdown: string): { heading: string; body: string }[] {
  const sections: { heading: string; body: string[] }[] = [];
  for (const line of markdown.split('\n')) {
    const heading = /^## (.+?)\s*$/.exec(line);
    if (heading) sections.push({ heading: heading[1]!, body: [] });
    else sections[sections.length - 1]?.body.push(line);
  }
  return sections.map((s) => ({ heading: s.heading, body: s.body.join('\n').trim() }));
}

/** The first paragraph after the page's title: the check in one line. */
export function leadOf(markdown: string): string | null {
  const lines = markdown.split('\n');
  const title = lines.findIndex((l) => l.startsWith('# '));
  if (title < 0) return null;
  const paragraph: string[] = [];
  for (const line of lines.slice(title + 1)) {
    if (line.trim() === '') {
      if (paragraph.length > 0) break;
      continue;
    }
    if (line.startsWith('<!--') || line.startsWith('#')) break;
    paragraph.push(line.trim());
  }
  return paragraph.length > 0 ? paragraph.join(' ') : null;
}

/** Markdown links become their text and emphasis markers go; `code` spans stay for the reader to show. */
export function plainText(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A section's body as blocks: paragraphs, block quotes (one per quoted paragraph) and bullet lists. */
export function docBlocks(body: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  for (const chunk of body.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) continue;
    if (lines.every((l) => l.startsWith('>'))) {
      // A quote may hold several paragraphs separated by a bare ">".
      const text = lines.map((l) => l.replace(/^>\s?/, '')).join('\n');
      for (const part of text.split(/\n\s*\n/)) if (part.trim()) blocks.push({ kind: 'quote', text: plainText(part) });
    } else if (lines.every((l) => /^\s*[-*] /.test(l) || /^\s{2,}\S/.test(l))) {
      const items: string[] = [];
      for (const l of lines) {
        if (/^\s*[-*] /.test(l)) items.push(l.replace(/^\s*[-*] /, ''));
        else items[items.length - 1] += ` ${l.trim()}`;
      }
      blocks.push({ kind: 'list', items: items.map(plainText) });
    } else {
      blocks.push({ kind: 'paragraph', text: plainText(lines.join(' ')) });
    }
  }
  return blocks;
}

/** The text of every block quote in a section's body, whitespace collapsed. */
export function quotesOf(body: string): string[] {
  return docBlocks(body)
    .filter((b): b is Extract<DocBlock, { kind: 'quote' }> => b.kind === 'quote')
    .map((b) => b.text);
}

/** Whitespace collapsed, so a quote can be found in a source whatever its line breaks. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Where the pages can be read online: `<repository>/blob/HEAD/docs/checks/`, or null when package.json names no repository. */
export function docsBaseUrl(repository: unknown): string | null {
  const url = typeof repository === 'string' ? repository : (repository as { url?: unknown } | null | undefined)?.url;
  if (typeof url !== 'string' || !/^(git\+)?https:\/\//.test(url)) return null;
  return `${url.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/+$/, '')}/blob/HEAD/docs/checks/`;
}

/** The dashboard's module: each check's "Why Moveworks needs it" as blocks, and where its page is online. */
export function whyModule(why: Readonly<Record<string, DocBlock[]>>, baseUrl: string | null): string {
  const entries = Object.entries(why).map(([id, blocks]) => [`  ${JSON.stringify(id)}: [`, ...blocks.map((b) => `    ${JSON.stringify(b)},`), '  ],']);
  return [
    '// Written by `npm run docs:checks` from the "Why Moveworks needs it" section of each',
    '// docs/checks/<ID>.md; edit the page, not this file (test/docs/check-docs.test.ts compares them).',
    "import type { DocBlock } from '../../../../src/shared/doc-blocks';",
    '',
    '/** Where the check pages can be read online; null when the project names no repository. */',
    `export const CHECK_DOCS_BASE_URL: string | null = ${JSON.stringify(baseUrl)};`,
    '',
    'export const CHECK_WHY: Readonly<Record<string, readonly DocBlock[]>> = {',
    ...entries.flat(),
    '};',
    '',
  ].join('\n');
}

/** Everything the generator writes, from the catalogue and the pages' text. */
export interface CheckDocsInput {
  checks: readonly Check[];
  /** Page file name → its markdown. */
  pages: Readonly<Record<string, string>>;
  indexPage: string;
  readme: string;
  repository?: unknown;
}

export interface CheckDocsOutput {
  pages: Record<string, string>;
  indexPage: string;
  readme: string;
  whyModule: string;
}

export function renderCheckDocs(input: CheckDocsInput): CheckDocsOutput {
  const leads: Record<string, string> = {};
  const why: Record<string, DocBlock[]> = {};
  const pages: Record<string, string> = {};
  for (const check of input.checks) {
    const file = pageFileName(check.meta.id);
    const page = input.pages[file];
    if (page === undefined) throw new Error(`docs/checks/${file} is missing`);
    const lead = leadOf(page);
    if (lead !== null) leads[check.meta.id] = lead;
    const section = sectionsOf(page).find((s) => s.heading === WHY_SECTION);
    why[check.meta.id] = section ? docBlocks(section.body) : [];
    pages[file] = replaceBlock(page, MARKERS.facts, factsBlock(check));
  }
  return {
    pages,
    indexPage: replaceBlock(input.indexPage, MARKERS.index, checkIndexTable(input.checks, leads, '')),
    readme: replaceBlock(input.readme, MARKERS.index, checkIndexTable(input.checks, leads, 'docs/checks/')),
    whyModule: whyModule(why, docsBaseUrl(input.repository)),
  };
}
