/**
 * `npm start`: the local preview. Prints the URL; PORT (default 3000) is honoured and
 * a free port is taken when it is busy. With JIRA_SITE, JIRA_EMAIL and JIRA_API_TOKEN
 * set it talks to that site instead of the simulated demo site; DEMO_VARIANT starts the
 * demo site from one of demo-variants.ts.
 */
import { demoVariantFrom } from './demo-variants';
import { startPreview, type RealSite } from './preview';

function realSiteFromEnv(env: NodeJS.ProcessEnv): RealSite | undefined | string {
  const { JIRA_SITE, JIRA_EMAIL, JIRA_API_TOKEN } = env;
  if (!JIRA_SITE && !JIRA_EMAIL && !JIRA_API_TOKEN) return undefined;
  if (!JIRA_SITE || !JIRA_EMAIL || !JIRA_API_TOKEN) return 'Set all of JIRA_SITE, JIRA_EMAIL and JIRA_API_TOKEN to use a real site, or none for the demo site.';
  return { baseUrl: JIRA_SITE, email: JIRA_EMAIL, apiToken: JIRA_API_TOKEN };
}

async function main() {
  const realSite = realSiteFromEnv(process.env);
  if (typeof realSite === 'string') {
    process.stderr.write(`${realSite}\n`);
    process.exit(2);
  }
  const port = process.env.PORT ? Number(process.env.PORT) : 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`PORT must be a port number, not "${process.env.PORT}".\n`);
    process.exit(2);
  }
  // DEMO_VARIANT starts the demo site elsewhere than usual (demo-variants.ts), e.g. no-product-access.
  const demoVariant = demoVariantFrom(process.env.DEMO_VARIANT);
  const preview = await startPreview({ port, realSite, ...(demoVariant ? { demoVariant } : {}) });
  process.stdout.write(`Moveworks readiness preview: ${preview.url}\nJira: ${preview.siteLabel}\nPress Ctrl+C to stop.\n`);
  const stop = () => {
    void preview.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  // One sentence, no stack: the usual causes are a missing build or refused credentials.
  process.stderr.write(`The preview could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
