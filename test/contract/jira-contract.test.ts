/**
 * docs/jira-contract.md is the list of Jira and Forge behaviours the app relies on.
 * This keeps it honest: every row quotes its source and names a test that exists and
 * still carries that name, and every Jira operation the app calls has at least one row.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const contract = readFileSync(join(root, 'docs', 'jira-contract.md'), 'utf8');

interface Row {
  line: number;
  behaviour: string;
  endpoint: string;
  quote: string;
  source: string;
  pinnedBy: string;
}

const HEADER = ['Behaviour', 'Endpoint or API', 'What Atlassian says (quote)', 'Source', 'Pinned by'];

function cells(line: string): string[] {
  // A `\|` inside a cell is a literal bar, not a column break.
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

function rows(markdown: string): Row[] {
  const lines = markdown.split('\n');
  const found: Row[] = [];
  let inTable = false;
  lines.forEach((line, index) => {
    if (!line.trim().startsWith('|')) {
      inTable = false;
      return;
    }
    const c = cells(line);
    if (c[0] === HEADER[0]) {
      expect(c).toEqual(HEADER);
      inTable = true;
      return;
    }
    if (!inTable || /^:?-+:?$/.test(c[0] ?? '')) return;
    found.push({ line: index + 1, behaviour: c[0]!, endpoint: c[1] ?? '', quote: c[2] ?? '', source: c[3] ?? '', pinnedBy: c[4] ?? '' });
  });
  return found;
}

function pins(cell: string): { path: string; name: string }[] {
  return cell
    .split(/<br\s*\/?>/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const match = /^`([^`]+)`\s*›\s*(.+)$/.exec(p);
      if (!match) throw new Error(`"${p}" is not of the form \`path\` › test name`);
      return { path: match[1]!, name: match[2]!.trim().replace(/\\\|/g, '|') };
    });
}

function trimmedOperations(): string[] {
  const ops: string[] = [];
  for (const file of ['jira-platform.trimmed.json', 'jira-servicedesk.trimmed.json']) {
    const spec = JSON.parse(readFileSync(join(root, 'spec', file), 'utf8')) as { paths: Record<string, Record<string, unknown>> };
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const method of Object.keys(item)) if (['get', 'post', 'put', 'delete'].includes(method)) ops.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return ops;
}

const all = rows(contract);

describe('docs/jira-contract.md', () => {
  it('has rows, each with a behaviour, an endpoint, a quote, a source and a test', () => {
    expect(all.length).toBeGreaterThan(30);
    for (const row of all) {
      for (const [name, value] of Object.entries({ behaviour: row.behaviour, endpoint: row.endpoint, quote: row.quote, source: row.source, pinnedBy: row.pinnedBy })) {
        if (!value) throw new Error(`line ${row.line}: the ${name} cell is empty`);
      }
    }
  });

  it('names, in every row, tests that exist under those names', () => {
    const missing: string[] = [];
    for (const row of all) {
      for (const pin of pins(row.pinnedBy)) {
        const file = join(root, pin.path);
        if (!existsSync(file)) missing.push(`line ${row.line}: no file ${pin.path}`);
        // A name quoted in the source may escape its quotes (it('Jira\'s words')).
        else if (!readFileSync(file, 'utf8').replace(/\\(['"])/g, '$1').includes(pin.name)) missing.push(`line ${row.line}: ${pin.path} has no test named "${pin.name}"`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('covers every Jira operation the app calls (the trimmed specs)', () => {
    const endpoints = all.map((r) => r.endpoint.replace(/`/g, '')).join('\n');
    const uncovered = trimmedOperations().filter((op) => !endpoints.includes(op));
    expect(uncovered).toEqual([]);
  });
});
