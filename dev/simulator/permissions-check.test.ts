/**
 * POST /rest/api/3/permissions/check as Jira documents it: "A maximum of 1000
 * projects and 1000 issues can be checked", so 1001 project ids are a 400 and a
 * caller (the CLI's fix planning) must split its desks into calls of 1000.
 */
import type { RunningSimulator } from './server';
import { MAX_IDS_PER_CHECK } from './routes/permissions';
import { DEMO_CREDENTIALS } from './sites/demo';
import { call } from './testing/client';
import { useValidatedDemoSimulator } from './testing/validated-demo';

const { admin } = DEMO_CREDENTIALS;

let sim: RunningSimulator;
useValidatedDemoSimulator((started) => (sim = started));

const ids = (n: number) => Array.from({ length: n }, (_, i) => 10000 + i);
const check = (projects: number[]) =>
  call(sim, 'POST', '/rest/api/3/permissions/check', { as: admin, body: { globalPermissions: ['ADMINISTER'], projectPermissions: [{ permissions: ['ADMINISTER_PROJECTS'], projects }] } });

describe('POST /rest/api/3/permissions/check', () => {
  it('answers 1000 project ids, and refuses 1001 with 400', async () => {
    const thousand = await check(ids(MAX_IDS_PER_CHECK));
    expect(thousand.status).toBe(200);
    expect(thousand.json().globalPermissions).toEqual(['ADMINISTER']);
    const tooMany = await check(ids(MAX_IDS_PER_CHECK + 1));
    expect(tooMany.status).toBe(400);
    expect(tooMany.json().errorMessages).toEqual(['A maximum of 1000 projects and 1000 issues can be checked.']);
  });
});
