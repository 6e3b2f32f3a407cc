import { CSV_COLUMNS, csvCell, renderReportCsv } from './csv';
import { parseCsv } from './testing/parse-csv';
import { sampleReport } from './testing/sample-report';

describe('csvCell', () => {
  it('quotes fields with commas, quotes or line breaks and doubles quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(undefined)).toBe('');
  });
  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe('"\'\rx"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('a=1')).toBe('a=1');
  });
});

describe('renderReportCsv', () => {
  const csv = renderReportCsv(sampleReport());
  const rows = parseCsv(csv);

  it('has a header and one row per site check and per project check, CRLF-terminated', () => {
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + 4 + 5 + 2);
    expect(csv.endsWith('\r\n')).toBe(true);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
  });

  it('names the scope, project and check of each row', () => {
    const byId = (scope: string, key: string, id: string) => rows.find((r) => r[0] === scope && r[1] === key && r[3] === id);
    expect(byId('site', '', 'SA-TIMEZONE')?.[6]).toBe('fail');
    expect(byId('project', 'IT', 'CUST-COVERAGE')?.[6]).toBe('fail');
    expect(byId('project', 'HR', 'WF-REOPEN-UNASSIGNS')?.[6]).toBe('not_applicable');
    expect(byId('site', '', 'MW-CONNECTOR')?.[9]).toBe('Ada');
  });

  it('round-trips commas and quotes and neutralises formulas in summaries', () => {
    const resolved = rows.find((r) => r[3] === 'WF-ANY-TO-RESOLVED');
    expect(resolved?.[7]).toBe('Could not read workflow "IT, Support": Jira answered 403.');
    const inProgress = rows.find((r) => r[3] === 'WF-ANY-TO-IN-PROGRESS');
    expect(inProgress?.[7]).toBe('\'=HYPERLINK("http://evil")');
    const tz = rows.find((r) => r[3] === 'SA-TIMEZONE');
    expect(tz?.[8]).toContain('Set the time zone to America/Danmarkshavn in account preferences. (https://id.atlassian.com/manage-profile/account-preferences)\n');
  });
});
