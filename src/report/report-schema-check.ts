/**
 * Is this JSON a report? Validates a parsed file against spec/report.schema.json,
 * the contract every report (the app's JSON export, `mw-readiness check --format
 * json`) follows, before anything reads it: an imported non-production report, and
 * both files of `mw-readiness compare`. The schema uses a small part of JSON Schema
 * (type, required, properties, items, enum, const, $ref into $defs, pattern,
 * minimum, maximum, minLength, format date-time); this reads exactly that part, with
 * no dependency, so the Forge bundle and the CLI can both run it.
 */
import schemaJson from '../../spec/report.schema.json';

interface Schema {
  type?: string | string[];
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  format?: string;
  $defs?: Record<string, Schema>;
}

const ROOT = schemaJson as unknown as Schema;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(v: unknown, type: string): boolean {
  const t = typeOf(v);
  return t === type || (type === 'number' && t === 'integer');
}

function resolve(ref: string): Schema {
  const m = /^#\/\$defs\/(.+)$/.exec(ref);
  const found = m ? ROOT.$defs?.[m[1]] : undefined;
  if (!found) throw new Error(`report.schema.json: unknown reference ${ref}`);
  return found;
}

/** Problems with `value` against `schema`, each "at <path>: <what>"; the first few only. */
function check(value: unknown, schema: Schema, path: string, out: string[]): void {
  if (out.length >= 10) return;
  if (schema.$ref) return check(value, resolve(schema.$ref), path, out);
  const at = path || 'the top level';
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => typeMatches(value, t))) {
      out.push(`at ${at}: expected ${types.join(' or ')}, found ${typeOf(value)}`);
      return;
    }
  }
  if ('const' in schema && value !== schema.const) out.push(`at ${at}: expected ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.includes(value)) out.push(`at ${at}: expected one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) out.push(`at ${at}: must not be empty`);
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) out.push(`at ${at}: "${value.slice(0, 40)}" does not match ${schema.pattern}`);
    if (schema.format === 'date-time' && !DATE_TIME.test(value)) out.push(`at ${at}: not a date-time`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) out.push(`at ${at}: below ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) out.push(`at ${at}: above ${schema.maximum}`);
  }
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in obj)) out.push(`at ${at}: "${key}" is missing`);
    for (const [key, sub] of Object.entries(schema.properties ?? {})) if (key in obj) check(obj[key], sub, `${path}${path ? '.' : ''}${key}`, out);
  }
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => check(item, schema.items!, `${path}[${i}]`, out));
}

export type ReportShapeResult = { ok: true } | { ok: false; problems: string[] };

/** Whether a parsed JSON value is a report as spec/report.schema.json defines it. */
export function checkReportShape(value: unknown): ReportShapeResult {
  const problems: string[] = [];
  check(value, ROOT, '', problems);
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

/** Parses text as a report: null and the reason when it is not JSON or not a report. */
export function parseReportText(text: string): { ok: true; report: unknown } | { ok: false; reason: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not JSON' };
  }
  if (typeOf(parsed) === 'object' && (parsed as { kind?: unknown }).kind === 'mw-readiness-handoff') {
    return { ok: false, reason: 'it is a hand-off bundle, not a report: export the report as JSON instead' };
  }
  const shape = checkReportShape(parsed);
  if (!shape.ok) return { ok: false, reason: `it is not a readiness report (spec/report.schema.json): ${shape.problems.slice(0, 3).join('; ')}` };
  return { ok: true, report: parsed };
}
