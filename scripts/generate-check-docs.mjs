// Writes the checks' generated documentation from the catalogue: the index in
// docs/checks/README.md, the "## Checks" table of README.md, the facts line of every
// docs/checks/<ID>.md, and the dashboard's "Why Moveworks needs it" texts
// (static/dashboard/src/model/check-why.generated.ts). The rendering is
// src/requirements/check-docs.ts, compiled into dist/ by `npm run build:node` first
// (`npm run docs:checks` does both); test/docs/check-docs.test.ts fails on drift.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const compiled = join(root, 'dist', 'src', 'requirements');
if (!existsSync(join(compiled, 'check-docs.js'))) {
  console.error('dist/ has no compiled check-docs.js: run `npm run build:node` first (`npm run docs:checks` does).');
  process.exit(1);
}
const { CATALOGUE } = require(join(compiled, 'catalogue.js'));
const { renderCheckDocs, pageFileName } = require(join(compiled, 'check-docs.js'));

const docsDir = join(root, 'docs', 'checks');
const paths = {
  index: join(docsDir, 'README.md'),
  readme: join(root, 'README.md'),
  why: join(root, 'static', 'dashboard', 'src', 'model', 'check-why.generated.ts'),
};

const ids = new Set(CATALOGUE.map((c) => pageFileName(c.meta.id)));
const strays = readdirSync(docsDir).filter((f) => f.endsWith('.md') && f !== 'README.md' && !ids.has(f));
if (strays.length > 0) console.warn(`Pages with no check in the catalogue: ${strays.join(', ')}`);

const pages = {};
for (const file of ids) {
  const path = join(docsDir, file);
  if (!existsSync(path)) {
    console.error(`docs/checks/${file} is missing: write the check's page first (see docs/checks/README.md).`);
    process.exit(1);
  }
  pages[file] = readFileSync(path, 'utf8');
}

const out = renderCheckDocs({
  checks: CATALOGUE,
  pages,
  indexPage: readFileSync(paths.index, 'utf8'),
  readme: readFileSync(paths.readme, 'utf8'),
  repository: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).repository,
});

const writeIfChanged = (path, text) => {
  const before = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (before === text) return;
  writeFileSync(path, text);
  console.log(`wrote ${path.slice(root.length + 1)}`);
};
for (const [file, text] of Object.entries(out.pages)) writeIfChanged(join(docsDir, file), text);
writeIfChanged(paths.index, out.indexPage);
writeIfChanged(paths.readme, out.readme);
writeIfChanged(paths.why, out.whyModule);
