/**
 * Validates a response against Atlassian's official OpenAPI schema of that
 * operation (the trimmed copies in spec/). OpenAPI 3.0 is not JSON Schema: its
 * `nullable` becomes a `null` type, and components are registered under an id so
 * `#/components/...` references resolve. Unknown keywords (example, xml, readOnly)
 * are ignored (strict: false).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** spec/ of the project root, found from here whether running from source or from dist/. */
function specDir(): string {
  for (let dir = __dirname, i = 0; i < 6; i++, dir = dirname(dir)) {
    if (existsSync(join(dir, 'spec', 'jira-platform.trimmed.json'))) return join(dir, 'spec');
  }
  throw new Error('Cannot find spec/jira-platform.trimmed.json above ' + __dirname);
}
const SPECS = [
  { id: 'https://simulator.invalid/jira-platform.json', file: 'jira-platform.trimmed.json' },
  { id: 'https://simulator.invalid/jira-servicedesk.json', file: 'jira-servicedesk.trimmed.json' },
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** OpenAPI 3.0 → JSON Schema: nullable, and $refs pointed at the registered document. */
export function toJsonSchema(node: Json, documentId: string): Json {
  if (Array.isArray(node)) return node.map((item) => toJsonSchema(item, documentId));
  if (!node || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) out.$ref = `${documentId}${value}`;
    else if (key === 'nullable') continue;
    else if (key === 'properties' && value && typeof value === 'object' && !Array.isArray(value)) {
      // Property names are data, not keywords: convert each property schema, keep the names.
      out.properties = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, toJsonSchema(schema, documentId)]));
    } else out[key] = toJsonSchema(value, documentId);
  }
  if (node.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (out.type === undefined && out.$ref === undefined) return out;
    if (out.$ref !== undefined || out.allOf !== undefined) return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
}

interface LoadedSpec {
  id: string;
  paths: Record<string, Record<string, Operation>>;
}

let ajv: Ajv | undefined;
let loaded: LoadedSpec[] = [];
const compiled = new Map<string, ValidateFunction | null>();

function load(): void {
  if (ajv) return;
  ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  loaded = SPECS.map(({ id, file }) => {
    const document = JSON.parse(readFileSync(join(specDir(), file), 'utf8')) as { paths: LoadedSpec['paths']; components: Json };
    ajv!.addSchema({ $id: id, components: toJsonSchema(document.components, id) } as object);
    return { id, paths: document.paths };
  });
}

export interface SpecCheck {
  /** False when the spec has no such operation. */
  knownOperation: boolean;
  /** False when the operation documents no such status. */
  documentedStatus: boolean;
  /** True when a JSON schema was found and applied. */
  checked: boolean;
  valid: boolean;
  errors: string[];
}

/** Every operation in the trimmed specs, as "METHOD /template". */
export function specOperations(): string[] {
  load();
  const out: string[] = [];
  for (const spec of loaded) {
    for (const [path, item] of Object.entries(spec.paths)) {
      for (const method of Object.keys(item)) if (['get', 'post', 'put', 'delete'].includes(method)) out.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return out;
}

function findSchema(method: string, pathTemplate: string, status: number): { known: boolean; documented: boolean; validate: ValidateFunction | null } {
  load();
  const key = `${method.toUpperCase()} ${pathTemplate} ${status}`;
  for (const spec of loaded) {
    const operation = spec.paths[pathTemplate]?.[method.toLowerCase()];
    if (!operation) continue;
    const response = operation.responses[String(status)];
    if (!response) return { known: true, documented: false, validate: null };
    if (!compiled.has(key)) {
      const schema = response.content?.['application/json']?.schema;
      const usable = schema && typeof schema === 'object' && !Array.isArray(schema) && Object.keys(schema).length > 0;
      compiled.set(key, usable ? ajv!.compile(toJsonSchema(schema, spec.id) as object) : null);
    }
    return { known: true, documented: true, validate: compiled.get(key)! };
  }
  return { known: false, documented: false, validate: null };
}

/**
 * Checks one response. `body` is the parsed JSON (undefined for an empty body).
 * A status the operation does not document, or one documented without a schema,
 * is reported (`documentedStatus`, `checked`) but is not a schema violation.
 */
export function validateAgainstSpec(method: string, pathTemplate: string, status: number, body: unknown): SpecCheck {
  const { known, documented, validate } = findSchema(method, pathTemplate, status);
  if (!known) return { knownOperation: false, documentedStatus: false, checked: false, valid: false, errors: [`${method.toUpperCase()} ${pathTemplate} is not in the official specification`] };
  if (!validate) return { knownOperation: true, documentedStatus: documented, checked: false, valid: true, errors: [] };
  const valid = validate(body) as boolean;
  const errors = valid ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
  return { knownOperation: true, documentedStatus: true, checked: true, valid, errors };
}
