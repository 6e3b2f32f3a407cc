import { renderReportJson, withStableKeys } from './json';
import { sampleReport } from './testing/sample-report';
import { reportValidator } from './testing/report-validator';
import { judge } from '../engine/judge';
import * as builders from '../requirements/testing/snapshot-builder';

describe('renderReportJson', () => {
  it('prints a document that validates against report.schema.json', () => {
    const validate = reportValidator();
    const doc = JSON.parse(renderReportJson(sampleReport()));
    const valid = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema rejects a broken report, so the validation above can fail', () => {
    const validate = reportValidator();
    const doc = JSON.parse(renderReportJson(sampleReport()));
    doc.checks[0].status = 'ok';
    delete doc.projects[0].score;
    expect(validate(doc)).toBe(false);
  });

  it('orders keys the same way whatever order the object was built in', () => {
    const report = sampleReport();
    const shuffled = JSON.parse(JSON.stringify(report), (_k, v) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    );
    expect(renderReportJson(shuffled)).toBe(renderReportJson(report));
    expect(Object.keys(JSON.parse(renderReportJson(shuffled)))).toEqual([
      'schemaVersion', 'generatedAt', 'site', 'serviceAccount', 'ready', 'score', 'checks', 'projects',
    ]);
    expect(Object.keys(JSON.parse(renderReportJson(shuffled)).checks[0]).slice(0, 3)).toEqual(['id', 'status', 'severity']);
  });

  it('drops undefined values and keeps array order', () => {
    expect(withStableKeys({ b: [3, 1, 2], a: undefined, z: { y: 1, x: 2 } })).toEqual({ b: [3, 1, 2], z: { x: 2, y: 1 } });
    expect(JSON.stringify(withStableKeys({ z: 1, id: 2, a: 3 }))).toBe('{"id":2,"a":3,"z":1}');
  });
});

describe('a report made by the engine', () => {
  it('validates against report.schema.json once rendered', () => {
    const report = judge(builders.site(), builders.settings({ endUserGroups: ['staff'] }), { now: new Date('2026-11-28T09:00:00Z') });
    expect(report.projects.length).toBeGreaterThan(0);
    expect(report.checks.length).toBeGreaterThan(0);
    const validate = reportValidator();
    const valid = validate(JSON.parse(renderReportJson(report)));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });
});
