/**
 * Importing another site's report as this site's non-production side: the text is
 * validated as a whole (JSON, then spec/report.schema.json) before anything is
 * stored, and refused with one clear sentence otherwise; what is kept is only what
 * parity needs, so nothing of the file is partly applied.
 */
import { parityDesksOf, type ParityReportInput } from '../../requirements/parity/parity-desk';
import { parseReportText } from '../../report/report-schema-check';
import type { ParitySource } from '../../shared/parity-model';

/** A report file of a very large site stays well under this; Forge's invoke payload is bounded too. */
export const MAX_IMPORT_CHARS = 5_000_000;

export type ImportResult = { ok: true; source: ParitySource } | { ok: false; message: string };

export function readImport(text: unknown, fileName: unknown, by: string, now: Date): ImportResult {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, message: 'Choose a report file (the JSON export of the app or of mw-readiness check --format json).' };
  if (text.length > MAX_IMPORT_CHARS) return { ok: false, message: `The file is larger than ${MAX_IMPORT_CHARS / 1_000_000} MB; export one desk's report, or compare with the CLI (mw-readiness compare).` };
  const parsed = parseReportText(text);
  if (!parsed.ok) return { ok: false, message: `The file was not imported: ${parsed.reason}.` };
  const report = parsed.report as ParityReportInput;
  const desks = parityDesksOf(report);
  if (desks.length === 0) return { ok: false, message: 'The file was not imported: the report has no service desk.' };
  const name = typeof fileName === 'string' ? fileName.trim().slice(0, 200) : '';
  return {
    ok: true,
    source: { baseUrl: report.site.baseUrl, generatedAt: report.generatedAt, importedAt: now.toISOString(), importedBy: by, ...(name ? { fileName: name } : {}), desks },
  };
}
