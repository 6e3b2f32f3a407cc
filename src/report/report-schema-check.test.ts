import { checkReportShape, parseReportText } from './report-schema-check';
import { reportValidator } from './testing/report-validator';
import { sampleReport } from './testing/sample-report';
import schema from '../../spec/report.schema.json';

/** Inputs the dependency-free reading must judge exactly as a full JSON Schema validator does. */
function variants(): [string, unknown][] {
  const r = () => JSON.parse(JSON.stringify(sampleReport())) as Record<string, any>;
  const cases: [string, unknown][] = [['the sample report', r()]];
  const edit = (name: string, f: (x: Record<string, any>) => void) => {
    const x = r();
    f(x);
    cases.push([name, x]);
  };
  edit('schemaVersion 2', (x) => (x.schemaVersion = 2));
  edit('no projects', (x) => delete x.projects);
  edit('a check id in lower case', (x) => (x.checks[0].id = 'sa-exists'));
  edit('an unknown status', (x) => (x.projects[0].checks[0].status = 'great'));
  edit('an empty summary', (x) => (x.checks[0].summary = ''));
  edit('a score above 100', (x) => (x.score.percent = 101));
  edit('generatedAt not a date-time', (x) => (x.generatedAt = 'yesterday'));
  edit('ready as a string', (x) => (x.ready = 'yes'));
  edit('a remediation step without text', (x) => (x.checks[0].remediation = [{ url: 'https://x' }]));
  edit('extra properties are allowed', (x) => (x.extra = { anything: true }));
  cases.push(['an array', []], ['null', null], ['a hand-off bundle', { kind: 'mw-readiness-handoff', version: 1 }]);
  return cases;
}

describe('checkReportShape', () => {
  const ajv = reportValidator();
  it.each(variants())('judges %s as spec/report.schema.json does', (_name, value) => {
    expect(checkReportShape(value).ok).toBe(ajv(value) === true);
  });

  it('says where the file is not a report', () => {
    const x = JSON.parse(JSON.stringify(sampleReport()));
    x.projects[0].checks[0].status = 'great';
    const result = checkReportShape(x);
    expect(result).toEqual({ ok: false, problems: [expect.stringMatching(/^at projects\[0\]\.checks\[0\]\.status: expected one of "pass"/)] });
  });
});

describe('the schema', () => {
  it('uses only the keywords the reader knows, so a new constraint cannot be skipped silently', () => {
    const known = new Set(['$schema', '$id', 'title', 'description', 'type', 'required', 'properties', 'items', 'enum', 'const', '$ref', 'pattern', 'minimum', 'maximum', 'minLength', 'format', '$defs']);
    const unknown: string[] = [];
    const walk = (node: unknown, inProperties: boolean) => {
      if (!node || typeof node !== 'object' || Array.isArray(node)) return;
      for (const [k, v] of Object.entries(node)) {
        if (!inProperties && !known.has(k)) unknown.push(k);
        walk(v, !inProperties && (k === 'properties' || k === '$defs'));
      }
    };
    walk(schema, false);
    expect(unknown).toEqual([]);
  });
});

describe('parseReportText', () => {
  it('refuses text that is not JSON, a hand-off bundle, and JSON that is not a report, each with the reason', () => {
    expect(parseReportText('<html>')).toEqual({ ok: false, reason: 'it is not JSON' });
    expect(parseReportText('{"kind":"mw-readiness-handoff","version":1}')).toEqual({ ok: false, reason: expect.stringContaining('hand-off bundle, not a report') });
    expect(parseReportText('{"schemaVersion":1}')).toEqual({ ok: false, reason: expect.stringContaining('"generatedAt" is missing') });
  });

  it('accepts a report', () => {
    expect(parseReportText(JSON.stringify(sampleReport()))).toMatchObject({ ok: true });
  });
});
