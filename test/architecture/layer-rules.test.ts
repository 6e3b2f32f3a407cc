/**
 * The layer rule (.dependency-cruiser.cjs, run by `npm run lint:deps` in `npm test`)
 * can fail: the project's own config, run over a small tree written to a temporary
 * folder, reports each kind of forbidden import and a cycle, and passes a tree that
 * keeps to the table. A config that matched nothing would pass every real tree too.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const DEPCRUISE = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

/** Writes `files` under a fresh folder and cruises it with the project's config; the violations found. */
function cruise(files: Record<string, string>): { status: number | null; violations: Violation[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layer-rules-'));
  try {
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs', moduleResolution: 'node', jsx: 'react-jsx', strict: true } }));
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    const roots = [...new Set(Object.keys(files).map((f) => f.split('/')[0]))];
    const depcruise = (...args: string[]) => spawnSync(process.execPath, [DEPCRUISE, ...roots, '--config', CONFIG, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    // As `npm run lint:deps` runs it (its exit status is what fails `npm test`), then as JSON to read what it found.
    const lint = depcruise();
    const json = depcruise('--output-type', 'json');
    if (!json.stdout) throw new Error(`depcruise printed nothing: ${json.stderr}`);
    const result = JSON.parse(json.stdout) as { summary: { violations: Violation[] } };
    return { status: lint.status, violations: result.summary.violations };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const found = (violations: Violation[]) => violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();

describe('the layer rule', () => {
  it('reports imports against the table, type-only ones included, and cycles between files', () => {
    const { status, violations } = cruise({
      'src/shared/logger.ts': 'export interface Logger { info(message: string): void }\n',
      'src/forge/deps.ts': "export type { Logger } from '../shared/logger';\n",
      // A type-only import still ties jira to forge.
      'src/jira/jira-client.ts': "import type { Logger } from '../forge/deps';\nexport const log = (l: Logger) => l.info('x');\n",
      'src/report/html.ts': "import { content } from '../email/email-content';\nexport const html = content;\n",
      'src/email/email-content.ts': 'export const content = 1;\n',
      'src/cli/main.ts': "import { services } from './services';\nexport const main = () => services;\n",
      'src/cli/services.ts': "import { main } from './main';\nexport const services = () => main;\n",
      'src/engine/demo.ts': "import { start } from '../../dev/simulator/server';\nexport const demo = start;\n",
      'dev/simulator/server.ts': 'export const start = 1;\n',
      'static/dashboard/src/Page.tsx': "import { judge } from '../../../src/engine/judge';\nexport const Page = judge;\n",
      'src/engine/judge.ts': 'export const judge = 1;\n',
    });
    expect(status).not.toBe(0);
    expect(found(violations)).toEqual([
      'dashboard-only-shared: static/dashboard/src/Page.tsx → src/engine/judge.ts',
      'engine-below-report-and-forge: src/engine/demo.ts → dev/simulator/server.ts',
      'jira-only-shared: src/jira/jira-client.ts → src/forge/deps.ts',
      'no-circular: src/cli/main.ts → src/cli/services.ts',
      'report-renders-the-report-only: src/report/html.ts → src/email/email-content.ts',
    ]);
  });

  it('passes a tree that keeps to the table, with a test reaching the simulator', () => {
    const { status, violations } = cruise({
      'src/shared/report-model.ts': 'export interface Report { ok: boolean }\n',
      'src/jira/jira-client.ts': "import type { Report } from '../shared/report-model';\nexport const client = (r: Report) => r;\n",
      'src/engine/judge.ts': "import { client } from '../jira/jira-client';\nexport const judge = client;\n",
      'src/engine/judge.test.ts': "import { judge } from './judge';\nimport { start } from '../../dev/simulator/server';\nexport const t = [judge, start];\n",
      'dev/simulator/server.ts': "import { judge } from '../../src/engine/judge';\nexport const start = judge;\n",
      'static/dashboard/src/Page.tsx': "import type { Report } from '../../../src/shared/report-model';\nexport const Page = (r: Report) => r;\n",
    });
    expect(violations).toEqual([]);
    expect(status).toBe(0);
  });
});
