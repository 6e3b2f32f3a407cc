/**
 * The HTML export reads as a report: evidence summarised (never raw JSON), dates
 * written one way, each check collapsible and open when it asks for action, and a
 * print stylesheet that opens every check.
 */
import { renderReportHtml } from './html';
import { evidenceSummaryHtml, fieldName } from './evidence-html';
import { sampleReport } from './testing/sample-report';

const exported = renderReportHtml(sampleReport(), { mode: 'export' });

describe('the HTML export', () => {
  it('has no raw JSON evidence: no braces, no quoted keys', () => {
    expect(exported).not.toMatch(/<pre/);
    expect(exported).not.toMatch(/&quot;[A-Za-z]+&quot;:/);
    expect(exported).not.toMatch(/\{\s*&quot;/);
  });

  it('summarises a list of records as a table with readable column names', () => {
    const html = evidenceSummaryHtml({ missingUsers: [{ accountId: 'u1', displayName: 'Ana' }, { accountId: 'u2', displayName: 'Bo' }] });
    expect(html).toContain('Missing users:');
    expect(html).toMatch(/<th[^>]*>Account id<\/th><th[^>]*>Display name<\/th>/);
    expect(html).toContain('<bdi>Ana</bdi>');
  });

  it('cuts a long list and says how many more there are', () => {
    const html = evidenceSummaryHtml({ ids: Array.from({ length: 30 }, (_, i) => `id-${i}`) });
    expect(html).toContain('id-11');
    expect(html).not.toContain('id-12');
    expect(html).toContain('…and 18 more');
  });

  it('writes dates with the one formatter, in UTC, in the summary, the decisions and the evidence', () => {
    expect(exported).toContain('28 Nov 2026, 09:00 UTC');
    expect(exported).toContain('Attested by <bdi>Ada</bdi> on <bdi>27 Nov 2026, 10:00 UTC</bdi>');
    expect(exported).not.toContain('2026-11-28T09:00:00.000Z');
    expect(evidenceSummaryHtml({ lastLogin: '2026-03-04T14:05:09Z' })).toContain('4 Mar 2026, 14:05 UTC');
  });

  it('puts each check in a <details>, open when it asks for action, closed when it passes', () => {
    const details = [...exported.matchAll(/<details( open)? data-check="([A-Z-]+)"/g)].map((m) => [m[2], m[1] === ' open']);
    expect(details).toEqual(
      expect.arrayContaining([
        ['SA-TIMEZONE', true],
        ['SA-API-TOKEN', true],
        ['SA-EXISTS', false],
        ['WF-EXPORT', false],
      ]),
    );
    expect(exported).toMatch(/<details[^>]*><summary[^>]*>.*<strong><bdi>Service account time zone<\/bdi><\/strong>/);
  });

  it('prints every check opened', () => {
    expect(exported).toContain('@media print{');
    expect(exported).toContain('details::details-content{content-visibility:visible !important;display:block !important;}');
  });

  it('names fields in words', () => {
    expect(fieldName('missingUsers')).toBe('Missing users');
    expect(fieldName('issue_types')).toBe('Issue types');
    expect(fieldName('accountId')).toBe('Account id');
  });
});
