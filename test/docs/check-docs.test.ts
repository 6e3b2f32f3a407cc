/**
 * The checks' documentation stays true to the catalogue: a page per check with the
 * four sections, no page without a check, quotes that really are the vendor's and
 * the specification's words, and the generated tables, facts lines and dashboard
 * texts as `npm run docs:checks` would write them today.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUE } from '../../src/requirements/catalogue';
import {
  CHECK_DOC_SECTIONS,
  MARKERS,
  WHY_SECTION,
  blockContent,
  collapse,
  docBlocks,
  leadOf,
  pageFileName,
  pageTitle,
  plainText,
  quotesOf,
  renderCheckDocs,
  sectionsOf,
} from '../../src/requirements/check-docs';

const root = join(__dirname, '..', '..');
const docsDir = join(root, 'docs', 'checks');
const read = (path: string) => readFileSync(path, 'utf8');

const pageFiles = readdirSync(docsDir).filter((f) => f.endsWith('.md') && f !== 'README.md');
const pages = Object.fromEntries(pageFiles.map((f) => [f, read(join(docsDir, f))]));
const rendered = () =>
  renderCheckDocs({
    checks: CATALOGUE,
    pages,
    indexPage: read(join(docsDir, 'README.md')),
    readme: read(join(root, 'README.md')),
    repository: JSON.parse(read(join(root, 'package.json'))).repository,
  });
const REGENERATE = 'run `npm run docs:checks` and commit the result';

describe('check documentation', () => {
  it('has a page for every check in the catalogue and no page without a check', () => {
    const expected = CATALOGUE.map((c) => pageFileName(c.meta.id)).sort();
    expect({ pages: [...pageFiles].sort() }).toEqual({ pages: expected });
  });

  it.each(CATALOGUE.map((c) => [c.meta.id, c] as const))('%s: the page has its title, a one-line lead and the four sections in order', (id, check) => {
    const page = pages[pageFileName(id)]!;
    expect(page.split('\n')[0]).toBe(pageTitle(check.meta));
    expect(leadOf(page)).toMatch(/\S/);
    const sections = sectionsOf(page);
    expect(sections.map((s) => s.heading)).toEqual([...CHECK_DOC_SECTIONS]);
    for (const section of sections) expect({ section: section.heading, empty: section.body === '' }).toEqual({ section: section.heading, empty: false });
  });

  it.each(CATALOGUE.map((c) => [c.meta.id] as const))('%s: "Why Moveworks needs it" quotes the vendor and the specification word for word', (id) => {
    const vendor = collapse(plainText(read(join(root, 'docs', 'moveworks-access-requirements.txt'))));
    const specification = collapse(plainText(read(join(root, 'docs', 'requirements.md'))));
    const why = sectionsOf(pages[pageFileName(id)]!).find((s) => s.heading === WHY_SECTION)!.body;
    const quotes = quotesOf(why);
    expect(quotes.some((q) => vendor.includes(q))).toBe(true);
    expect(quotes.some((q) => specification.includes(q))).toBe(true);
    const invented = quotes.filter((q) => !vendor.includes(q) && !specification.includes(q));
    expect(invented).toEqual([]);
  });

  it('keeps each page\'s facts line as the check\'s meta says', () => {
    const out = rendered();
    for (const file of pageFiles) {
      expect({ file, facts: blockContent(pages[file]!, MARKERS.facts) }).toEqual({ file, facts: blockContent(out.pages[file]!, MARKERS.facts) });
    }
  });

  it(`keeps the index in docs/checks/README.md as the catalogue renders it (${REGENERATE})`, () => {
    const onDisk = read(join(docsDir, 'README.md'));
    expect(blockContent(onDisk, MARKERS.index)).not.toBeNull();
    expect(blockContent(onDisk, MARKERS.index)).toBe(blockContent(rendered().indexPage, MARKERS.index));
  });

  it(`keeps the "## Checks" table of README.md as the catalogue renders it (${REGENERATE})`, () => {
    const onDisk = read(join(root, 'README.md'));
    const checksSection = onDisk.slice(onDisk.indexOf('## Checks'));
    expect(blockContent(checksSection, MARKERS.index)).not.toBeNull();
    expect(blockContent(onDisk, MARKERS.index)).toBe(blockContent(rendered().readme, MARKERS.index));
    for (const { meta } of CATALOGUE) expect(checksSection).toContain(`[${meta.id}](docs/checks/${meta.id}.md)`);
  });

  it(`keeps the dashboard's "Why Moveworks needs it" texts as the pages say (${REGENERATE})`, () => {
    expect(read(join(root, 'static', 'dashboard', 'src', 'model', 'check-why.generated.ts'))).toBe(rendered().whyModule);
  });
});

describe('check-docs rendering', () => {
  it('reads quotes, paragraphs and lists as the dashboard shows them', () => {
    const blocks = docBlocks(['Intro with a [link](x.md) and `code`:', '', '> First **quoted**', '> line.', '>', '> Second.', '', '- one', '- two', '  continued'].join('\n'));
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Intro with a link and `code`:' },
      { kind: 'quote', text: 'First quoted line.' },
      { kind: 'quote', text: 'Second.' },
      { kind: 'list', items: ['one', 'two continued'] },
    ]);
  });

  it('fails loudly when a file has lost its markers', () => {
    expect(() => renderCheckDocs({ checks: CATALOGUE, pages, indexPage: '# no markers', readme: read(join(root, 'README.md')) })).toThrow(/Markers not found/);
  });
});
