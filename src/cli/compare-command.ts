/**
 * `mw-readiness compare PROD.json NONPROD.json [--map PROD_KEY=TEST_KEY ...]
 * [--format text|json|html]`: compares the desks of a production report with the
 * non-production desks Moveworks was tuned on (a test desk of the same site, or a
 * sandbox site's report). Both files must be readiness reports (spec/report.schema.json:
 * the app's JSON export, or `check --format json`). Without --map, desks with the same
 * key in both files are paired. Exit 0 when every pair matches, 1 when one differs or
 * could not be fully compared, 2 on bad input (usage, unreadable file, not a report,
 * a key not in its file).
 */
import * as path from 'path';
import { parseArgs } from 'util';
import { compareDesks } from '../requirements/parity/compare';
import { parityDeskOf, type ParityReportInput } from '../requirements/parity/parity-desk';
import { parityDocument, renderParityHtml, renderParityJson, renderParityText } from '../report/parity';
import { parseReportText } from '../report/report-schema-check';
import type { ParityComparison } from '../shared/parity-model';
import type { Writable } from './redact';
import { UsageError } from './usage-error';

export const EXIT_MATCH = 0;
export const EXIT_DIFFER = 1;
export const EXIT_BAD_INPUT = 2;

export interface CompareIo {
  stdout: Writable;
  stderr: Writable;
  /** Relative file names resolve against this. */
  cwd: string;
  readFile(file: string): Promise<string>;
}

type Format = 'text' | 'json' | 'html';
const FORMATS: readonly Format[] = ['text', 'json', 'html'];
const KEY = /^[A-Z][A-Z0-9_]{0,254}$/;

interface CompareArgs {
  production: string;
  nonProduction: string;
  map: [string, string][];
  format: Format;
}

export function parseCompareArgs(argv: string[]): CompareArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { map: { type: 'string', multiple: true }, format: { type: 'string' } }, strict: true, allowPositionals: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? 'Unknown option for compare; its options are --map and --format (run "mw-readiness help compare").'
        : 'The arguments of compare could not be read; run "mw-readiness help compare".',
    );
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 2) throw new UsageError('compare needs two report files: PROD.json NONPROD.json (run "mw-readiness help compare").');
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format for compare is one of ${FORMATS.join(', ')}.`);
  const map: [string, string][] = [];
  for (const entry of values.map ?? []) {
    const m = /^([^=\s]+)=([^=\s]+)$/.exec(entry.trim());
    if (!m || !KEY.test(m[1]) || !KEY.test(m[2])) throw new UsageError(`--map takes PROD_KEY=TEST_KEY with two Jira project keys; "${entry.slice(0, 40)}" is not one.`);
    if (map.some(([p]) => p === m[1])) throw new UsageError(`--map names ${m[1]} twice.`);
    map.push([m[1], m[2]]);
  }
  return { production: positionals[0], nonProduction: positionals[1], map, format };
}

async function readReport(io: CompareIo, file: string, label: string): Promise<ParityReportInput> {
  let text: string;
  try {
    text = await io.readFile(path.resolve(io.cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`The ${label} file ${file} could not be read (${code === 'ENOENT' ? 'no such file' : code ?? 'unreadable'}).`);
  }
  const result = parseReportText(text);
  if (!result.ok) throw new UsageError(`The ${label} file ${file} was refused: ${result.reason}.`);
  return result.report as ParityReportInput;
}

function pairsOf(args: CompareArgs, production: ParityReportInput, nonProduction: ParityReportInput): [string, string][] {
  if (args.map.length > 0) return args.map;
  const testKeys = new Set(nonProduction.projects.map((p) => p.key));
  const same = production.projects.filter((p) => testKeys.has(p.key)).map((p): [string, string] => [p.key, p.key]);
  if (same.length === 0) throw new UsageError('No desk has the same key in both files; name the pairs with --map PROD_KEY=TEST_KEY.');
  return same;
}

export function compareReports(args: CompareArgs, production: ParityReportInput, nonProduction: ParityReportInput): ParityComparison[] {
  return pairsOf(args, production, nonProduction).map(([prodKey, testKey]) => {
    const prod = parityDeskOf(production, prodKey);
    const test = parityDeskOf(nonProduction, testKey);
    if (!prod) throw new UsageError(`The production file has no desk ${prodKey}.`);
    if (!test) throw new UsageError(`The non-production file has no desk ${testKey}.`);
    return compareDesks(prod, test);
  });
}

export async function runCompareCommand(argv: string[], io: CompareIo): Promise<number> {
  try {
    const args = parseCompareArgs(argv);
    const production = await readReport(io, args.production, 'production');
    const nonProduction = await readReport(io, args.nonProduction, 'non-production');
    const doc = parityDocument(compareReports(args, production, nonProduction));
    io.stdout.write(args.format === 'json' ? renderParityJson(doc) : args.format === 'html' ? renderParityHtml(doc) : renderParityText(doc));
    const differing = doc.comparisons.filter((c) => !c.matches).length;
    io.stderr.write(`mw-readiness: ${doc.matches ? 'the desks match' : `${differing} of ${doc.comparisons.length} pair${doc.comparisons.length === 1 ? '' : 's'} differ`}.\n`);
    return doc.matches ? EXIT_MATCH : EXIT_DIFFER;
  } catch (error) {
    if (error instanceof UsageError) {
      for (const problem of error.problems) io.stderr.write(`mw-readiness: ${problem}\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr.write(`mw-readiness: compare stopped unexpectedly: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    return EXIT_BAD_INPUT;
  }
}
