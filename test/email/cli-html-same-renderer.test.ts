/**
 * `mw-readiness check --format html` and the e-mail come from one renderer: the
 * CLI's export carries the same "what still blocks Moveworks" section, byte for
 * byte, as the e-mail composed from the same (demo) site's report.
 */
import type { Report } from '../../src/shared/report-model';
import { composeReportEmail } from '../../src/email/compose';
import { runCli } from '../cli/cli-harness';

jest.setTimeout(90_000);

/** From the "what still blocks" heading to the next section (the export's checks, or the e-mail's link to the app). */
function blockingSection(html: string, end: string): string {
  const start = html.search(/What still blocks Moveworks(?: \(\d+\))?<\/h2>/);
  const stop = html.indexOf(end, start);
  expect(start).toBeGreaterThan(-1);
  expect(stop).toBeGreaterThan(start);
  return html.slice(start, stop);
}

test('the CLI export and the e-mail share the blocking section, first steps included', async () => {
  const [json, html] = await Promise.all([runCli(['check', '--demo', '--format', 'json']), runCli(['check', '--demo', '--format', 'html'])]);
  expect([json.code, html.code]).toEqual([1, 1]);
  const report = JSON.parse(json.stdout) as Report;
  const email = composeReportEmail(report, null);

  const fromCli = blockingSection(html.stdout, '>Site checks</h2>');
  const fromEmail = blockingSection(email.htmlBody, 'Open Moveworks Readiness');
  // The export's section ends at the next heading's opening tag, the e-mail's at the app link: compare up to the last table.
  // Each --demo run starts its own simulated site, on its own port.
  const trim = (s: string) => s.slice(0, s.lastIndexOf('</table>') + '</table>'.length).replace(/http:\/\/127\.0\.0\.1:\d+/g, 'SITE');
  expect(trim(fromCli)).toBe(trim(fromEmail));
  expect(fromCli).toContain('<strong>First step:</strong>');
  expect(fromCli).toContain(`<bdi>HR — ${report.projects.find((p) => p.key === 'HR')!.name}</bdi>`);
});
