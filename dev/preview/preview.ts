/**
 * Puts the local preview together: the real resolvers (`buildResolvers`) and queue
 * consumer (`processProjectJob`) over preview ports (file store, in-process queue),
 * talking to the built-in simulated Jira site, or to a real site when credentials
 * are given, and the HTTP server that serves the real Custom UI bundle.
 */
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import type { AppDeps, KeyValueStore } from '../../src/forge/deps';
import type { Logger } from '../../src/shared/logger';
import type { JiraTransport } from '../../src/jira/transport';
import { createHttpTransport } from '../../src/jira/http-transport';
import { buildResolvers } from '../../src/forge/resolvers';
import { processFixJob } from '../../src/forge/consumer/process-fix-job';
import { processProjectJob } from '../../src/forge/consumer/process-project-job';
import { pushHandedOnJobs } from '../../src/forge/run/push-jobs';
import { startSimulator, type RunningSimulator } from '../simulator/server';
import { buildDemoSite, DEMO_CREDENTIALS, DEMO_END_USER_GROUP, DEMO_SERVICE_ACCOUNT_EMAIL, GROUP_IDS, ITSD_TEST } from '../simulator/sites/demo';
import { createFileStore } from './file-store';
import { createInProcessQueue, type InProcessQueue } from './in-process-queue';
import { startPreviewServer, type ResolverFn } from './preview-server';
import { PERSONA_LABELS, type Persona, type PersonaId } from './personas';
import { consoleLogger } from './console-logger';
import { DEMO_VARIANTS, type DemoVariant } from './demo-variants';

export interface RealSite {
  baseUrl: string;
  email: string;
  apiToken: string;
}

export interface PreviewOptions {
  port?: number;
  host?: string;
  /** Where the file store keeps its values; default .preview-data/ in the working directory. */
  dataDir?: string;
  /** Start from an empty store (tests). */
  fresh?: boolean;
  buildDir?: string;
  /** A real Jira site instead of the simulator. */
  realSite?: RealSite;
  log?: Logger;
  /** Demo only: save demo settings and run the first check when the store is empty (default true). */
  seedDemo?: boolean;
  /** Demo only: start the simulated site from one of demo-variants.ts (e.g. the service account without product access). */
  demoVariant?: DemoVariant;
}

