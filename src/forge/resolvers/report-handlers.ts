/** Connector values, exports and history: all answered from storage. */
import type { Report } from '../../shared/report-model';
import { deskReport } from '../../shared/readiness-summary';
import { AUTHENTICATION_TYPE, ACCOUNT_ID_SETTING, CONNECTION_NAME, PASSWORD_HINT } from '../../requirements/moveworks/mw-connector';
import { renderReportCsv } from '../../report/csv';
import { buildHandoffBundle, renderHandoffJson } from '../../report/handoff';
import { renderReportHtml } from '../../report/html';
import { renderReportJson } from '../../report/json';
import type { ExportFile } from '../../shared/resolver-api';
import { ResolverFailure } from '../errors';
import { changesMade } from '../fix-runs/view';
import { lastDiff, listHistory } from '../storage/history-repo';
import { listDeliveries } from '../storage/delivery-repo';
import { sendReport } from '../consumer/send-report';
import { loadDecoratedReport } from '../storage/load-report';
import { loadSite } from '../storage/report-repo';
import { getSettings } from '../storage/settings-repo';
import { scopeProject, type Handler } from './handler';
import { asObject, optionalProjectKey } from './payload';

/** The values to type into Moveworks Setup; the token itself is never known to the app. */
export const getConnectorValues: Handler<'getConnectorValues'> = async (deps) => connectorValues(deps);

async function connectorValues(deps: Parameters<Handler<'getConnectorValues'>>[0]) {
  const [site, { settings }] = await Promise.all([loadSite(deps.storage), getSettings(deps.storage)]);
  const configured = settings.serviceAccount?.trim();
  const username = site?.serviceAccount?.emailAddress || (configured && configured.includes('@') ? configured : null);
  return {
    connectionName: CONNECTION_NAME,
    baseUrl: (site?.baseUrl ?? deps.jiraAsApp().baseUrl).replace(/\/+$/, ''),
    authenticationType: AUTHENTICATION_TYPE,
    username,
    passwordHint: PASSWORD_HINT,
    accountIdSetting: ACCOUNT_ID_SETTING,
  };
}

/** A desk's export leads with the desk's own gate and score, as its page shows them (engine/readiness-summary.ts). */
function narrow(report: Report, projectKey: string): Report {
  const desk = deskReport(report, projectKey);
  if (!desk) throw ResolverFailure.of('NOT_FOUND', `There is no result for ${projectKey} yet; run a check first.`);
  return desk;
}

const FORMATS = ['json', 'csv', 'html', 'handoff'] as const;

export const exportReport: Handler<'exportReport'> = async (deps, caller, payload) => {
  const p = asObject(payload);
  const format = p.format;
  if (typeof format !== 'string' || !(FORMATS as readonly string[]).includes(format)) {
    throw ResolverFailure.of('VALIDATION', `The format must be one of ${FORMATS.join(', ')}.`, 'format');
  }
  const projectKey = scopeProject(caller, optionalProjectKey(p.projectKey));
  const full = await loadDecoratedReport(deps.storage, deps.now());
  if (!full) throw ResolverFailure.of('NOT_FOUND', 'There is no report yet; run a check first.');
  const report = projectKey ? narrow(full, projectKey) : full;
  const stamp = report.generatedAt.slice(0, 10);
  const base = `moveworks-readiness-${projectKey ? `${projectKey}-` : ''}${stamp}`;
  const files: Record<(typeof FORMATS)[number], () => ExportFile | Promise<ExportFile>> = {
    json: () => ({ filename: `${base}.json`, mimeType: 'application/json', content: renderReportJson(report) }),
    csv: () => ({ filename: `${base}.csv`, mimeType: 'text/csv', content: renderReportCsv(report) }),
    html: () => ({ filename: `${base}.html`, mimeType: 'text/html', content: renderReportHtml(report, { mode: 'export' }) }),
    handoff: async () => ({
      filename: `${base}-handoff.json`,
      mimeType: 'application/json',
      // One file the Moveworks team can use as is: workflows, the bot's transition ids, the connector's values (never a token).
      content: renderHandoffJson(buildHandoffBundle(report, { ...(projectKey ? { projectKey } : {}), connector: await connectorValues(deps) })),
    }),
  };
  return files[format as (typeof FORMATS)[number]]();
};

export const getHistory: Handler<'getHistory'> = async (deps, caller, payload) => {
  const projectKey = scopeProject(caller, optionalProjectKey(asObject(payload).projectKey));
  const [entries, diff, deliveries] = await Promise.all([
    listHistory(deps.storage, projectKey),
    lastDiff(deps.storage, projectKey),
    // Deliveries concern the site-wide e-mail; a project page does not see them.
    projectKey ? Promise.resolve([]) : listDeliveries(deps.storage),
  ]);
  return { entries, deliveries, lastDiff: diff, changes: await changesMade(deps.storage, projectKey) };
};

/** Sends the current report now, subject marked as a test, to the configured recipients. */
export const sendTestReport: Handler<'sendTestReport'> = async (deps) => {
  const report = await loadDecoratedReport(deps.storage, deps.now());
  if (!report) throw ResolverFailure.of('NOT_FOUND', 'There is no report to send yet; run a check first.');
  return sendReport(deps, `test-${deps.now().toISOString()}`, report, { isTest: true });
};
