/** Compiles spec/report.schema.json (draft 2020-12) for tests that check a real report against the contract. */
import * as fs from 'fs';
import * as path from 'path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export const REPORT_SCHEMA_PATH = path.join(__dirname, '../../../spec/report.schema.json');

export function reportValidator() {
  const schema = JSON.parse(fs.readFileSync(REPORT_SCHEMA_PATH, 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