export interface RunningPreview {
  url: string;
  port: number;
  queue: InProcessQueue;
  store: KeyValueStore;
  simulator?: RunningSimulator;
  siteLabel: string;
  close(): Promise<void>;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..', ...(path.basename(path.resolve(__dirname, '..', '..')) === 'dist' ? ['..'] : []));

export function defaultBuildDir(): string {
  return path.join(REPO_ROOT, 'static', 'dashboard', 'build');
}

interface JiraSide {
  asApp: JiraTransport;
  personas: Persona[];
  desks: { key: string; name: string }[];
  siteLabel: string;
  simulator?: RunningSimulator;
}

async function simulatedJira(variant: DemoVariant | undefined): Promise<JiraSide> {
  const site = buildDemoSite();
  if (variant) DEMO_VARIANTS[variant](site);
  const simulator = await startSimulator({ site });
  const transportFor = (c: { email: string; token: string }) => createHttpTransport({ baseUrl: simulator.url, email: c.email, apiToken: c.token });
  const persona = (id: PersonaId, c: { email: string; token: string; accountId: string }): Persona => ({
    id,
    label: PERSONA_LABELS[id],
    accountId: c.accountId,
    displayName: simulator.model.user(c.accountId)?.displayName ?? c.email,
    transport: transportFor(c),
  });
  const desks = ['ITSD', 'HR', 'FAC', ITSD_TEST.key]
    .map((key) => simulator.model.project(key))
    .filter((p): p is NonNullable<typeof p> => Boolean(p))
    .map((p) => ({ key: p.key, name: p.name }));
  return {
    // The app's own reads: the demo's admin stands in for the Forge app identity.
    asApp: transportFor(DEMO_CREDENTIALS.admin),
    personas: [persona('site-admin', DEMO_CREDENTIALS.admin), persona('project-admin', DEMO_CREDENTIALS.projectAdmin), persona('agent', DEMO_CREDENTIALS.agent)],
    desks,
    siteLabel: `simulated demo site${variant ? `, ${variant}` : ''} (${simulator.url})`,
    simulator,
  };
}

async function realJira(site: RealSite): Promise<JiraSide> {
  const transport = createHttpTransport({ baseUrl: site.baseUrl, email: site.email, apiToken: site.apiToken });
  const me = await transport.request({ method: 'GET', path: '/rest/api/3/myself' });
  if (me.status !== 200) throw new Error(`${transport.baseUrl} refused the credentials (HTTP ${me.status}).`);
  const self = JSON.parse(await me.text()) as { accountId: string; displayName?: string };
  // Only one identity is known for a real site: every call runs as it.
  return {
    asApp: transport,
    personas: [{ id: 'site-admin', label: 'You', accountId: self.accountId, displayName: self.displayName ?? site.email, transport }],
    desks: [],
    siteLabel: transport.baseUrl,
  };
}

export async function startPreview(options: PreviewOptions = {}): Promise<RunningPreview> {
  const log = options.log ?? consoleLogger();
  const dataDir = path.resolve(options.dataDir ?? '.preview-data');
  if (options.fresh) await fs.rm(dataDir, { recursive: true, force: true });
  const store = createFileStore(dataDir);
  const jira = options.realSite ? await realJira(options.realSite) : await simulatedJira(options.demoVariant);
  const byAccount = new Map(jira.personas.map((p) => [p.accountId, p]));

  // The queue needs deps and deps need the queue: fill the reference after both exist.
  let deps: AppDeps;
  // Forge has no queue-wide cap: the jobs' shared concurrency key is what paces them, here as there.
  const queue = createInProcessQueue((job) => processProjectJob(deps, job), {
    log,
    concurrency: 16,
    onHandOn: (jobs) => pushHandedOnJobs(deps, jobs),
    onFixJob: (job) => processFixJob(deps, job),
  });
  deps = {
    storage: store,
    queue,
    jiraAsApp: () => jira.asApp,
    jiraAsUser: (accountId) => {
      const persona = byAccount.get(accountId);
      // An unknown caller must not borrow another identity's rights.
      if (!persona) throw new Error('The preview has no Jira identity for this caller.');
      return persona.transport;
    },
    now: () => new Date(),
    log,
  };
  const resolvers = buildResolvers(deps) as unknown as Record<string, ResolverFn>;

  if (!options.realSite && options.seedDemo !== false) await seedDemo(resolvers, jira.personas[0], log, demoRecipients(jira.simulator!));

  const server = await startPreviewServer({
    buildDir: options.buildDir ?? defaultBuildDir(),
    resolvers,
    personas: Object.fromEntries(jira.personas.map((p) => [p.id, p])) as Partial<Record<PersonaId, Persona>>,
    toolbar: { personas: jira.personas, desks: jira.desks, siteLabel: jira.siteLabel },
    // The app's report e-mails reach the simulator's notify endpoint, which records them for the Outbox.
    ...(jira.simulator ? { outbox: () => jira.simulator!.notifications } : {}),
    port: options.port ?? 3000,
    host: options.host,
    log,
  });

  return {
    url: server.url,
    port: server.port,
    queue,
    store,
    simulator: jira.simulator,
    siteLabel: jira.siteLabel,
    async close() {
      await server.close();
      await queue.idle();
      await jira.simulator?.close();
    },
  };
}

/**
 * Who the demo's report e-mail goes to: the IT agent and the HR agents group, about
 * an issue the app creates in ITSD. Not the admin: the app sends as the admin in the
 * preview, and Jira refuses to mail the caller.
 */
function demoRecipients(simulator: RunningSimulator): Record<string, unknown> {
  const hrAgents = simulator.model.group(GROUP_IDS.hrAgents)?.name;
  return { recipients: { users: [DEMO_CREDENTIALS.agent.accountId], groups: hrAgents ? [hrAgents] : [] }, reportProjectKey: 'ITSD' };
}

/** On an empty store, name the demo's service account, end-user group and report recipients, and start the first check, through the resolvers as the site admin. */
async function seedDemo(resolvers: Record<string, ResolverFn>, admin: Persona, log: Logger, report: Record<string, unknown>): Promise<void> {
  const ctx = { accountId: admin.accountId, surface: 'admin' as const };
  const current = await resolvers.getSettings({}, ctx);
  if (!current.success) throw new Error(`The preview could not read settings: ${current.errors.map((e) => e.message).join(' ')}`);
  const versioned = current.data as { settings: Record<string, unknown>; version: number };
  if (versioned.version > 0) return;
  const saved = await resolvers.saveSettings(
    {
      settings: {
        ...versioned.settings,
        serviceAccount: DEMO_SERVICE_ACCOUNT_EMAIL,
        endUserGroups: [DEMO_END_USER_GROUP],
        // IT's test desk is where the bot was tuned: the Parity page compares ITSD with it.
        parityPairs: [{ production: ITSD_TEST.production, nonProduction: ITSD_TEST.key }],
        ...report,
      },
      version: versioned.version,
    },
    ctx,
  );
  if (!saved.success) throw new Error(`The preview could not save demo settings: ${saved.errors.map((e) => e.message).join(' ')}`);
  const run = await resolvers.startRecheck({}, ctx);
  if (!run.success) log.warn('The first demo check did not start', { errors: run.errors.map((e) => e.message) });
}
