/**
 * Forge's entry points as Forge calls them: the resolver handler reads the caller
 * from Forge's principal and the surface/project from the extension context; the
 * queue consumer runs one job from an event body and ignores malformed ones.
 */
import { forgeDeps } from '../../src/forge/runtime/forge-deps';
import { processProjectJob } from '../../src/forge/consumer/process-project-job';
import { seededSite } from './helpers/seeded-site';
import type { TestDeps } from './helpers/test-deps';

jest.mock('../../src/forge/runtime/forge-deps', () => ({ forgeDeps: jest.fn() }));
jest.mock('../../src/forge/consumer/process-project-job', () => ({ processProjectJob: jest.fn(async () => ({ state: 'done' })) }));

// Loaded after the mocks so the entry points see them.
const { handler, consumer } = jest.requireActual('../../src/index') as typeof import('../../src/index');

let deps: TestDeps;
beforeEach(async () => {
  ({ deps } = await seededSite());
  (forgeDeps as jest.Mock).mockResolvedValue(deps);
  (processProjectJob as jest.Mock).mockClear();
});

it('serves a Jira administrator on the admin page, reading the account from the principal', async () => {
  const result = await handler(
    { call: { functionKey: 'getContext', payload: {} }, context: { extension: { type: 'jira:adminPage' }, siteUrl: 'https://acme.atlassian.net' } },
    { principal: { accountId: 'site-admin' } },
  );
  expect(result).toEqual({ success: true, data: { accountId: 'site-admin', surface: 'admin', isSiteAdmin: true, siteBaseUrl: 'https://acme.atlassian.net' } });
  expect(forgeDeps).toHaveBeenCalledWith({ siteUrl: 'https://acme.atlassian.net', invokingAccountId: 'site-admin' });
});

it('takes the project from the project settings page context, not the payload', async () => {
  const result = (await handler(
    { call: { functionKey: 'getProjectView', payload: { projectKey: 'HR' } }, context: { extension: { type: 'jira:projectSettingsPage', project: { key: 'IT' } } } },
    { principal: { accountId: 'it-admin' } },
  )) as { success: boolean; errors?: { errorType: string }[] };
  expect(result.success).toBe(false);
  expect(result.errors![0].errorType).toBe('UNAUTHORISED');
});

it('denies a call that carries no principal', async () => {
  const result = (await handler({ call: { functionKey: 'getOverview', payload: {} }, context: { accountId: 'site-admin', extension: { type: 'jira:adminPage' } } }, {})) as {
    success: boolean;
  };
  expect(result.success).toBe(false);
});

it('runs one project job per queue event and ignores malformed events', async () => {
  const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  await consumer({ call: { functionKey: 'process-project-job', payload: { runId: 'r1', projectKey: 'IT', reason: 'recheck' } }, context: {} });
  expect(processProjectJob).toHaveBeenCalledWith(deps, { runId: 'r1', projectKey: 'IT', reason: 'recheck' });
  await consumer({ call: { functionKey: 'process-project-job', payload: { projectKey: 'IT' } }, context: {} });
  expect(processProjectJob).toHaveBeenCalledTimes(1);
  expect(logged).toHaveBeenCalledWith('Ignoring a malformed queue event');
  logged.mockRestore();
});
